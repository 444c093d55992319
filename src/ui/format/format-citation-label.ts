import type { Citation } from '../../shared/types.js';
import { terminalSafeName } from '../../shared/terminal-safe.js';

/**
 * The one-line label of a citation, as printed under an answer.
 *
 * @example
 * formatCitationLabel({ id: 1, source: 'notes.md', startLine: 3, endLine: 5, page: null, … })
 * // → '[1] notes.md:3-5'
 * formatCitationLabel({ id: 2, source: 'a.pdf', startLine: 10, endLine: 12, page: 4, … })
 * // → '[2] a.pdf:10-12 (p. 4)'
 * formatCitationLabel({ id: 3, source: 'a.txt', startLine: 7, endLine: 7, page: null, … })
 * // → '[3] a.txt:7'
 */
export function formatCitationLabel(
  citation: Citation,
  /** The path as shown, when shortened to fit (see `fitSourceHeading`). */
  source: string = terminalSafeName(citation.source),
): string {
  const page = citation.page === null ? '' : ` (p. ${citation.page})`;
  const lines =
    citation.startLine === citation.endLine
      ? `${citation.startLine}`
      : `${citation.startLine}-${citation.endLine}`;
  return `[${citation.id}] ${source}:${lines}${page}`;
}
