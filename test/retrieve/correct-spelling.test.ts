import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { correctSpelling } from '../../src/retrieve/correct-spelling.js';
import { createTermStatistics } from '../../src/store/term-statistics.js';
import type { TermStatistics } from '../../src/shared/types.js';
import { createTextIndex, type TextIndex } from '../helpers/text-index.js';

let index: TextIndex;
let statistics: TermStatistics;

beforeEach(() => {
  index = createTextIndex([
    'The government approved the harbour budget.',
    'The government of the island met in March.',
    'A governor visited the harbour.',
    'Glaciers retreat as the climate warms.',
    'The café on the pier sells coffee.',
  ]);
  statistics = createTermStatistics(index.db);
});

afterEach(() => index.cleanup());

describe('correctSpelling', () => {
  it('reads a word no passage holds as the known word one edit away', () => {
    expect(correctSpelling('Who leads the goverment?', statistics)).toEqual({
      question: 'Who leads the government?',
      corrections: [{ from: 'goverment', to: 'government' }],
    });
  });

  it('mends two neighbours swapped, whatever the case they were typed in', () => {
    expect(correctSpelling('When do Galciers retreat?', statistics).question).toBe('When do glaciers retreat?');
  });

  it('picks the neighbour that more passages hold', () => {
    // `governmen` is one edit from `government` (2 passages) and, stemmed, not from `governor` (1).
    expect(correctSpelling('the governmen budget', statistics).corrections).toEqual([
      { from: 'governmen', to: 'government' },
    ]);
  });

  it('leaves words the index holds, short words and words with no known neighbour', () => {
    for (const question of ['Who visited the harbour?', 'Who is the gov?', 'What is a zyxwvut?']) {
      expect(correctSpelling(question, statistics)).toEqual({ question, corrections: [] });
    }
  });

  it('leaves English words the index lacks: they are asked about, not misspelt', () => {
    // One edit from `coffee`, `island` and `retreat`, which the index holds, but words all the same.
    for (const question of ['Who sells toffee?', 'Which inland town?', 'Was the tyre retread?']) {
      expect(correctSpelling(question, statistics).corrections).toEqual([]);
    }
  });

  it('leaves a word longer than English words alone, as a pasted hash or blob is', () => {
    // Its edits grow with the square of its length: 8,000 letters took 4 GB and crashed.
    const blob = 'qwertyuiop'.repeat(10_000);
    expect(correctSpelling(`What is ${blob}?`, statistics)).toEqual({ question: `What is ${blob}?`, corrections: [] });
  });

  it('leaves words with capitals inside them, which are names rather than typos', () => {
    expect(correctSpelling('What did the GoverMent do?', statistics).corrections).toEqual([]);
    expect(correctSpelling('What did the GOVERMENT do?', statistics).corrections).toEqual([]);
  });

  it('leaves words outside the Latin alphabet and numbers alone', () => {
    for (const question of ['Was kostet der Kaffée?', '港口的预算是多少?', 'Budget for 20245?']) {
      expect(correctSpelling(question, statistics).corrections).toEqual([]);
    }
  });
});

describe('createTermStatistics', () => {
  it('counts passages for many terms at once, unknown ones as 0', () => {
    const frequencies = statistics.documentFrequency(['govern', 'harbour', 'nowher', 'govern']);

    expect([...frequencies]).toEqual([
      ['govern', 2],
      ['harbour', 2],
      ['nowher', 0],
    ]);
  });
});
