import { describe, expect, it } from 'vitest';
import {
  formatSentenceTerms,
  termFinder,
  tokenizePassage,
  tokenizeSentences,
} from '../../src/text/sentence-terms.js';

describe('tokenizeSentences', () => {
  it('gives the stemmed content terms of each sentence', () => {
    expect(tokenizeSentences('Herons wade. They were fishing!')).toEqual([['heron', 'wade'], ['fish']]);
  });

  it('reads a title with the first sentence, as its topic', () => {
    expect(tokenizePassage('Grey herons', 'Herons wade. Fish hide.')).toEqual([
      ['grei', 'heron', 'heron', 'wade'],
      ['fish', 'hide'],
    ]);
    expect(tokenizePassage(null, 'Herons wade.')).toEqual([['heron', 'wade']]);
  });
});

describe('formatSentenceTerms', () => {
  it('joins terms with spaces and sentences with newlines, empty sentences included', () => {
    expect(formatSentenceTerms([['heron', 'wade'], [], ['我们', '喜欢'], ['fish']])).toBe('heron wade\n\n我们 喜欢\nfish');
    expect(formatSentenceTerms([[]])).toBe('');
  });
});

describe('termFinder', () => {
  it('gives each wanted term its sentence and position among all terms, and the term count', () => {
    const stored = formatSentenceTerms([['heron', 'wade'], [], ['fish', 'heron'], ['我们', '喜欢']]);
    expect(termFinder(['heron', '喜欢', 'otter'])(stored)).toEqual({
      termCount: 6,
      hits: new Map([
        ['heron', [{ sentence: 0, position: 0 }, { sentence: 2, position: 3 }]],
        ['喜欢', [{ sentence: 3, position: 5 }]],
      ]),
    });
  });

  it('matches whole terms only', () => {
    expect(termFinder(['heron'])('herons heron\nnonheron').hits).toEqual(
      new Map([['heron', [{ sentence: 0, position: 1 }]]]),
    );
  });

  it('serves passage after passage, each on its own', () => {
    const find = termFinder(['heron']);
    expect(find('heron heron').hits.get('heron')).toHaveLength(2);
    expect(find('fish heron')).toEqual({ termCount: 2, hits: new Map([['heron', [{ sentence: 0, position: 1 }]]]) });
  });

  it('counts no terms in a passage without any, and finds nothing there', () => {
    expect(termFinder(['heron'])('')).toEqual({ termCount: 0, hits: new Map() });
    expect(termFinder(['fish'])('\n\nfish')).toEqual({
      termCount: 1,
      hits: new Map([['fish', [{ sentence: 2, position: 0 }]]]),
    });
  });

  it('reads a passage whose last sentences hold no terms', () => {
    const stored = formatSentenceTerms([['heron'], [], []]);
    expect(termFinder(['heron'])(stored)).toEqual({
      termCount: 1,
      hits: new Map([['heron', [{ sentence: 0, position: 0 }]]]),
    });
  });

  it('agrees with splitting the stored text, on every term of a passage', () => {
    const sentences = tokenizePassage('Grey herons', 'Herons wade in the river. Fish hide.\n\nThe heron waits; fish swim.');
    const split = new Map<string, { sentence: number; position: number }[]>();
    let position = 0;
    sentences.forEach((terms, sentence) =>
      terms.forEach((term) => {
        split.set(term, [...(split.get(term) ?? []), { sentence, position }]);
        position += 1;
      }),
    );
    const found = termFinder(split.keys())(formatSentenceTerms(sentences));
    expect(found.termCount).toBe(position);
    expect(new Map([...found.hits].sort())).toEqual(new Map([...split].sort()));
  });
});
