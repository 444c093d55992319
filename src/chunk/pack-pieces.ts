import type { OffsetRange } from './text-span.js';

/** A trimmed unit of text the packer may not cut: a sentence, or part of an over-long one. */
export interface Piece extends OffsetRange {
  /** The piece begins a sentence, so an overlap may start here. */
  startsSentence: boolean;
  /** The piece ends a sentence: a good place to end a chunk. */
  endsSentence: boolean;
  /** The piece ends a paragraph: the best place to end a chunk. */
  endsParagraph: boolean;
}

/** Sizes in UTF-16 code units, measured from a chunk's first to its last character. */
export interface PackOptions {
  maxLength: number;
  overlapLength: number;
}

/**
 * Packs consecutive pieces greedily into ranges of at most `maxLength`
 * (every piece must already fit). A chunk that would stop inside a paragraph
 * ends instead at the last paragraph end, or failing that the last sentence
 * end, that keeps it at least half full.
 *
 * The next chunk repeats the previous one's tail from the earliest sentence
 * start within its last `overlapLength` characters, but only when the chunk
 * ended inside a paragraph: a paragraph break is a natural seam, so chunks
 * after one start fresh. Every chunk takes at least one piece the previous one
 * lacked, so packing always ends, no two chunks are equal, and starts and ends
 * strictly increase.
 *
 * @example
 * packPieces(pieces, { maxLength: 1000, overlapLength: 150 }); // [{ start: 0, end: 982 }, …]
 */
export function packPieces(
  pieces: readonly Piece[],
  options: PackOptions,
): OffsetRange[] {
  const ranges: OffsetRange[] = [];
  let first = 0;
  let firstNew = 0;
  while (firstNew < pieces.length) {
    const start = pieceAt(pieces, first).start;
    let last = firstNew;
    const fitsNext = (): boolean =>
      last + 1 < pieces.length &&
      pieceAt(pieces, last + 1).end - start <= options.maxLength;
    while (fitsNext()) last++;
    if (last + 1 < pieces.length) {
      last = chooseEnd(pieces, firstNew, last, start, options.maxLength);
    }
    ranges.push({ start, end: pieceAt(pieces, last).end });

    firstNew = last + 1;
    if (firstNew >= pieces.length) break;
    first = pieceAt(pieces, last).endsParagraph
      ? firstNew
      : findOverlapStart(pieces, first, last, options);
  }
  return ranges;
}

function pieceAt(pieces: readonly Piece[], index: number): Piece {
  const piece = pieces[index];
  if (!piece) throw new RangeError(`no piece at ${index}`);
  return piece;
}

/**
 * The last piece of a chunk that starts at `start`: the best boundary in
 * `firstNew..last` (paragraph end, then sentence end) that keeps it half full.
 */
function chooseEnd(
  pieces: readonly Piece[],
  firstNew: number,
  last: number,
  start: number,
  maxLength: number,
): number {
  const minimumEnd = start + maxLength / 2;
  const boundaryTests = [
    (piece: Piece) => piece.endsParagraph,
    (piece: Piece) => piece.endsSentence,
  ];
  for (const isBoundary of boundaryTests) {
    for (let index = last; index >= firstNew; index--) {
      const piece = pieceAt(pieces, index);
      if (index < last && piece.end < minimumEnd) break;
      if (isBoundary(piece)) return index;
    }
  }
  return last;
}

/**
 * Where the chunk after `first..last` starts: the earliest sentence start
 * after `first` within the last `overlapLength` characters, provided the next
 * new piece still fits beside it; otherwise the next new piece.
 */
function findOverlapStart(
  pieces: readonly Piece[],
  first: number,
  last: number,
  options: PackOptions,
): number {
  const end = pieceAt(pieces, last).end;
  const nextEnd = pieceAt(pieces, last + 1).end;
  for (let index = first + 1; index <= last; index++) {
    const piece = pieceAt(pieces, index);
    const fits =
      end - piece.start <= options.overlapLength &&
      nextEnd - piece.start <= options.maxLength;
    if (piece.startsSentence && fits) return index;
  }
  return last + 1;
}
