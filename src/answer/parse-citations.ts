/**
 * A citation marker: square brackets around passage numbers, alone or as a list
 * or range (`[2]`, `[1, 3]`, `[1;3]`, `[2-4]`). Numbers have at most three
 * digits so that a bracketed year such as `[2023]` is left alone. Adjacent
 * markers (`[1][2]`) are simply two markers.
 */
const MARKER_SOURCE = String.raw`\[\s*(\d{1,3}(?:\s*[-–]\s*\d{1,3})?(?:\s*[,;]\s*\d{1,3}(?:\s*[-–]\s*\d{1,3})?)*)\s*\]`;

/** A range longer than this is not a citation (`[1-900]`); its ends are kept as they are. */
const MAX_RANGE_LENGTH = 20;

/** A fresh global RegExp for markers (fresh because a shared global RegExp carries `lastIndex`). */
export function createCitationMarkerPattern(): RegExp {
  return new RegExp(MARKER_SOURCE, 'g');
}

/**
 * The passage numbers inside one marker's brackets, in written order, ranges
 * expanded: `'1, 3-5'` → `[1, 3, 4, 5]`.
 */
export function readMarkerNumbers(inner: string): number[] {
  const numbers: number[] = [];
  for (const part of inner.split(/[,;]/)) {
    const [from, to] = part.split(/[-–]/).map((value) => Number.parseInt(value.trim(), 10));
    if (from === undefined || Number.isNaN(from)) continue;
    if (to === undefined || Number.isNaN(to) || to < from || to - from > MAX_RANGE_LENGTH) {
      numbers.push(from);
      if (to !== undefined && !Number.isNaN(to) && to !== from) numbers.push(to);
      continue;
    }
    for (let n = from; n <= to; n++) numbers.push(n);
  }
  return numbers;
}

/**
 * The passage numbers cited in `text` by `[n]`, `[n, m]` and `[n][m]` markers,
 * in order of first appearance, each once. Says nothing about whether a number
 * is valid; `verifyCitations` decides that. Pure.
 *
 * @example
 * parseCitations('Paris [2], on the Seine [1][2].'); // [2, 1]
 */
export function parseCitations(text: string): number[] {
  const seen = new Set<number>();
  for (const match of text.matchAll(createCitationMarkerPattern())) {
    for (const n of readMarkerNumbers(match[1] ?? '')) seen.add(n);
  }
  return [...seen];
}

/** `text` without its citation markers (and the space before each). */
export function stripCitationMarkers(text: string): string {
  return text.replace(new RegExp(String.raw`[ \t]*` + MARKER_SOURCE, 'g'), '');
}
