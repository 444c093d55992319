import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { FootnoteError } from '../../shared/errors.js';
import { withoutByteOrderMark } from '../../shared/without-byte-order-mark.js';
import { describeSchemaIssue } from './describe-schema-issue.js';
import type { EvalDataset, EvalQuery, EvalRecord } from './eval-dataset.js';
import { describeFsError } from './read-json-lines.js';

/** Options for {@link loadSquadDataset}. */
export interface SquadLoadOptions {
  signal?: AbortSignal;
}

/**
 * The SQuAD v1.1 file shape. Objects are not strict, so files that add fields
 * (CMRC 2018 adds paragraph and article ids) still load; `version` is not checked
 * for the same reason (CMRC says "v1.0").
 *
 * @see https://rajpurkar.github.io/SQuAD-explorer/
 */
const squadFileSchema = z.object({
  data: z.array(
    z.object({
      title: z.string(),
      paragraphs: z.array(
        z.object({
          context: z.string(),
          qas: z.array(
            z.object({
              id: z.string(),
              question: z.string(),
              answers: z.array(z.object({ text: z.string(), answer_start: z.number() })),
            }),
          ),
        }),
      ),
    }),
  ),
});

/**
 * Loads a SQuAD v1.1-format JSON file. Each paragraph becomes a record with id
 * `${articleIndex}-${paragraphIndex}` (0-based) and the article title with `_`
 * read as spaces; each question becomes a query whose one relevant record is its
 * paragraph (relevance 1), carrying the deduplicated gold answer texts.
 *
 * @throws FootnoteError `DATASET_INVALID` for an unreadable file, bad JSON, or the first schema mismatch (with its path);
 *   `DATASET_EMPTY` for a file without questions or without context text.
 * @example
 * const dev = await loadSquadDataset('squad/dev-v1.1.json');
 * dev.queries[0]?.answers; // ['Denver Broncos']
 */
export async function loadSquadDataset(file: string, options: SquadLoadOptions = {}): Promise<EvalDataset> {
  let content: string;
  try {
    content = await readFile(file, { encoding: 'utf8', signal: options.signal });
  } catch (error) {
    if (options.signal?.aborted) throw new FootnoteError('ABORTED', {}, { cause: error });
    throw new FootnoteError('DATASET_INVALID', { path: file, detail: describeFsError(error) }, { cause: error });
  }
  let json: unknown;
  try {
    json = JSON.parse(withoutByteOrderMark(content));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new FootnoteError('DATASET_INVALID', { path: file, detail: `invalid JSON (${reason})` }, { cause: error });
  }
  const parsed = squadFileSchema.safeParse(json);
  if (!parsed.success) {
    throw new FootnoteError('DATASET_INVALID', { path: file, detail: describeSchemaIssue(parsed.error) });
  }

  const records: EvalRecord[] = [];
  const queries: EvalQuery[] = [];
  for (const [articleIndex, article] of parsed.data.data.entries()) {
    const title = article.title.replaceAll('_', ' ');
    for (const [paragraphIndex, paragraph] of article.paragraphs.entries()) {
      const recordId = `${articleIndex}-${paragraphIndex}`;
      records.push({ id: recordId, title: title === '' ? null : title, text: paragraph.context });
      for (const qa of paragraph.qas) {
        queries.push({
          id: qa.id,
          text: qa.question,
          relevant: new Map([[recordId, 1]]),
          answers: [...new Set(qa.answers.map((answer) => answer.text))],
        });
      }
    }
  }
  if (queries.length === 0) {
    throw new FootnoteError('DATASET_EMPTY', { path: file, lacks: 'questions', detail: `${file} holds no question` });
  }
  if (!records.some((record) => record.text.trim() !== '')) {
    throw new FootnoteError('DATASET_EMPTY', { path: file, lacks: 'contexts', detail: `${file} holds no paragraph with text` });
  }
  return { name: path.basename(file, path.extname(file)), kind: 'squad', records, queries };
}
