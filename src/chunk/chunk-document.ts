import {
  DEFAULT_CHUNK_OVERLAP_CHARS,
  DEFAULT_CHUNK_SIZE_CHARS,
  type ChunkingOptions,
} from '../config/config-schema.js';
import { FootnoteError } from '../shared/errors.js';
import type { Chunk, ChunkHeading, DocumentHeading, LoadedDocument } from '../shared/types.js';
import { createLineMap } from './line-map.js';
import { listMarkdownHeadings } from './markdown-sections.js';
import { packPieces, type Piece } from './pack-pieces.js';
import { createSectionFinder } from './section-trail.js';
import { splitLongSpan } from './split-long-span.js';
import { splitParagraphs } from './split-paragraphs.js';
import { splitParagraphIntoSentences } from './split-sentences.js';
import type { OffsetRange } from './text-span.js';

/** The chunking settings footnote uses unless the config says otherwise. */
export const DEFAULT_CHUNKING: ChunkingOptions = {
  chunkSize: DEFAULT_CHUNK_SIZE_CHARS,
  chunkOverlap: DEFAULT_CHUNK_OVERLAP_CHARS,
};

/**
 * Cuts a document into passages for embedding and citation. It splits before
 * it merges: paragraphs (blank lines), then sentences (`Intl.Segmenter`), and
 * only for a sentence longer than `chunkSize` lines, words and finally
 * character cuts. The pieces are then packed greedily (see `packPieces`):
 * each chunk is at most `chunkSize` characters from its first to its last
 * character, prefers to end at a paragraph, and, when it ends inside a
 * paragraph, the next one starts with whole sentences from its last
 * `chunkOverlap` characters.
 *
 * Each chunk's `text` is exactly `document.text.slice(startOffset, endOffset)`
 * and never starts or ends with whitespace; lines are 1-based and inclusive.
 * Chunks of a PDF never cross a page and carry their 1-based `page`. Chunks
 * of Markdown, HTML and DOCX carry the headings they sit under (`section`,
 * see `createSectionFinder`), from the `#` lines of Markdown and the headings
 * an HTML or DOCX loader listed, and the heading lines inside them with the
 * section each opens (`headings`). Headings only label chunks and never move a cut.
 *
 * The splitter is our own rather than LangChain's RecursiveCharacterTextSplitter
 * because that one returns strings without positions: finding them again by
 * searching the text is ambiguous for repeated passages, and citations must
 * point at exact lines.
 *
 * @example
 * chunkDocument(document, { chunkSize: 1000, chunkOverlap: 150 });
 * // [{ source: 'notes/a.md', ordinal: 0, startLine: 1, endLine: 12, page: null, … }, …]
 */
export function chunkDocument(
  document: LoadedDocument,
  options: ChunkingOptions,
): Chunk[] {
  checkOptions(options);
  const { text } = document;
  const lineMap = createLineMap(text);
  const headings = documentHeadings(document);
  const sectionAt = headings === null ? null : createSectionFinder(headings);
  const chunks: Chunk[] = [];
  for (const { range, page } of listPageRanges(document)) {
    // Work on the page alone so that no paragraph, and so no chunk, crosses it.
    const pageText = text.slice(range.start, range.end);
    const pieces = splitIntoPieces(pageText, options.chunkSize);
    const packed = packPieces(pieces, {
      maxLength: options.chunkSize,
      overlapLength: options.chunkOverlap,
    });
    for (const local of packed) {
      const startOffset = range.start + local.start;
      const endOffset = range.start + local.end;
      const chunk: Chunk = {
        source: document.source,
        ordinal: chunks.length,
        text: text.slice(startOffset, endOffset),
        startOffset,
        endOffset,
        startLine: lineMap.lineAt(startOffset),
        endLine: lineMap.lineAt(endOffset - 1),
        page,
        section: sectionAt === null ? null : sectionAt(startOffset),
      };
      if (headings !== null && sectionAt !== null) chunk.headings = headingsWithin(headings, startOffset, endOffset, sectionAt);
      chunks.push(chunk);
    }
  }
  return chunks;
}

/**
 * The headings that make sections, or null for none: Markdown's own `#` and
 * setext headings (each ending with its first line), or those its loader listed.
 */
function documentHeadings(document: LoadedDocument): DocumentHeading[] | null {
  if (document.format === 'markdown') {
    const { text } = document;
    const lineBreak = /[\r\n]/g;
    return listMarkdownHeadings(text).map(({ offset, level, title }) => {
      lineBreak.lastIndex = offset;
      const end = lineBreak.exec(text)?.index ?? text.length;
      return { start: offset, end, level, title };
    });
  }
  return document.headings === undefined ? null : [...document.headings];
}

/**
 * The headings (in order) that lie inside `start..end`, placed relative to
 * `start`, with their sections. Found by binary search: a long manual has
 * thousands of headings and chunks.
 */
function headingsWithin(
  headings: readonly DocumentHeading[],
  start: number,
  end: number,
  sectionAt: (offset: number) => string | null,
): ChunkHeading[] {
  let low = 0;
  let high = headings.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (headings[middle]!.start < start) low = middle + 1;
    else high = middle;
  }
  const inside: ChunkHeading[] = [];
  for (let index = low; index < headings.length && headings[index]!.start < end; index++) {
    const heading = headings[index]!;
    if (heading.end <= end) inside.push({ start: heading.start - start, end: heading.end - start, section: sectionAt(heading.start) });
  }
  return inside;
}

function checkOptions(options: ChunkingOptions): void {
  // The packer needs room for a surrogate pair, and a fractional or negative
  // size would make "fits" meaningless; config validation normally stops these.
  if (!Number.isInteger(options.chunkSize) || options.chunkSize < 2) {
    throw new FootnoteError('CONFIG_INVALID', {
      key: 'chunkSize',
      detail: `chunkSize must be an integer of at least 2 (got ${options.chunkSize})`,
    });
  }
  if (!Number.isInteger(options.chunkOverlap) || options.chunkOverlap < 0) {
    throw new FootnoteError('CONFIG_INVALID', {
      key: 'chunkOverlap',
      detail: `chunkOverlap must be a non-negative integer (got ${options.chunkOverlap})`,
    });
  }
}

interface PageRange {
  range: OffsetRange;
  page: number | null;
}

/**
 * The whole text as one unpaged range, or one range per PDF page. Text before
 * the first page offset is counted with page 1 so that nothing is dropped.
 */
function listPageRanges(document: LoadedDocument): PageRange[] {
  const { text, pageOffsets } = document;
  if (pageOffsets === null) {
    return [{ range: { start: 0, end: text.length }, page: null }];
  }
  const ranges: PageRange[] = [];
  let previousEnd = 0;
  pageOffsets.forEach((offset, index) => {
    // Clamping keeps pages apart and in order even if a loader's offsets are not.
    const start = index === 0 ? 0 : Math.min(Math.max(offset, previousEnd), text.length);
    const next = pageOffsets[index + 1] ?? text.length;
    const end = Math.min(Math.max(next, start), text.length);
    if (end > start) ranges.push({ range: { start, end }, page: index + 1 });
    previousEnd = end;
  });
  return ranges;
}

/** Paragraphs → sentences → (for an over-long sentence) lines, words, characters. */
function splitIntoPieces(text: string, maxLength: number): Piece[] {
  const pieces: Piece[] = [];
  for (const paragraph of splitParagraphs(text)) {
    const sentences = splitParagraphIntoSentences(text, paragraph);
    sentences.forEach((sentence, sentenceIndex) => {
      const parts =
        sentence.end - sentence.start <= maxLength
          ? [sentence]
          : splitLongSpan(text, sentence, maxLength);
      const isLastSentence = sentenceIndex === sentences.length - 1;
      parts.forEach((part, partIndex) => {
        const isLastPart = partIndex === parts.length - 1;
        pieces.push({
          start: part.start,
          end: part.end,
          startsSentence: partIndex === 0,
          endsSentence: isLastPart,
          endsParagraph: isLastPart && isLastSentence,
        });
      });
    });
  }
  return pieces;
}
