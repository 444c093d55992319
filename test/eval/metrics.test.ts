import { describe, expect, it } from 'vitest';
import {
  dedupeByDocument,
  hitAtK,
  mean,
  ndcgAtK,
  percentile,
  recallAtK,
  reciprocalRankAtK,
} from '../../src/eval/metrics.js';

const judged = (entries: Record<string, number>): Map<string, number> => new Map(Object.entries(entries));

describe('ndcgAtK', () => {
  it('scores a single relevant document at rank 2 as 1 / log2(3)', () => {
    expect(ndcgAtK(['a', 'b', 'c'], judged({ b: 1 }), 10)).toBeCloseTo(0.6309297535714575, 12);
  });

  it('scores the ideal ordering as 1', () => {
    expect(ndcgAtK(['b', 'a', 'x'], judged({ a: 1, b: 2 }), 10)).toBe(1);
  });

  it('uses linear gain for graded relevance', () => {
    // ranked a(1), b(0), c(3) at k=3: DCG = 1/log2(2) + 0/log2(3) + 3/log2(4) = 1 + 0 + 1.5 = 2.5
    // ideal c(3), e(2), a(1):         IDCG = 3/1 + 2/log2(3) + 1/2 = 3.5 + 1.2618595071429148 = 4.7618595071429155
    // nDCG = 2.5 / 4.7618595071429155 = 0.5250049893849101
    expect(ndcgAtK(['a', 'b', 'c', 'd'], judged({ a: 1, c: 3, e: 2 }), 3)).toBeCloseTo(0.5250049893849101, 12);
  });

  it('gives equal scores to orderings of documents with tied relevance', () => {
    expect(ndcgAtK(['a', 'b'], judged({ a: 2, b: 2 }), 10)).toBe(1);
    expect(ndcgAtK(['b', 'a'], judged({ a: 2, b: 2 }), 10)).toBe(1);
    // x, a(2), b(2): DCG = 2/log2(3) + 2/2 = 2.2618595071429148; IDCG = 2 + 2/log2(3) = 3.2618595071429148
    expect(ndcgAtK(['x', 'a', 'b'], judged({ a: 2, b: 2 }), 10)).toBeCloseTo(0.6934264036172708, 12);
  });

  it('is 0 when the relevant document is not retrieved', () => {
    expect(ndcgAtK(['x', 'y', 'z'], judged({ a: 1 }), 10)).toBe(0);
  });

  it('is 0 when the query has no relevant documents', () => {
    expect(ndcgAtK(['a', 'b'], new Map(), 10)).toBe(0);
    expect(ndcgAtK(['a', 'b'], judged({ a: 0 }), 10)).toBe(0);
  });

  it('ignores documents ranked below k', () => {
    expect(ndcgAtK(['a', 'b', 'c'], judged({ c: 1 }), 2)).toBe(0);
    expect(ndcgAtK(['a', 'b', 'c'], judged({ c: 1 }), 3)).toBe(0.5);
  });

  it('cuts the ideal ordering at k too', () => {
    expect(ndcgAtK(['a'], judged({ a: 1, b: 1, c: 1 }), 1)).toBe(1);
    // k=2: DCG = 1; IDCG = 1 + 1/log2(3) = 1.6309297535714575
    expect(ndcgAtK(['a'], judged({ a: 1, b: 1, c: 1 }), 2)).toBeCloseTo(0.6131471927654584, 12);
  });

  it('counts a repeated id once, at its first rank, before cutting at k', () => {
    expect(ndcgAtK(['b', 'b'], judged({ b: 1 }), 10)).toBe(1);
    expect(ndcgAtK(['a', 'a', 'b'], judged({ b: 1 }), 2)).toBeCloseTo(0.6309297535714575, 12);
  });

  it('is 0 for k below 1', () => {
    expect(ndcgAtK(['a'], judged({ a: 1 }), 0)).toBe(0);
  });
});

describe('recallAtK', () => {
  it('is the share of relevant documents found in the top k', () => {
    const relevant = judged({ a: 1, b: 1, c: 2, d: 0 });
    expect(recallAtK(['a', 'x', 'c', 'b'], relevant, 3)).toBeCloseTo(2 / 3, 12);
    expect(recallAtK(['a', 'x', 'c', 'b'], relevant, 1)).toBeCloseTo(1 / 3, 12);
    expect(recallAtK(['a', 'x', 'c', 'b'], relevant, 10)).toBe(1);
  });

  it('does not count a document judged 0 as relevant', () => {
    expect(recallAtK(['d'], judged({ a: 1, d: 0 }), 10)).toBe(0);
  });

  it('counts a repeated relevant document once', () => {
    expect(recallAtK(['a', 'a'], judged({ a: 1, b: 1 }), 10)).toBe(0.5);
  });

  it('is 0 when the query has no relevant documents', () => {
    expect(recallAtK(['a'], new Map(), 10)).toBe(0);
  });
});

describe('reciprocalRankAtK', () => {
  it('is 1 over the rank of the first relevant document', () => {
    expect(reciprocalRankAtK(['x', 'y', 'b', 'a'], judged({ a: 1, b: 1 }), 10)).toBeCloseTo(1 / 3, 12);
  });

  it('is 0 when the first relevant document is below k', () => {
    expect(reciprocalRankAtK(['x', 'y', 'b'], judged({ b: 1 }), 2)).toBe(0);
  });

  it('ranks after dropping repeated ids', () => {
    expect(reciprocalRankAtK(['x', 'x', 'b'], judged({ b: 1 }), 10)).toBe(0.5);
  });
});

describe('hitAtK', () => {
  it('is 1 when a relevant document is in the top k and 0 otherwise', () => {
    expect(hitAtK(['x', 'b'], judged({ b: 1 }), 2)).toBe(1);
    expect(hitAtK(['x', 'b'], judged({ b: 1 }), 1)).toBe(0);
    expect(hitAtK(['b', 'x'], judged({ b: 1 }), 1)).toBe(1);
  });
});

describe('dedupeByDocument', () => {
  it('keeps each document once at its best rank', () => {
    expect(dedupeByDocument(['a', 'b', 'a', 'c', 'b'])).toEqual(['a', 'b', 'c']);
  });
});

describe('percentile', () => {
  it('interpolates linearly between the closest ranks', () => {
    expect(percentile([4, 1, 3, 2], 50)).toBe(2.5);
    // position 0.95 × 4 = 3.8 → 40 + 0.8 × (50 − 40)
    expect(percentile([50, 10, 40, 20, 30], 95)).toBeCloseTo(48, 12);
  });

  it('returns the minimum at p0 and the maximum at p100', () => {
    expect(percentile([3, 1, 2], 0)).toBe(1);
    expect(percentile([3, 1, 2], 100)).toBe(3);
  });

  it('clamps p to 0..100', () => {
    expect(percentile([3, 1, 2], 150)).toBe(3);
    expect(percentile([3, 1, 2], -5)).toBe(1);
  });

  it('returns the only value of a one-element list', () => {
    expect(percentile([7], 95)).toBe(7);
  });

  it('sorts numerically without changing the input', () => {
    const values = [10, 9, 100];
    expect(percentile(values, 50)).toBe(10);
    expect(values).toEqual([10, 9, 100]);
  });

  it('is NaN for an empty list', () => {
    expect(percentile([], 50)).toBeNaN();
  });
});

describe('mean', () => {
  it('averages the values', () => {
    expect(mean([1, 2, 3, 4])).toBe(2.5);
  });

  it('is NaN for an empty list', () => {
    expect(mean([])).toBeNaN();
  });
});
