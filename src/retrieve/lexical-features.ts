import type { TermHits } from '../text/sentence-terms.js';
import type { WeightedTerms } from './question-terms.js';

/** How closely a passage's wording follows the question, beyond BM25's bag of words. */
export interface LexicalFeatures {
  /** Share of the question's idf weight found together in one sentence (0..1). */
  sentenceCoverage: number;
  /** Share of adjacent question-term pairs that occur near each other in the passage (0..1). */
  proximity: number;
}

/** Two question terms count as near when at most this many words apart. */
const PROXIMITY_WINDOW = 4;

/**
 * Measures what BM25 ignores: whether the question's terms meet in one
 * sentence (the answer usually sits in one) and whether terms adjacent in the
 * question stay close in the passage, in the spirit of term-proximity models.
 *
 * @param passage where the passage holds the question's terms (searched for all of `weights`' terms).
 * @see https://doi.org/10.1145/1076034.1076115 (Metzler & Croft, a Markov random field model for term dependencies)
 */
export function measureLexicalFeatures(
  passage: TermHits,
  questionTerms: readonly string[],
  weights: WeightedTerms,
): LexicalFeatures {
  const total = sumWeights(weights);
  if (total === 0) return { sentenceCoverage: 0, proximity: 0 };

  const weightBySentence = new Map<number, number>();
  const positions = new Map<string, number[]>();
  for (const [term, hits] of passage.hits) {
    const weight = weights.get(term);
    if (weight === undefined) continue;
    let lastSentence = -1;
    const list: number[] = [];
    for (const hit of hits) {
      // Each term counts once per sentence; hits come in passage order.
      if (hit.sentence !== lastSentence) {
        weightBySentence.set(hit.sentence, (weightBySentence.get(hit.sentence) ?? 0) + weight);
        lastSentence = hit.sentence;
      }
      // A sentence break also separates terms.
      list.push(hit.position + hit.sentence * PROXIMITY_WINDOW);
    }
    positions.set(term, list);
  }
  const bestSentence = Math.max(0, ...weightBySentence.values());

  let pairWeight = 0;
  let nearWeight = 0;
  for (let i = 0; i + 1 < questionTerms.length; i++) {
    const first = questionTerms[i] as string;
    const second = questionTerms[i + 1] as string;
    if (first === second) continue;
    const weight = Math.min(weights.get(first) ?? 0, weights.get(second) ?? 0);
    pairWeight += weight;
    if (areNear(positions.get(first), positions.get(second))) nearWeight += weight;
  }
  return {
    sentenceCoverage: bestSentence / total,
    proximity: pairWeight === 0 ? 0 : nearWeight / pairWeight,
  };
}

function areNear(first: number[] | undefined, second: number[] | undefined): boolean {
  if (!first || !second) return false;
  // Both lists are ascending: walk them together.
  let i = 0;
  let j = 0;
  while (i < first.length && j < second.length) {
    const a = first[i] as number;
    const b = second[j] as number;
    if (Math.abs(a - b) <= PROXIMITY_WINDOW) return true;
    if (a < b) i++;
    else j++;
  }
  return false;
}

function sumWeights(weights: WeightedTerms): number {
  let total = 0;
  for (const weight of weights.values()) total += weight;
  return total;
}
