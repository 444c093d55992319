import type { Passage } from '../../src/shared/types.js';

/** A one-line passage of `a.txt` (or `overrides.source`) holding `text`, for answerer tests. */
export function makePassage(text: string, overrides: Partial<Passage> = {}): Passage {
  return {
    id: 1,
    source: 'a.txt',
    ordinal: 0,
    text,
    startOffset: 0,
    endOffset: text.length,
    startLine: 1,
    endLine: 1,
    page: null,
    section: null,
    title: null,
    format: 'text',
    score: 1,
    ...overrides,
  };
}
