import type { PdfLine } from './group-pdf-lines.js';

/** A running line repeats on at least this many pages… */
const MIN_PAGES = 3;
/** …and on at least this share of the document's pages. */
const MIN_PAGE_SHARE = 0.5;
/** Points a running line may drift from its usual baseline (rounding in the PDF writer). */
const BASELINE_TOLERANCE = 2;

type Edge = 'top' | 'bottom';

interface Candidate {
  page: number;
  edge: Edge;
  line: PdfLine;
}

/**
 * The pages without their running headers and footers, which would otherwise
 * repeat in every passage and win searches for the document's title. Only the
 * top-most and bottom-most line of a page can be one, and only when the same
 * kind of line sits at the same height on at least half the pages (and at
 * least 3). Two kinds are recognised:
 * - the same text once digits are ignored ("Report 2024 — page 7", "Draft");
 * - a page number, alone or at either end of the line, that is the page's
 *   position plus one constant offset, on lines that are the number alone
 *   or whose words repeat on another page: this catches a header that names
 *   the current chapter ("Chapter 4: Functions 12"), which changes along the
 *   document while its page number keeps counting, but not a numbered
 *   heading atop each page ("1 Introduction", "2 Methods").
 * A title page that repeats the header at another height or size keeps it.
 *
 * @param pages The lines of each page, as `groupPdfLines` returns them.
 */
export function dropRunningLines(pages: readonly (readonly PdfLine[])[]): PdfLine[][] {
  const candidates = pages.flatMap((lines, page) => edgeLines(lines).map(({ edge, line }) => ({ page, edge, line })));
  const minPages = Math.max(MIN_PAGES, Math.ceil(MIN_PAGE_SHARE * pages.length));
  const running = new Set<PdfLine>();
  const groups = [
    ...groupBy(candidates, (candidate) => [`${candidate.edge} ${normalizeText(candidate.line.text)}`]),
    ...groupBy(candidates, (candidate) =>
      pageNumbersOf(candidate.line.text).map((number) => `${candidate.edge} page ${number - candidate.page}`),
    ).map(withRepeatedWords),
  ];
  for (const group of groups) {
    const members = atUsualHeight(group);
    if (new Set(members.map((member) => member.page)).size < minPages) continue;
    for (const member of members) running.add(member.line);
  }
  return pages.map((lines) => lines.filter((line) => !running.has(line)));
}

/** The members of a page-number group that are the number alone or whose words repeat in the group. */
function withRepeatedWords(group: readonly Candidate[]): Candidate[] {
  const pagesOfWords = new Map<string, number>();
  for (const candidate of group) {
    const words = normalizeText(candidate.line.text);
    pagesOfWords.set(words, (pagesOfWords.get(words) ?? 0) + 1);
  }
  return group.filter((candidate) => {
    const words = normalizeText(candidate.line.text);
    return words === '#' || (pagesOfWords.get(words) ?? 0) >= 2;
  });
}

function edgeLines(lines: readonly PdfLine[]): { edge: Edge; line: PdfLine }[] {
  let top: PdfLine | undefined;
  let bottom: PdfLine | undefined;
  for (const line of lines) {
    if (top === undefined || line.y > top.y) top = line;
    if (bottom === undefined || line.y < bottom.y) bottom = line;
  }
  if (top === undefined || bottom === undefined) return [];
  return top === bottom ? [{ edge: 'top', line: top }] : [{ edge: 'top', line: top }, { edge: 'bottom', line: bottom }];
}

/** Case, spacing and every number ignored: "Page 3 of 10" and "page 4 of 10" are one line. */
function normalizeText(text: string): string {
  return text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();
}

/** The numbers a line could show as its page number: the whole line, its first word or its last. */
function pageNumbersOf(text: string): number[] {
  const numbers = new Set<number>();
  for (const match of [/^(\d{1,4})\b/.exec(text), /\b(\d{1,4})$/.exec(text)]) {
    if (match?.[1] !== undefined) numbers.add(Number(match[1]));
  }
  return [...numbers];
}

function groupBy(candidates: readonly Candidate[], keysOf: (candidate: Candidate) => string[]): Candidate[][] {
  const groups = new Map<string, Candidate[]>();
  for (const candidate of candidates) {
    for (const key of keysOf(candidate)) {
      const group = groups.get(key) ?? [];
      group.push(candidate);
      groups.set(key, group);
    }
  }
  return [...groups.values()];
}

/** The members of a group whose baseline is within the tolerance of the group's median. */
function atUsualHeight(group: readonly Candidate[]): Candidate[] {
  const heights = group.map((candidate) => candidate.line.y).sort((a, b) => a - b);
  const median = heights[Math.floor(heights.length / 2)] ?? 0;
  return group.filter((candidate) => Math.abs(candidate.line.y - median) <= BASELINE_TOLERANCE);
}
