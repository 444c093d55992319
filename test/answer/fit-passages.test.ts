import { describe, expect, it } from 'vitest';
import { buildPrompt, formatPassage } from '../../src/answer/build-prompt.js';
import { loadTokenCounter } from '../../src/answer/count-tokens.js';
import { ANSWER_RESERVE_TOKENS, fitPassages } from '../../src/answer/fit-passages.js';
import type { Passage } from '../../src/shared/types.js';

function passage(n: number, text: string): Passage {
  return {
    id: n, source: `doc${n}.md`, ordinal: 0, text, startOffset: 0, endOffset: text.length,
    startLine: 1, endLine: 1, page: null, section: null, title: null, format: 'markdown', score: 1 / n,
  };
}

const countCharacters = (text: string) => text.length;

/** The budget that leaves exactly `room` characters for passages. */
function contextFor(question: string, room: number): number {
  const { system, user } = buildPrompt(question, []);
  return ANSWER_RESERVE_TOKENS + 16 + system.length + user.length + room;
}

const cost = (item: Passage, index: number) => `${formatPassage(item, index)}\n\n`.length;

describe('fitPassages', () => {
  const small = [passage(1, 'a'.repeat(10)), passage(2, 'b'.repeat(200)), passage(3, 'c'.repeat(10))];

  it('keeps passages in order while they fit, skipping one too large for what is left', () => {
    const room = cost(small[0]!, 0) + cost(small[2]!, 1);
    const kept = fitPassages('Q?', small, { contextTokens: contextFor('Q?', room), countTokens: countCharacters });
    expect(kept.map((item) => item.source)).toEqual(['doc1.md', 'doc3.md']);
  });

  it('keeps them all when the budget allows', () => {
    const kept = fitPassages('Q?', small, { contextTokens: 100_000, countTokens: countCharacters });
    expect(kept.map((item) => item.source)).toEqual(['doc1.md', 'doc2.md', 'doc3.md']);
  });

  it('always keeps the most relevant passage, even over budget', () => {
    const kept = fitPassages('Q?', small, { contextTokens: 1024, countTokens: countCharacters });
    expect(kept.map((item) => item.source)).toEqual(['doc1.md']);
  });

  it('counts the conversation against the budget', () => {
    const room = cost(small[0]!, 0) + cost(small[2]!, 1);
    const history = [{ question: 'Earlier?', answer: 'x'.repeat(300) }];
    const kept = fitPassages('Q?', small, { contextTokens: contextFor('Q?', room), countTokens: countCharacters, history });
    expect(kept.map((item) => item.source)).toEqual(['doc1.md']);
  });
});

describe('loadTokenCounter', () => {
  it('counts o200k tokens with a 15% margin for other tokenizers', async () => {
    const count = await loadTokenCounter();
    expect(count('hello world')).toBe(3); // 2 tokens in o200k_base
    expect(count('')).toBe(0);
  });
});
