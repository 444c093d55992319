import { scowlSizeOf, type ScowlSize } from '../text/english-words.js';
import { stem } from '../text/porter-stemmer.js';
import type { TermHits } from '../text/sentence-terms.js';
import { STOP_WORDS } from '../text/stop-words.js';
import { tokenize } from '../text/tokenize.js';

/**
 * Passages of evidence the background prior counts as (μ): a corpus of n
 * passages keeps n / (n + μ) of its own say on how informative a common
 * English word is, the background the rest. Measured with
 * bench/measure-small-corpora.ts (SQuAD dev one corpus per article, ~52
 * passages; SciFact groups of 120) against none: μ 30, 100, 300 and 1,000
 * all gained; 300 gained most together, SQuAD nDCG@10 0.914 → 0.917, R@1
 * 0.839 → 0.844, answer hit 0.719 → 0.726 (1 sentence) and 0.785 → 0.799
 * (2), SciFact nDCG@10 0.922 → 0.929. On the full sets (2,000 to 10,000
 * passages) it moved nothing beyond ±0.001.
 */
export const BACKGROUND_PRIOR_PASSAGES = 300;

/**
 * Above this many passages the prior would move no weight by more than
 * 0.65 · μ / (n + μ) < 0.7%, so the word-list lookups (0.7 ms a question at
 * the median, 4.6 ms at p95, on the bench's questions) are skipped: latency
 * at 100k chunks and beyond stays what it was.
 */
export const BACKGROUND_PRIOR_MAX_PASSAGES = 100 * BACKGROUND_PRIOR_PASSAGES;

/**
 * How informative a word of each SCOWL size is in English at large, as a
 * share of a word in no list: a rough background idf, ln(1/p), where p is
 * the share of passages of general prose taken to hold such a word (3% at
 * size 10, 0.6% at 20, … 0.01% at 70; 0.005% for a name or a term of art),
 * divided by that of the unlisted word. Only the order and rough ratios
 * matter: a linear scale (0.2 at 10 … 0.95 at 70) measured slightly worse.
 */
const BACKGROUND_SHARE: Readonly<Record<ScowlSize, number>> = {
  10: 0.35,
  20: 0.52,
  35: 0.63,
  40: 0.7,
  50: 0.77,
  55: 0.82,
  60: 0.86,
  70: 0.93,
};

/**
 * The share of its corpus idf each English content term of `question` keeps,
 * by how common the word is in English at large: in a folder of 45 passages
 * "use" can count two thirds as much as "Ollama", since the corpus is too
 * small to show that "use" is everywhere. Each term's share is
 * (n + μ·b) / (n + μ), with n the passages indexed, μ
 * {@link BACKGROUND_PRIOR_PASSAGES} and b its word's background share (0.35
 * for the commonest words): Dirichlet-style shrinkage toward the background,
 * strong in a small corpus and fading in a large one. Words the lists lack
 * (names, jargon, other scripts) keep their corpus idf: those are the
 * question's subject more often than not.
 *
 * @returns term → share (0..1); terms without an English word are absent.
 * @see https://en.wikipedia.org/wiki/Additive_smoothing
 */
export function backgroundShares(question: string, passageCount: number): Map<string, number> {
  const shares = new Map<string, number>();
  if (passageCount > BACKGROUND_PRIOR_MAX_PASSAGES) return shares;
  const evidence = passageCount / (passageCount + BACKGROUND_PRIOR_PASSAGES);
  for (const word of tokenize(question)) {
    if (STOP_WORDS.has(word)) continue;
    const size = scowlSizeOf(word);
    if (size === undefined) continue;
    const share = evidence + (1 - evidence) * BACKGROUND_SHARE[size];
    const term = stem(word);
    // Two words of one stem ("use", "usage"): the commoner decides.
    shares.set(term, Math.min(share, shares.get(term) ?? 1));
  }
  return shares;
}

/**
 * FTS5's BM25 of a passage with each term's idf scaled by its share, which
 * FTS5 itself cannot do: the score times Σ idf·share·g / Σ idf·g over the
 * question terms the passage holds, with g = tf·(k1 + 1) / (tf + k1) the
 * term-frequency part of BM25 at k1 = 1.2 (the passage length, the same for
 * all of its terms, is left out).
 *
 * @see https://en.wikipedia.org/wiki/Okapi_BM25
 */
export function rescaleBm25(
  bm25: number,
  passage: TermHits,
  idf: ReadonlyMap<string, number>,
  shares: ReadonlyMap<string, number>,
): number {
  if (shares.size === 0) return bm25;
  let plain = 0;
  let shared = 0;
  for (const [term, hits] of passage.hits) {
    const weight = idf.get(term);
    if (weight === undefined) continue;
    const saturated = (weight * hits.length * (BM25_K1 + 1)) / (hits.length + BM25_K1);
    plain += saturated;
    shared += saturated * (shares.get(term) ?? 1);
  }
  return plain === 0 ? bm25 : (bm25 * shared) / plain;
}

/** FTS5's bm25() k1. */
const BM25_K1 = 1.2;
