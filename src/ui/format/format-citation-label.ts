import type { Citation } from '../../shared/types.js';

/**
 * The one-line label of a citation, as printed under an answer.
 *
 * @example
 * formatCitationLabel({ id: 1, source: 'notes.md', startLine: 3, endLine: 5, page: null, … })
 * // → '[1] notes.md:3-5'
 * formatCitationLabel({ id: 2, source: 'a.pdf', startLine: 10, endLine: 12, page: 4, … })
 * // → '[2] a.pdf:10-12 (p. 4)'
 */
export function formatCitationLabel(citation: Citation): string {
  const page = citation.page === null ? '' : ` (p. ${citation.page})`;
  return `[${citation.id}] ${citation.source}:${citation.startLine}-${citation.endLine}${page}`;
}
