import { describe, expect, it } from 'vitest';
import { findUnsupportedSentences } from '../../src/answer/find-unsupported-sentences.js';
import type { Citation } from '../../src/shared/types.js';

function citation(id: number, text: string): Citation {
  return { id, source: `doc${id}.md`, startLine: 1, endLine: 1, page: null, section: null, text, score: 1 };
}

const citations = [
  citation(1, 'Paris is the capital of France, on the Seine.'),
  citation(2, 'The delegation visited the factory in 2019.'),
];

describe('findUnsupportedSentences', () => {
  it('accepts sentences whose words the cited passage contains, stemmed', () => {
    expect(findUnsupportedSentences('Paris is the French capital [1]. The delegation visited in 2019 [2].', citations)).toEqual([]);
  });

  it('lists a sentence whose content words are not in its cited passage', () => {
    expect(findUnsupportedSentences('Paris is the capital [1]. It has ten moons [1].', citations)).toEqual([
      { sentence: 'It has ten moons [1].', citations: [1], support: 0 },
    ]);
  });

  it('does not count framing words ("according to the passage", "also") as claims', () => {
    expect(findUnsupportedSentences('According to the passage, Paris is the capital [1].', citations)).toEqual([]);
    expect(findUnsupportedSentences('The delegation also flew to Mars [2].', citations)).toEqual([
      { sentence: 'The delegation also flew to Mars [2].', citations: [2], support: 0.33 },
    ]);
  });

  it('judges a sentence by all its cited passages together', () => {
    expect(findUnsupportedSentences('The Paris delegation visited [1][2].', citations)).toEqual([]);
    expect(findUnsupportedSentences('The Paris delegation visited [1].', citations)).toEqual([
      { sentence: 'The Paris delegation visited [1].', citations: [1], support: 0.33 },
    ]);
  });

  it('attaches a marker after the full stop to the sentence before it', () => {
    expect(findUnsupportedSentences('The moon is cheese. [1] Paris is the capital [1].', citations)).toEqual([
      { sentence: 'The moon is cheese. [1]', citations: [1], support: 0 },
    ]);
  });

  it('leaves uncited sentences and sentences without content words alone', () => {
    expect(findUnsupportedSentences('The moon is cheese. It is so [1].', citations)).toEqual([]);
  });
});
