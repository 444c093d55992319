import { describe, expect, it } from 'vitest';
import { coverage, isQuestionPhrasing, weighByLocalRarity, weighQuestionTerms } from '../../src/retrieve/question-terms.js';
import { contentTerms } from '../../src/text/tokenize.js';
import type { TermStatistics } from '../../src/shared/types.js';

const statistics = (frequencies: Record<string, number>, passageCount = 100): TermStatistics => ({
  passageCount,
  documentFrequency: (terms) => new Map(terms.map((term) => [term, frequencies[term] ?? 0])),
});

describe('question terms', () => {
  it('stems content words and drops stop words', () => {
    expect(contentTerms('Who visited the factories?')).toEqual(['visit', 'factori']);
  });

  it('weighs rare terms above common ones with BM25 idf', () => {
    const weights = weighQuestionTerms('rare common', statistics({ rare: 1, common: 90 }));
    expect(weights.get('rare')).toBeCloseTo(Math.log(1 + 99.5 / 1.5), 10);
    expect(weights.get('common')).toBeCloseTo(Math.log(1 + 10.5 / 90.5), 10);
  });

  it('weighs words that only phrase the question far below the subject', () => {
    const weights = weighQuestionTerms('When did the visit happen?', statistics({}));
    expect(weights.get('happen')).toBeCloseTo(weights.get('visit')! * 0.2, 10);
  });

  it('weighs Chinese and Japanese question words far below the subject', () => {
    const weights = weighQuestionTerms('根部有什么作用？谁是作者？哪位？', statistics({}));
    expect(weights.get('什么')).toBeCloseTo(weights.get('根部')! * 0.2, 10);
    expect(weights.get('谁是')).toBeCloseTo(weights.get('根部')! * 0.2, 10);
    expect(weights.get('哪位')).toBeCloseTo(weights.get('根部')! * 0.2, 10);
    expect(['いつ', '何年', '几年', '多', '的', '是', 'は', 'ました'].every(isQuestionPhrasing)).toBe(true);
    expect(['根部', 'どうぶつ', '多数'].some(isQuestionPhrasing)).toBe(false);
  });

  it('measures coverage as the share of weight matched', () => {
    expect(coverage(new Map([['a', 3], ['b', 1]]), new Set(['a']))).toBe(0.75);
    expect(coverage(new Map(), new Set(['a']))).toBe(0);
  });

  it('weighs down a term that every candidate contains', () => {
    const local = weighByLocalRarity(new Map([['topic', 1], ['detail', 1]]), [new Set(['topic', 'detail']), new Set(['topic']), new Set(['topic'])], 1);
    expect(local.get('topic')).toBeCloseTo(Math.log(1 + 3 / 4) / Math.log(4), 10);
    expect(local.get('detail')).toBeCloseTo(Math.log(1 + 3 / 2) / Math.log(4), 10);
    expect(local.get('detail')!).toBeGreaterThan(local.get('topic')!);
  });

  it('keeps the weights at strength 0', () => {
    const weights = new Map([['a', 2]]);
    expect(weighByLocalRarity(weights, [new Set(['a'])], 0)).toBe(weights);
  });
});
