import type { Citation } from '../../shared/types.js';

/**
 * The section a citation's heading names: the one its first quoted sentence
 * sits under, else the passage's. A passage can run past a heading, and
 * `guide.md:1-9 › Guide` would hide that the answer quotes `## Uninstall`.
 */
export function headingSection(citation: Pick<Citation, 'section' | 'quotes'>): string | null {
  return citation.quotes?.[0]?.section ?? citation.section;
}
