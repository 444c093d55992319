import { describe, expect, it } from 'vitest';
import { segmentText } from '../../src/text/segment-text.js';

/** A text of many short sentences with the cases ICU must look ahead for: numbers, quotes, lowercase after a stop. */
function generateText(sentenceCount: number): string {
  const sentences: string[] = [];
  for (let index = 0; index < sentenceCount; index++) {
    switch (index % 5) {
      case 0:
        sentences.push(`Sentence ${index} says "hello." Then more.`);
        break;
      case 1:
        sentences.push(`It cost 3.14 dollars, e.g. in item ${index}.`);
        break;
      case 2:
        sentences.push(`Is ${index} right?! yes it is.`);
        break;
      case 3:
        sentences.push(`我们今天去公园${index}。天气很好！`);
        break;
      default:
        sentences.push(`${'longword'.repeat(index % 40)} ends here.`);
    }
  }
  return sentences.join(' ');
}

function segmentDirectly(text: string, granularity: 'sentence' | 'word'): Array<[number, number, boolean]> {
  return [...new Intl.Segmenter('en', { granularity }).segment(text)].map((segment) => [
    segment.index,
    segment.index + segment.segment.length,
    segment.isWordLike === true,
  ]);
}

describe('segmentText', () => {
  it.each(['sentence', 'word'] as const)('finds the same %s segments as one Intl.Segmenter pass', (granularity) => {
    const text = generateText(400).slice(0, 12_000);
    const windowed = [...segmentText(text, granularity)].map((segment) => [
      segment.start,
      segment.end,
      segment.isWordLike,
    ]);
    expect(windowed).toEqual(segmentDirectly(text, granularity));
  });

  it('keeps a sentence longer than the window whole', () => {
    const text = `${'word '.repeat(2000)}end. Next one.`;
    expect([...segmentText(text, 'sentence')].map((segment) => segment.end)).toEqual([10_005, 10_014]);
  });

  it('yields nothing for an empty text', () => {
    expect([...segmentText('', 'word')]).toEqual([]);
  });
});
