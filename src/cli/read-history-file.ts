import fs from 'node:fs';
import { z } from 'zod';
import { FootnoteError } from '../shared/errors.js';
import { withoutByteOrderMark } from '../shared/without-byte-order-mark.js';
import type { ConversationTurn } from '../shared/types.js';

/**
 * Earlier turns, oldest first. Extra fields are allowed and ignored, so an
 * array of saved `footnote ask --json` outputs is a valid history.
 */
const historySchema = z.array(
  z.object({
    question: z.string().trim().min(1),
    answer: z.string(),
  }),
);

function describeIssue(issue: z.core.$ZodIssue): string {
  const [index, key] = issue.path;
  if (typeof index !== 'number') return 'expected a JSON array of {"question", "answer"} objects';
  const where = `turn ${index + 1}`;
  if (key === undefined) return `${where} must be an object with "question" and "answer"`;
  if (issue.code === 'too_small') return `${where}: "${String(key)}" must not be empty`;
  return `${where}: "${String(key)}" must be a string`;
}

/**
 * The conversation in a `--history` file: a JSON array of `{question, answer}`
 * objects, oldest first, or such objects one after another, as saved
 * `footnote ask --json` outputs appended with `>>` (or a single one) are. A
 * missing, unreadable or malformed file is a one-line `HISTORY_INVALID` usage
 * error naming the first problem.
 *
 * @example
 * readHistoryFile('turns.json'); // [{ question: 'Who led the visit?', answer: 'Guo Jun [1].' }]
 */
export function readHistoryFile(file: string): ConversationTurn[] {
  let raw: string;
  try {
    raw = withoutByteOrderMark(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new FootnoteError('HISTORY_INVALID', { path: file, detail: code === 'ENOENT' ? 'no such file' : code });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (error) {
    parsed = parseJsonSequence(raw);
    if (parsed === undefined) {
      throw new FootnoteError('HISTORY_INVALID', { path: file, detail: `not JSON (${(error as Error).message})` });
    }
  }
  const result = historySchema.safeParse(isObject(parsed) ? [parsed] : parsed);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new FootnoteError('HISTORY_INVALID', {
      path: file,
      detail: issue ? describeIssue(issue) : 'invalid history',
    });
  }
  return result.data.map(({ question, answer }) => ({ question, answer }));
}

function isObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * JSON objects written one after another (`{…}\n{…}`), as an array; undefined
 * when the text is not such a sequence. Each object's end is found by counting
 * braces outside strings, then the object is parsed on its own.
 */
function parseJsonSequence(text: string): unknown[] | undefined {
  const values: unknown[] = [];
  let depth = 0;
  let start = -1;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const character = text[i];
    if (inString) {
      if (character === '\\') i++;
      else if (character === '"') inString = false;
    } else if (character === '"') inString = true;
    else if (character === '{') {
      if (depth++ === 0) start = i;
    } else if (character === '}') {
      if (--depth < 0) return undefined;
      if (depth === 0) {
        try {
          values.push(JSON.parse(text.slice(start, i + 1)));
        } catch {
          return undefined;
        }
      }
    } else if (depth === 0 && !/\s/u.test(character ?? '')) return undefined;
  }
  return depth === 0 && values.length > 0 ? values : undefined;
}
