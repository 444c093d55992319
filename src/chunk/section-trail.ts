import { HEADING_SEPARATOR } from '../shared/passage-heading.js';

/** A heading as a section trail needs it: where it starts, its level (1–6) and its text. */
export interface TrailHeading {
  /** UTF-16 offset of the heading's start in the document's text. */
  start: number;
  level: number;
  title: string;
}

/**
 * Finds the section a position in a text lies in: the trail of headings in
 * effect there, outermost first, joined by {@link HEADING_SEPARATOR}. A
 * heading of level n replaces the previous one of level n and drops deeper
 * ones; a position at the very start of a heading is inside it. Null before
 * the first heading. The headings come from the format: Markdown's `#` lines
 * (see `listMarkdownHeadings`), or an HTML or DOCX loader's list. The same
 * idea as LangChain's MarkdownHeaderTextSplitter and LlamaIndex's
 * MarkdownNodeParser, but as positions, so chunks keep their text.
 *
 * @example
 * const sectionAt = createSectionFinder([
 *   { start: 0, level: 1, title: 'Guide' },
 *   { start: 8, level: 2, title: 'Install' },
 * ]);
 * sectionAt(20); // 'Guide › Install'
 * sectionAt(0);  // 'Guide'
 */
export function createSectionFinder(headings: readonly TrailHeading[]): (offset: number) => string | null {
  const trails: (string | null)[] = [];
  const open: string[] = [];
  for (const heading of headings) {
    open.length = heading.level;
    open[heading.level - 1] = heading.title;
    const trail = open.filter((title) => title !== undefined && title !== '').join(HEADING_SEPARATOR);
    trails.push(trail === '' ? null : trail);
  }
  return (offset) => {
    // The last heading starting at or before `offset` (binary search).
    let low = 0;
    let high = headings.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (headings[middle]!.start <= offset) low = middle + 1;
      else high = middle;
    }
    return low === 0 ? null : (trails[low - 1] ?? null);
  };
}

/**
 * The section trail below a heading of `level` titled `title`, given the
 * trail above it: the trail's headings above its level, then it. An empty
 * title leaves the trail as it was. A trail keeps no levels, so its n-th
 * heading is taken to be of level n (a page that skips a level nests one
 * less deep here than {@link createSectionFinder} has it).
 *
 * @example
 * sectionUnder('Guide › Install › Windows', 2, 'Usage'); // 'Guide › Usage'
 */
export function sectionUnder(trail: string | null, level: number, title: string): string | null {
  if (title === '') return trail;
  const parents = trail === null ? [] : trail.split(HEADING_SEPARATOR).slice(0, level - 1);
  return [...parents, title].join(HEADING_SEPARATOR);
}
