import { describe, expect, it } from 'vitest';
import { parseCitations, stripCitationMarkers } from '../../src/answer/parse-citations.js';

describe('parseCitations', () => {
  it('returns single markers in order of first appearance', () => {
    expect(parseCitations('Paris [2] is big [1]. It is old [2].')).toEqual([2, 1]);
  });

  it('reads lists and adjacent markers', () => {
    expect(parseCitations('A [3, 1]. B [4][2]. C [5;6].')).toEqual([3, 1, 4, 2, 5, 6]);
  });

  it('expands short ranges', () => {
    expect(parseCitations('See [2-4] and [7–8].')).toEqual([2, 3, 4, 7, 8]);
  });

  it('ignores brackets that are not markers', () => {
    expect(parseCitations('In [2023] the [a] list [ ] had [x1] items.')).toEqual([]);
  });

  it('returns nothing for text without markers', () => {
    expect(parseCitations('')).toEqual([]);
  });
});

describe('stripCitationMarkers', () => {
  it('removes markers and the space before them', () => {
    expect(stripCitationMarkers('Paris [1][2] is big [3, 4].')).toBe('Paris is big.');
  });
});
