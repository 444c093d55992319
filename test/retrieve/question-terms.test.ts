import { describe, expect, it } from 'vitest';
import { coverage, isQuestionPhrasing, measureCorpusIdf, weighByLocalRarity, weighQuestionTerms } from '../../src/retrieve/question-terms.js';
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
    // Names, not English words: the background prior leaves them alone.
    const weights = weighQuestionTerms('zorblax quuxwell', statistics({ zorblax: 1, quuxwel: 90 }));
    expect(weights.get('zorblax')).toBeCloseTo(Math.log(1 + 99.5 / 1.5), 10);
    expect(weights.get('quuxwel')).toBeCloseTo(Math.log(1 + 10.5 / 90.5), 10);
  });

  it('shrinks the idf of a common English word toward its background in a small corpus, not a name', () => {
    // 45 passages, "use" in 5, "Ollama" in 2: README.md indexed alone.
    const weights = weighQuestionTerms('how do I use Ollama?', statistics({ us: 5, ollama: 2 }, 45));
    const share = 45 / 345 + (300 / 345) * 0.35;
    expect(weights.get('us')).toBeCloseTo(Math.log(1 + 40.5 / 5.5) * share, 10);
    expect(weights.get('ollama')).toBeCloseTo(Math.log(1 + 43.5 / 2.5), 10);
    expect(weights.get('us')! / weights.get('ollama')!).toBeLessThan(0.5);
  });

  it('keeps nearly the corpus idf of a common word in a large corpus', () => {
    const idf = Math.log(1 + 900_000.5 / 100_000.5);
    const weights = weighQuestionTerms('use', statistics({ us: 100_000 }, 1_000_000));
    expect(weights.get('us')! / idf).toBeGreaterThan(0.999);
  });

  it('measures the corpus idf without the background', () => {
    const idf = measureCorpusIdf('how do I use Ollama?', statistics({ us: 5, ollama: 2 }, 45));
    expect(idf).toEqual(new Map([['us', Math.log(1 + 40.5 / 5.5)], ['ollama', Math.log(1 + 43.5 / 2.5)]]));
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
