import { describe, expect, it } from 'vitest';
import { coversQuestion } from '../../src/answer/covers-question.js';
import type { Passage } from '../../src/shared/types.js';
import { makePassage } from '../helpers/make-passage.js';

const passage = (text: string, score: number, title: string | null = null): Passage =>
  makePassage(text, { score, title });

// Four equal weights: each term found is a quarter of the question's coverage.
const weights = new Map([
  ['tesla', 1],
  ['see', 1],
  ['young', 1],
  ['strang', 1],
]);
const question = 'What strange things did Tesla see when young?';
const questionWithoutNames = 'what strange things did tesla see when young?';

describe('coversQuestion with reranked passages', () => {
  it('answers when the best passage scored high, though it holds only a quarter of the question', () => {
    // 1.30 + 0.32 × 0.25 = 1.38 ≥ 1.37
    expect(coversQuestion(questionWithoutNames, [passage('Tesla had visions.', 1.3)], weights, 'reranked')).toBe(true);
  });

  it('abstains when the best passage scored low, though it holds three quarters of the question', () => {
    // 1.00 + 0.32 × 0.75 + 0.08 for the name = 1.32 < 1.37: the words are there, the subject is not
    expect(coversQuestion(question, [passage('Young Tesla could see a dog.', 1)], weights, 'reranked')).toBe(false);
  });

  it('needs a little less when the passage holds every name the question mentions', () => {
    // 1.25 + 0.32 × 0.25 = 1.33, + 0.08 for the name Tesla = 1.41
    expect(coversQuestion(question, [passage('Tesla had visions.', 1.25)], weights, 'reranked')).toBe(true);
    expect(coversQuestion(questionWithoutNames, [passage('Tesla had visions.', 1.25)], weights, 'reranked')).toBe(false);
  });

  it('takes the coverage of any passage with the score of the best', () => {
    const passages = [passage('Nothing here.', 1.2), passage('Young Tesla could see strange lights.', 0.9)];
    // 1.2 + 0.32 × 1 + 0.08 = 1.60
    expect(coversQuestion(question, passages, weights, 'reranked')).toBe(true);
  });

  it('abstains with no passages at all', () => {
    expect(coversQuestion(question, [], weights, 'reranked')).toBe(false);
  });
});

describe('coversQuestion with other scores (BM25 alone)', () => {
  it('ignores the scores, whose scale depends on the corpus, and asks for half of the question', () => {
    expect(coversQuestion(question, [passage('Young Tesla could see a dog.', 0.1)], weights, 'other')).toBe(true);
    expect(coversQuestion(question, [passage('Tesla had visions.', 25)], weights, 'other')).toBe(false);
  });

  it('asks for 0.4 of the question when the passage, with its title, holds every name', () => {
    // The passage holds 2 of 5 weight units (see, strang); its title holds both names.
    const fifths = new Map([...weights, ['pari', 1]]);
    const inParis = 'What strange things did young Tesla see in Paris?';
    const lights = 'He could see strange lights.';
    expect(coversQuestion(inParis, [passage(lights, 1, 'Tesla in Paris')], fifths, 'other')).toBe(true);
    expect(coversQuestion(inParis, [passage(lights, 1, 'Tesla')], fifths, 'other')).toBe(false);
  });
});

describe('coversQuestion with a Markdown passage', () => {
  it('counts only the words a reader sees: a link target covers nothing', () => {
    const linked = (format: 'markdown' | 'text') =>
      makePassage('See [the notes](https://x.io/tesla/young/strange-sights).', { score: 1, format });
    expect(coversQuestion(questionWithoutNames, [linked('markdown')], weights, 'other')).toBe(false);
    expect(coversQuestion(questionWithoutNames, [linked('text')], weights, 'other')).toBe(true);
  });
});
