import { describe, expect, it } from 'vitest';
import { verifyCitations } from '../../src/answer/verify-citations.js';
import type { Passage } from '../../src/shared/types.js';

function passage(n: number): Passage {
  return {
    id: 100 + n,
    source: `doc${n}.md`,
    ordinal: 0,
    text: `Passage ${n} text.`,
    startOffset: 0,
    endOffset: 16,
    startLine: n,
    endLine: n + 1,
    page: n === 3 ? 7 : null,
    section: null,
    title: null,
    format: 'markdown',
    score: n / 10,
  };
}

const passages = [passage(1), passage(2), passage(3)];

describe('verifyCitations', () => {
  it('renumbers the cited passages in order of first use', () => {
    const result = verifyCitations('B is true [2]. C too [3]. B again [2].', passages);
    expect(result.text).toBe('B is true [1]. C too [2]. B again [1].');
    expect(result.citations.map((citation) => [citation.id, citation.source])).toEqual([
      [1, 'doc2.md'],
      [2, 'doc3.md'],
    ]);
  });

  it('drops markers that name no passage, with the space before them', () => {
    const result = verifyCitations('Claim [7]. Other claim [2][0].', passages);
    expect(result.text).toBe('Claim. Other claim [1].');
    expect(result.citations.map((citation) => citation.source)).toEqual(['doc2.md']);
  });

  it('keeps one space where a dropped marker stood between words', () => {
    expect(verifyCitations('alpha [9] beta', passages).text).toBe('alpha beta');
  });

  it('keeps the valid numbers of a list and renumbers them', () => {
    const result = verifyCitations('Both [3, 9, 1].', passages);
    expect(result.text).toBe('Both [1, 2].');
    expect(result.citations.map((citation) => citation.source)).toEqual(['doc3.md', 'doc1.md']);
  });

  it('quotes the passage verbatim with its location and score', () => {
    const [citation] = verifyCitations('See [3].', passages).citations;
    expect(citation).toEqual({
      id: 1,
      source: 'doc3.md',
      startLine: 3,
      endLine: 4,
      page: 7,
      section: null,
      text: 'Passage 3 text.',
      score: 0.3,
    });
  });

  it('returns no citations for an answer without markers', () => {
    expect(verifyCitations('No markers here.', passages)).toEqual({ text: 'No markers here.', citations: [], invalidCitations: [] });
  });

  it('drops every marker when there are no passages', () => {
    expect(verifyCitations('Claim [1].', [])).toEqual({ text: 'Claim.', citations: [], invalidCitations: [1] });
  });
});
