import type { Citation, Passage } from '../shared/types.js';
import { dropRepeatedPassages } from './repeated-text.js';

/** Closest passages listed when an answerer abstains. */
export const ABSTAIN_PASSAGES_SHOWN = 3;

/** A passage as citation `id`: its text is the stored chunk, verbatim from the document. */
export function toCitation(passage: Passage, id: number): Citation {
  const { source, startLine, endLine, page, section, text, score } = passage;
  return { id, source, startLine, endLine, page, section, text, score };
}

/** The closest passages, numbered from 1, for an answer that abstains; a second copy of one is not listed. */
export function closestPassages(passages: readonly Passage[]): Citation[] {
  return dropRepeatedPassages(passages)
    .slice(0, ABSTAIN_PASSAGES_SHOWN)
    .map((passage, i) => toCitation(passage, i + 1));
}
