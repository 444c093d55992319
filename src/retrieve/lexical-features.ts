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
 * @see https://doi.org/10.1145/1076034.1076115 (Metzler & Croft, a Markov random field model for term dependencies)
 */
export function measureLexicalFeatures(
  sentences: readonly (readonly string[])[],
  questionTerms: readonly string[],
  weights: WeightedTerms,
): LexicalFeatures {
  const total = sumWeights(weights);
  if (total === 0) return { sentenceCoverage: 0, proximity: 0 };

  let bestSentence = 0;
  const positions = new Map<string, number[]>();
  let offset = 0;
  for (const terms of sentences) {
    let matched = 0;
    const seen = new Set<string>();
    terms.forEach((term, i) => {
      const weight = weights.get(term);
      if (weight === undefined) return;
      if (!seen.has(term)) matched += weight;
      seen.add(term);
      const list = positions.get(term);
      if (list) list.push(offset + i);
      else positions.set(term, [offset + i]);
    });
    bestSentence = Math.max(bestSentence, matched);
    offset += terms.length + PROXIMITY_WINDOW; // a sentence break also separates terms
  }

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
