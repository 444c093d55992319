import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { FootnoteError } from '../../shared/errors.js';
import { withoutByteOrderMark } from '../../shared/without-byte-order-mark.js';
import { describeSchemaIssue } from './describe-schema-issue.js';
import type { EvalDataset, EvalQuery, EvalRecord } from './eval-dataset.js';
import { describeFsError, readJsonLines } from './read-json-lines.js';

/** Options for {@link loadBeirDataset}. */
export interface BeirLoadOptions {
  /** Which `qrels/<split>.tsv` to read; BEIR ships `test` for every dataset. */
  split?: string;
  signal?: AbortSignal;
}

// BEIR ids are strings, but a few community exports write numeric ids; accept both.
const idSchema = z.union([z.string(), z.number()]).transform(String);

const corpusLineSchema = z.object({
  _id: idSchema,
  title: z.string().nullish(),
  text: z.string(),
});

const queryLineSchema = z.object({
  _id: idSchema,
  text: z.string(),
});

/**
 * Loads a BEIR-format folder: `corpus.jsonl` (`_id`, `title`, `text`),
 * `queries.jsonl` (`_id`, `text`) and `qrels/<split>.tsv`
 * (`query-id\tcorpus-id\tscore` with a header line). Only queries with at least
 * one judgement above 0 are kept, in `queries.jsonl` order.
 *
 * @throws FootnoteError `DATASET_INVALID` naming the file (and line) that is missing or malformed;
 *   `DATASET_EMPTY` when no record has text, or no query is judged.
 * @see https://github.com/beir-cellar/beir/wiki/Load-your-custom-dataset
 * @example
 * const scifact = await loadBeirDataset('datasets/scifact');
 * scifact.queries[0]?.relevant; // Map { '31715818' => 1 }
 */
export async function loadBeirDataset(dir: string, options: BeirLoadOptions = {}): Promise<EvalDataset> {
  const split = options.split ?? 'test';
  const qrels = await readQrels(path.join(dir, 'qrels', `${split}.tsv`), options.signal);
  const records = await readCorpus(path.join(dir, 'corpus.jsonl'), options.signal);
  const queriesFile = path.join(dir, 'queries.jsonl');
  const queries: EvalQuery[] = [];
  const queryIds: string[] = [];
  for await (const { lineNumber, value } of readJsonLines(queriesFile, options.signal)) {
    const query = parseLine(queryLineSchema, value, queriesFile, lineNumber);
    queryIds.push(query._id);
    const relevant = qrels.get(query._id);
    if (relevant !== undefined) queries.push({ id: query._id, text: query.text, relevant });
  }
  if (!records.some((record) => record.text.trim() !== '')) {
    const file = path.join(dir, 'corpus.jsonl');
    throw new FootnoteError('DATASET_EMPTY', { path: file, lacks: 'records', detail: `${file} holds no record with text` });
  }
  if (queryIds.length === 0) {
    throw new FootnoteError('DATASET_EMPTY', { path: queriesFile, lacks: 'queries', detail: `${queriesFile} holds no query` });
  }
  if (queries.length === 0) {
    // Usually ids that differ in case or prefix from those of queries.jsonl: show some to compare.
    const examples = queryIds.slice(0, 3).join(', ') + (queryIds.length > 3 ? ', …' : '');
    const qrelsFile = path.join(dir, 'qrels', `${split}.tsv`);
    throw new FootnoteError('DATASET_EMPTY', {
      path: qrelsFile,
      lacks: 'judgements',
      split,
      examples,
      detail: `no query of ${queriesFile} has a judgement above 0 in ${qrelsFile}`,
    });
  }
  return { name: path.basename(path.resolve(dir)), kind: 'beir', records, queries };
}

async function readCorpus(file: string, signal: AbortSignal | undefined): Promise<EvalRecord[]> {
  const records: EvalRecord[] = [];
  // The index keeps one record per id: a second one would silently replace the first.
  const lineById = new Map<string, number>();
  for await (const { lineNumber, value } of readJsonLines(file, signal)) {
    const line = parseLine(corpusLineSchema, value, file, lineNumber);
    const firstLine = lineById.get(line._id);
    if (firstLine !== undefined) {
      throw new FootnoteError('DATASET_INVALID', {
        path: file,
        line: lineNumber,
        detail: `line ${lineNumber}: _id ${JSON.stringify(line._id)} is also the _id of line ${firstLine}`,
      });
    }
    lineById.set(line._id, lineNumber);
    records.push({ id: line._id, title: line.title ? line.title : null, text: line.text });
  }
  return records;
}

/**
 * Reads a TREC-style qrels TSV into query id → (doc id → relevance). BEIR writes
 * CRLF line endings, so `\r` is stripped; judgements ≤ 0 mean "not relevant" and
 * are dropped, as pytrec_eval's relevance counting does.
 */
async function readQrels(file: string, signal: AbortSignal | undefined): Promise<Map<string, Map<string, number>>> {
  let content: string;
  try {
    content = await readFile(file, { encoding: 'utf8', signal });
  } catch (error) {
    if (signal?.aborted) throw new FootnoteError('ABORTED', {}, { cause: error });
    throw new FootnoteError('DATASET_INVALID', { path: file, detail: describeFsError(error) }, { cause: error });
  }
  const qrels = new Map<string, Map<string, number>>();
  const lines = withoutByteOrderMark(content).split('\n');
  for (const [index, rawLine] of lines.entries()) {
    const line = rawLine.replace(/\r$/, '');
    if (line.trim() === '') continue;
    const [queryId, docId, scoreText] = line.split('\t');
    if (index === 0 && queryId === 'query-id') continue;
    const score = Number(scoreText);
    if (queryId === undefined || docId === undefined || scoreText === undefined || !Number.isFinite(score)) {
      throw new FootnoteError('DATASET_INVALID', {
        path: file,
        line: index + 1,
        detail: `line ${index + 1}: expected "query-id<TAB>corpus-id<TAB>score"`,
      });
    }
    if (score <= 0) continue;
    let relevant = qrels.get(queryId);
    if (relevant === undefined) {
      relevant = new Map();
      qrels.set(queryId, relevant);
    }
    relevant.set(docId, score);
  }
  return qrels;
}

function parseLine<T extends z.ZodType>(schema: T, value: unknown, file: string, lineNumber: number): z.output<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new FootnoteError('DATASET_INVALID', {
    path: file,
    line: lineNumber,
    detail: `line ${lineNumber}: ${describeSchemaIssue(result.error)}`,
  });
}
