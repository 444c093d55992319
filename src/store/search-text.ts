import { tokenize } from '../text/tokenize.js';

/**
 * Text as FTS5 sees it: the words of `tokenize`, separated by single spaces.
 * FTS5's `unicode61` tokenizer splits on spaces and punctuation only, so a
 * Chinese, Japanese or Thai clause (which has no spaces) would otherwise be one
 * giant token that no query word ever matches. Feeding it the shared
 * tokenizer's words makes the index, the queries and the term statistics agree
 * on every word; FTS5 then only stems them (`porter`).
 *
 * Use it on both sides of FTS5: on the `title` and `text` columns when
 * indexing, and on the user's words when building a MATCH expression.
 *
 * @example
 * toSearchText('我们今天去公园'); // '我们 今天 去 公园'
 * toSearchText('用Python写');     // '用 python 写'
 * toSearchText('Plain English!'); // 'plain english'
 */
export function toSearchText(text: string): string {
  return tokenize(text).join(' ');
}
