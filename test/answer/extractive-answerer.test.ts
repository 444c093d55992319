import { describe, expect, it } from 'vitest';
import { ABSTAIN_TEXT, answerExtractively } from '../../src/answer/extractive-answerer.js';
import type { Answer, AnswerEvent, Passage } from '../../src/shared/types.js';
import { drain } from '../helpers/test-config.js';

const passage = (id: number, source: string, text: string, score = 1): Passage => ({
  id,
  source,
  ordinal: 0,
  text,
  startOffset: 0,
  endOffset: text.length,
  startLine: 1,
  endLine: 1,
  page: null,
  title: null,
  score,
});

// Equal weights keep the arithmetic visible: coverage is the share of terms matched.
const weights = (...terms: string[]) => new Map(terms.map((term) => [term, 1]));

async function answer(question: string, passages: Passage[], termWeights: Map<string, number>, maxSentences?: number) {
  return drain<AnswerEvent, Answer>(answerExtractively(question, passages, termWeights, { maxSentences }));
}

describe('answerExtractively', () => {
  it('quotes the sentence that covers the question, followed by its citation', async () => {
    const { value } = await answer(
      'Who led the team?',
      [passage(7, 'a.txt', 'The weather was fine. Guo Jun led the team to Kunshan. Lunch followed.')],
      weights('led', 'team'),
      1,
    );
    expect(value.answer).toBe('Guo Jun led the team to Kunshan. [1]');
    expect(value.abstained).toBe(false);
    expect(value.citations.map((c) => [c.id, c.source])).toEqual([[1, 'a.txt']]);
  });

  it('numbers citations by first use across passages', async () => {
    const { value } = await answer(
      'solar wind speed',
      [passage(1, 'a.txt', 'Solar wind speed is high.', 1), passage(2, 'b.txt', 'The solar wind speed varies.', 0.99)],
      weights('solar', 'wind', 'speed'),
      2,
    );
    expect(value.answer).toBe('Solar wind speed is high. [1] The solar wind speed varies. [2]');
    expect(value.citations.map((c) => c.source)).toEqual(['a.txt', 'b.txt']);
  });

  it('quotes a sentence repeated by overlapping chunks once', async () => {
    const text = 'Solar wind speed is high.';
    const { value } = await answer('solar wind speed', [passage(1, 'a.txt', text), passage(2, 'a.txt', text)], weights('solar', 'wind', 'speed'), 3);
    expect(value.answer).toBe('Solar wind speed is high. [1]');
  });

  it('abstains and lists the closest passages when no passage covers the question', async () => {
    const { value, events } = await answer(
      'boiling point of mercury',
      [passage(1, 'a.txt', 'Guo Jun led the team.')],
      weights('boil', 'point', 'mercuri'),
    );
    expect(value).toMatchObject({ abstained: true, answer: ABSTAIN_TEXT });
    expect(value.answer).not.toMatch(/\[\d+\]/);
    expect(value.citations.map((c) => c.id)).toEqual([1]);
    expect(events.map((event) => event.type)).toContain('abstain');
  });

  it('abstains with no passages at all', async () => {
    const { value } = await answer('anything', [], weights('anyth'));
    expect(value).toMatchObject({ abstained: true, citations: [] });
  });
});
