import { describe, expect, it } from 'vitest';
import { measureLexicalFeatures } from '../../src/retrieve/lexical-features.js';
import { formatSentenceTerms, termFinder, tokenizeSentences } from '../../src/text/sentence-terms.js';
import { contentTerms } from '../../src/text/tokenize.js';

const weights = new Map([
  ['guo', 2],
  ['jun', 2],
  ['team', 1],
]);
const question = contentTerms('Guo Jun team');
const hitsIn = (text: string) => termFinder(weights.keys())(formatSentenceTerms(tokenizeSentences(text)));

describe('measureLexicalFeatures', () => {
  it('scores full coverage and proximity when the terms meet in one sentence', () => {
    const features = measureLexicalFeatures(hitsIn('Guo Jun led the team. It rained.'), question, weights);
    expect(features).toEqual({ sentenceCoverage: 1, proximity: 1 });
  });

  it('splits coverage across sentences and loses proximity across a sentence break', () => {
    const features = measureLexicalFeatures(hitsIn('Guo arrived late. Jun led the team.'), question, weights);
    expect(features.sentenceCoverage).toBeCloseTo(3 / 5, 10);
    // guo–jun is broken by the sentence end; jun–team is near.
    expect(features.proximity).toBeCloseTo(1 / 3, 10);
  });

  it('gives zeros for a passage without question terms', () => {
    expect(measureLexicalFeatures(hitsIn('Nothing here.'), question, weights)).toEqual({
      sentenceCoverage: 0,
      proximity: 0,
    });
  });

  it('tokenises Chinese sentences into words', () => {
    expect(tokenizeSentences('我们喜欢读书。 他们也是。')[0]).toEqual(['我们', '喜欢', '读书']);
  });
});
