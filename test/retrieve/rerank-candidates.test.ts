import { describe, expect, it } from 'vitest';
import { rerankCandidates } from '../../src/retrieve/rerank-candidates.js';
import { formatSentenceTerms, termFinder, tokenizeSentences } from '../../src/text/sentence-terms.js';
import { contentTerms } from '../../src/text/tokenize.js';
import type { TermStatistics } from '../../src/shared/types.js';

const statistics: TermStatistics = {
  passageCount: 100,
  documentFrequency: (terms) => new Map(terms.map((term) => [term, 5])),
};
/** A candidate for `question`, its terms found as retrieval finds them. */
const candidate = (question: string, id: number, text: string, bm25: number, cosine: number) => ({
  id,
  terms: termFinder(contentTerms(question))(formatSentenceTerms(tokenizeSentences(text))),
  bm25,
  cosine,
});

describe('rerankCandidates', () => {
  it('orders by BM25 when nothing else differs', () => {
    const ranked = rerankCandidates(
      'solar panels',
      [candidate('solar panels', 1, 'solar panels', 1, 0), candidate('solar panels', 2, 'solar panels', 4, 0)],
      statistics,
      { cosine: 0.25, sentence: 0.2, proximity: 0.2, local: 0 },
    );
    expect(ranked.map((hit) => hit.id)).toEqual([2, 1]);
    expect(ranked[0]?.score).toBeCloseTo(1 + 0.2 + 0.2, 10);
  });

  it('lets terms that meet in one sentence beat a slightly higher BM25 with scattered terms', () => {
    const ranked = rerankCandidates(
      'solar panels efficiency',
      [
        candidate('solar panels efficiency', 1, 'Solar power grew. Panels got cheaper. Efficiency was flat.', 1, 0),
        candidate('solar panels efficiency', 2, 'The efficiency of solar panels rose.', 0.9, 0),
      ],
      statistics,
      { cosine: 0, sentence: 0.2, proximity: 0.2, local: 0 },
    );
    expect(ranked.map((hit) => hit.id)).toEqual([2, 1]);
  });

  it('adds the weighted cosine', () => {
    const ranked = rerankCandidates('x', [candidate('x', 1, 'y', 0, 0.8)], statistics, {
      cosine: 0.5,
      sentence: 0,
      proximity: 0,
      local: 0,
    });
    expect(ranked).toEqual([{ id: 1, score: 0.4 }]);
  });

  it('reads missing cosines only for candidates that could still make the cut, and ranks as if it had read them all', () => {
    const question = 'solar panels';
    const weights = { cosine: 0.25, sentence: 0.2, proximity: 0.2, local: 0 };
    const cosines = new Map(Array.from({ length: 40 }, (_, i) => [i + 1, ((i * 7) % 10) / 10]));
    const candidates = [...cosines.keys()].map((id) => candidate(question, id, 'solar panels', 40 - id, 0));
    const allRead = rerankCandidates(
      question,
      candidates.map((each) => ({ ...each, cosine: cosines.get(each.id) })),
      statistics,
      weights,
    ).slice(0, 3);
    const asked: number[] = [];
    const lazy = rerankCandidates(
      question,
      candidates.map(({ cosine: _, ...each }) => each),
      statistics,
      weights,
      {
        limit: 3,
        cosineOf: (ids) => {
          asked.push(...ids);
          return new Map(ids.map((id) => [id, cosines.get(id)!]));
        },
      },
    );

    expect(lazy).toEqual(allRead);
    // BM25 falls 1/39 a rank, so from about ten ranks down a perfect cosine (+0.25) no longer reaches the top 3.
    expect(asked.length).toBeLessThan(candidates.length);
    expect(asked).toEqual([...asked].sort((a, b) => a - b));
  });

  it('counts a missing cosine as 0 when there is no way to read it', () => {
    const ranked = rerankCandidates('x', [{ ...candidate('x', 1, 'y', 0, 0), cosine: undefined }], statistics, {
      cosine: 0.5,
      sentence: 0,
      proximity: 0,
      local: 0,
    });
    expect(ranked).toEqual([{ id: 1, score: 0 }]);
  });
});
