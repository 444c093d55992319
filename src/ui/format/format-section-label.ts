import stringWidth from 'string-width';
import { HEADING_SEPARATOR } from '../../shared/passage-heading.js';
import { terminalSafeText } from '../../shared/terminal-safe.js';
import { ELLIPSIS } from './truncate-quote.js';

/** Columns a section may take in plain `ask` output, which knows no terminal width. */
export const MAX_SECTION_COLUMNS = 48;

/** Fewer columns than this and a section is left out: `› …` alone says nothing. */
const MIN_SECTION_COLUMNS = 8;

/**
 * The section after a citation's location, ` › Install › Windows`, within
 * `maxColumns` terminal columns (its leading space included). A trail too long
 * loses its outer headings first, since the innermost names the place
 * (` › … › Windows`); one heading too long is cut at its end with "…". Empty for no section or
 * too little room.
 *
 * @example
 * formatSectionLabel('Install › Windows', 40); // ' › Install › Windows'
 * formatSectionLabel('Guide › Install › Windows', 16); // ' › … › Windows'
 */
export function formatSectionLabel(section: string | null, maxColumns: number): string {
  if (section === null || section === '' || maxColumns < MIN_SECTION_COLUMNS) return '';
  const headings = terminalSafeText(section).replace(/\s+/g, ' ').split(HEADING_SEPARATOR);
  for (let first = 0; first < headings.length; first++) {
    const kept = headings.slice(first);
    const label = ` › ${(first > 0 ? [ELLIPSIS, ...kept] : kept).join(HEADING_SEPARATOR)}`;
    if (stringWidth(label) <= maxColumns) return label;
  }
  return cutToColumns(` › ${headings.at(-1) ?? ''}`, maxColumns);
}

/** ` › heading` cut to `columns` terminal columns at a space where it has one, ending in "…" when cut. */
function cutToColumns(label: string, columns: number): string {
  let out = '';
  let used = 0;
  for (const character of label) {
    const width = stringWidth(character);
    if (used + width > columns - 1) {
      const space = out.lastIndexOf(' ');
      // The space of the leading ` › ` is no place to cut.
      return `${(space > 3 ? out.slice(0, space) : out).trimEnd()}${ELLIPSIS}`;
    }
    out += character;
    used += width;
  }
  return out;
}
