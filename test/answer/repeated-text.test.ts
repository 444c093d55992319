import { describe, expect, it } from 'vitest';
import { dropRepeatedPassages, wordsKey } from '../../src/answer/repeated-text.js';
import { makePassage } from '../helpers/make-passage.js';

describe('wordsKey', () => {
  it('gives a sentence the same key whatever its markup, case, spacing and line breaks', () => {
    expect(wordsKey('Run  `npm config`:\nnow.')).toBe('run npm config now');
    expect(wordsKey('run npm config: Now.')).toBe('run npm config now');
  });

  it('is the text itself when it has no words', () => {
    expect(wordsKey('};')).toBe('};');
  });
});

describe('dropRepeatedPassages', () => {
  it('keeps the first of passages with the same visible words, in order', () => {
    const passages = [
      makePassage('Use [fs.readFile()](fs.md#readfile).', { id: 1, source: 'fs.md', format: 'markdown' }),
      makePassage('Other text.', { id: 2, source: 'b.txt' }),
      makePassage('Use fs.readFile().', { id: 3, source: 'fs.html', format: 'html' }),
    ];
    expect(dropRepeatedPassages(passages).map((passage) => passage.source)).toEqual(['fs.md', 'b.txt']);
  });
});
