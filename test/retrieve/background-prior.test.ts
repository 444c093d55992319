import { describe, expect, it } from 'vitest';
import { BACKGROUND_PRIOR_MAX_PASSAGES, BACKGROUND_PRIOR_PASSAGES, backgroundShares, rescaleBm25 } from '../../src/retrieve/background-prior.js';
import type { TermHits } from '../../src/text/sentence-terms.js';

/** A passage holding each term `count` times. */
const passage = (counts: Record<string, number>): TermHits => ({
  termCount: 50,
  hits: new Map(
    Object.entries(counts).map(([term, count]) => [
      term,
      Array.from({ length: count }, (_, position) => ({ sentence: 0, position })),
    ]),
  ),
});

describe('backgroundShares', () => {
  it('shrinks common English words by the corpus size and leaves names out', () => {
    const evidence = 45 / (45 + BACKGROUND_PRIOR_PASSAGES);
    const shares = backgroundShares('How do I use Ollama with a folder?', 45);
    expect([...shares.keys()]).toEqual(['us', 'folder']);
    expect(shares.get('us')).toBeCloseTo(evidence + (1 - evidence) * 0.35, 10);
    expect(shares.get('folder')).toBeCloseTo(evidence + (1 - evidence) * 0.52, 10);
  });

  it('fades as the corpus grows, and is not looked up where it would move nothing', () => {
    const small = backgroundShares('use', 50).get('us')!;
    const large = backgroundShares('use', BACKGROUND_PRIOR_MAX_PASSAGES).get('us')!;
    expect(small).toBeLessThan(0.5);
    expect(large).toBeGreaterThan(0.99);
    expect(backgroundShares('use', BACKGROUND_PRIOR_MAX_PASSAGES + 1)).toEqual(new Map());
  });

  it('leaves Chinese words out', () => {
    expect(backgroundShares('根部有什么作用？', 45)).toEqual(new Map());
  });
});

describe('rescaleBm25', () => {
  const idf = new Map([['us', 2], ['ollama', 3]]);

  it('scales BM25 by the share of idf left to the terms the passage holds', () => {
    const shares = new Map([['us', 0.5]]);
    // Once each: equal saturation, so (2·0.5 + 3) / (2 + 3) of the score.
    expect(rescaleBm25(10, passage({ us: 1, ollama: 1 }), idf, shares)).toBeCloseTo(8, 10);
    expect(rescaleBm25(10, passage({ ollama: 4 }), idf, shares)).toBeCloseTo(10, 10);
    expect(rescaleBm25(10, passage({ us: 3 }), idf, shares)).toBeCloseTo(5, 10);
  });

  it('keeps the score when no term has a share or the passage holds none', () => {
    expect(rescaleBm25(10, passage({ us: 1 }), idf, new Map())).toBe(10);
    expect(rescaleBm25(10, passage({}), idf, new Map([['us', 0.5]]))).toBe(10);
  });
});
