import { createLineMap } from '../chunk/line-map.js';
import type { TextSpan } from '../chunk/text-span.js';
import type { Passage, Quote } from '../shared/types.js';

/**
 * A sentence an answer quotes from `passage` (`span` in its text), with the
 * lines of the file it is on, so a reader opens the sentence, not the whole
 * passage around it.
 *
 * @example
 * toQuote({ text: 'Intro.\n\nRemove the folder.', startLine: 40, … }, { text: 'Remove the folder.', start: 8, end: 26 }, 'Uninstall');
 * // → { text: 'Remove the folder.', startLine: 42, endLine: 42, section: 'Uninstall' }
 */
export function toQuote(passage: Pick<Passage, 'text' | 'startLine'>, span: TextSpan, section: string | null): Quote {
  const lines = createLineMap(passage.text);
  // The last character, not `end`: a sentence that ends its line does not run onto the next.
  const last = Math.max(span.start, span.end - 1);
  return {
    text: span.text,
    startLine: passage.startLine + lines.lineAt(span.start) - 1,
    endLine: passage.startLine + lines.lineAt(last) - 1,
    section,
  };
}
