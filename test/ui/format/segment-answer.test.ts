import { describe, expect, it } from 'vitest';
import { findSentenceSpans, segmentAnswer } from '../../../src/ui/format/segment-answer.js';

const marked = { markUnsupported: true };

describe('segmentAnswer', () => {
  it('picks out markers and marks a sentence without one', () => {
    expect(segmentAnswer('Paris [1]. Lyon.', marked)).toEqual([
      { type: 'text', text: 'Paris ' },
      { type: 'marker', text: '[1]' },
      { type: 'text', text: '. ' },
      { type: 'unsupported', text: 'Lyon.' },
    ]);
  });

  it('gives a marker after the full stop to the sentence before it', () => {
    expect(segmentAnswer('Guo Jun led it. [1] [2] He came back.', marked)).toEqual([
      { type: 'text', text: 'Guo Jun led it. ' },
      { type: 'marker', text: '[1]' },
      { type: 'text', text: ' ' },
      { type: 'marker', text: '[2]' },
      { type: 'text', text: ' ' },
      { type: 'unsupported', text: 'He came back.' },
    ]);
  });

  it('keeps every sentence of a fully cited answer plain, lists and ranges included', () => {
    const segments = segmentAnswer('One [1, 2]. Two [3-4]!\n\nThree [1]', marked);
    expect(segments.filter((segment) => segment.type === 'unsupported')).toEqual([]);
    expect(segments.filter((segment) => segment.type === 'marker').map((segment) => segment.text)).toEqual([
      '[1, 2]',
      '[3-4]',
      '[1]',
    ]);
  });

  it('ends a sentence at a paragraph break even without a full stop', () => {
    expect(segmentAnswer('Heading\n\nA fact [1].', marked)).toEqual([
      { type: 'unsupported', text: 'Heading' },
      { type: 'text', text: '\n\nA fact ' },
      { type: 'marker', text: '[1]' },
      { type: 'text', text: '.' },
    ]);
  });

  it('marks nothing when told not to (an abstention, or text still streaming)', () => {
    expect(segmentAnswer('No idea. Really [2].', { markUnsupported: false })).toEqual([
      { type: 'text', text: 'No idea. Really ' },
      { type: 'marker', text: '[2]' },
      { type: 'text', text: '.' },
    ]);
  });

  it('splits CJK sentences at their full stops', () => {
    expect(segmentAnswer('郭军带队。[1]他们参观了工厂。', marked)).toEqual([
      { type: 'text', text: '郭军带队。' },
      { type: 'marker', text: '[1]' },
      { type: 'unsupported', text: '他们参观了工厂。' },
    ]);
  });

  it('leaves a bracketed year alone', () => {
    expect(segmentAnswer('It opened in [2023] [1].', marked)).toEqual([
      { type: 'text', text: 'It opened in [2023] ' },
      { type: 'marker', text: '[1]' },
      { type: 'text', text: '.' },
    ]);
  });
});

describe('segmentAnswer with abbreviations', () => {
  it('does not end a sentence at "Co., Ltd." before a bracket (a sample-corpus answer)', () => {
    const text =
      'Guo Jun led a team to visit Safe-Run Intelligent Equipment Co., Ltd. (hereinafter ' +
      'referred to as Safe-Run) for research. [1] Guo Jun led a team to Safe-Run [1]';
    expect(segmentAnswer(text, marked).filter((segment) => segment.type === 'unsupported')).toEqual([]);
  });
});

describe('segmentAnswer with unbacked sentences', () => {
  it('marks a cited sentence the check found unbacked, markers and trailing markers included', () => {
    expect(
      segmentAnswer('Paris is big [1]. It has moons. [2] Lyon.', {
        markUnsupported: true,
        unbackedSentences: ['It has moons.'],
      }),
    ).toEqual([
      { type: 'text', text: 'Paris is big ' },
      { type: 'marker', text: '[1]' },
      { type: 'text', text: '. ' },
      { type: 'unbacked', text: 'It has moons. [2]' },
      { type: 'text', text: ' ' },
      { type: 'unsupported', text: 'Lyon.' },
    ]);
  });

  it('ignores a sentence that is not in the text and marks a repeated one twice', () => {
    const segments = segmentAnswer('A [1]. A [1].', {
      markUnsupported: true,
      unbackedSentences: ['Elsewhere [2].', 'A [1].', 'A [1].'],
    });
    expect(segments).toEqual([
      { type: 'unbacked', text: 'A [1].' },
      { type: 'text', text: ' ' },
      { type: 'unbacked', text: 'A [1].' },
    ]);
  });
});

describe('findSentenceSpans', () => {
  it('gives the position of each sentence found, in text order', () => {
    expect(findSentenceSpans('One [1]. Two [2].', ['Two [2].', 'Three.', 'One [1].'])).toEqual([
      { sentence: 'One [1].', start: 0, end: 8 },
      { sentence: 'Two [2].', start: 9, end: 17 },
    ]);
  });
});
