import { describe, expect, it } from 'vitest';
import { packPieces, type Piece } from '../../src/chunk/pack-pieces.js';

/** Ten-character sentences one space apart; `|` after a sentence marks a paragraph end. */
function sentences(layout: string): Piece[] {
  return layout.split(' ').map((mark, index) => ({
    start: index * 11,
    end: index * 11 + 10,
    startsSentence: true,
    endsSentence: true,
    endsParagraph: mark.endsWith('|') || index === layout.split(' ').length - 1,
  }));
}

const pack = (pieces: Piece[], maxLength: number, overlapLength: number): number[][] =>
  packPieces(pieces, { maxLength, overlapLength }).map((range) => [range.start, range.end]);

describe('packPieces', () => {
  it('packs pieces greedily up to the limit', () => {
    expect(pack(sentences('s s s s s'), 32, 0)).toEqual([
      [0, 32],
      [33, 54],
    ]);
  });

  it('ends a chunk at a paragraph end when that keeps it half full', () => {
    expect(pack(sentences('s s| s s s'), 42, 0)).toEqual([
      [0, 21],
      [22, 54],
    ]);
  });

  it('crosses a paragraph end that would leave the chunk less than half full', () => {
    expect(pack(sentences('s| s s s s'), 32, 0)).toEqual([
      [0, 32],
      [33, 54],
    ]);
  });

  it('ends a chunk at a sentence end rather than inside a sentence', () => {
    const words: Piece[] = [0, 1, 2, 3, 4, 5].map((index) => ({
      start: index * 6,
      end: index * 6 + 5,
      startsSentence: index % 3 === 0,
      endsSentence: index % 3 === 2,
      endsParagraph: index === 5,
    }));
    expect(pack(words, 28, 0)).toEqual([
      [0, 17],
      [18, 35],
    ]);
  });

  it('repeats whole sentences within the overlap inside a paragraph', () => {
    expect(pack(sentences('s s s s s'), 32, 10)).toEqual([
      [0, 32],
      [22, 54],
    ]);
  });

  it('starts fresh after a paragraph break', () => {
    expect(pack(sentences('s s s| s s s'), 32, 10)).toEqual([
      [0, 32],
      [33, 65],
    ]);
  });

  it('makes progress when the overlap is as large as the chunk', () => {
    const ranges = pack(sentences('s s s s s s'), 21, 21);
    expect(ranges).toEqual([
      [0, 21],
      [11, 32],
      [22, 43],
      [33, 54],
      [44, 65],
    ]);
  });

  it('packs nothing into nothing', () => {
    expect(packPieces([], { maxLength: 10, overlapLength: 0 })).toEqual([]);
  });
});
