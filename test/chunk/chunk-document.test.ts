import { describe, expect, it } from 'vitest';
import { chunkDocument, DEFAULT_CHUNKING } from '../../src/chunk/chunk-document.js';
import type { ChunkingOptions } from '../../src/config/config-schema.js';
import type { Chunk, LoadedDocument } from '../../src/shared/types.js';

function createDocument(text: string, pageOffsets: number[] | null = null): LoadedDocument {
  return { source: 'notes/a.txt', format: pageOffsets ? 'pdf' : 'text', text, pageOffsets };
}

const chunkText = (text: string, options: ChunkingOptions): string[] =>
  chunkDocument(createDocument(text), options).map((chunk) => chunk.text);

const lineRanges = (chunks: Chunk[]): number[][] => chunks.map((chunk) => [chunk.startLine, chunk.endLine]);

const TWO_PARAGRAPHS = [
  'Line one of A.',
  'Line two of A.',
  'Line three of A.',
  '',
  'Line one of B.',
  'Line two of B.',
  'Line three of B.',
];

describe('chunkDocument', () => {
  it('returns chunks with exact offsets, lines, ordinals and source', () => {
    const text = 'Alpha beta.\n\nGamma delta.';
    expect(chunkDocument(createDocument(text), { chunkSize: 12, chunkOverlap: 0 })).toEqual([
      { source: 'notes/a.txt', ordinal: 0, text: 'Alpha beta.', startOffset: 0, endOffset: 11, startLine: 1, endLine: 1, page: null, section: null },
      { source: 'notes/a.txt', ordinal: 1, text: 'Gamma delta.', startOffset: 13, endOffset: 25, startLine: 3, endLine: 3, page: null, section: null },
    ]);
  });

  it('ends chunks at paragraph breaks and reports their lines', () => {
    const chunks = chunkDocument(createDocument(TWO_PARAGRAPHS.join('\n')), { chunkSize: 60, chunkOverlap: 20 });
    expect(lineRanges(chunks)).toEqual([
      [1, 3],
      [5, 7],
    ]);
    expect(chunks[1]?.text).toBe('Line one of B.\nLine two of B.\nLine three of B.');
  });

  it('keeps the lines right in a CRLF file', () => {
    const text = TWO_PARAGRAPHS.join('\r\n') + '\r\n';
    const chunks = chunkDocument(createDocument(text), { chunkSize: 60, chunkOverlap: 0 });
    expect(lineRanges(chunks)).toEqual([
      [1, 3],
      [5, 7],
    ]);
    expect(chunks.map((chunk) => chunk.text)).toEqual([
      'Line one of A.\r\nLine two of A.\r\nLine three of A.',
      'Line one of B.\r\nLine two of B.\r\nLine three of B.',
    ]);
  });

  it('repeats whole sentences up to the overlap inside a paragraph', () => {
    const text = 'One sentence here. Two sentence here. Three sentence here. Four sentence here.';
    expect(chunkText(text, { chunkSize: 40, chunkOverlap: 20 })).toEqual([
      'One sentence here. Two sentence here.',
      'Two sentence here. Three sentence here.',
      'Three sentence here. Four sentence here.',
    ]);
    expect(chunkText(text, { chunkSize: 40, chunkOverlap: 0 })).toEqual([
      'One sentence here. Two sentence here.',
      'Three sentence here. Four sentence here.',
    ]);
  });

  it('does not cut after "Dr." when a sentence must be split', () => {
    expect(chunkText('Dr. Smith arrived. He spoke.', { chunkSize: 15, chunkOverlap: 0 })).toEqual([
      'Dr. Smith',
      'arrived.',
      'He spoke.',
    ]);
  });

  it('chunks Chinese text without spaces at 。！？', () => {
    expect(chunkText('我们今天去公园。天气很好！你呢？好的。', { chunkSize: 10, chunkOverlap: 0 })).toEqual([
      '我们今天去公园。',
      '天气很好！你呢？',
      '好的。',
    ]);
  });

  it('hard-cuts a single 5000-character word into pieces no longer than chunkSize', () => {
    const word = 'x'.repeat(5000);
    const chunks = chunkDocument(createDocument(`${word}\n`), { chunkSize: 1000, chunkOverlap: 150 });
    expect(chunks.map((chunk) => [chunk.startOffset, chunk.endOffset])).toEqual([
      [0, 1000],
      [1000, 2000],
      [2000, 3000],
      [3000, 4000],
      [4000, 5000],
    ]);
  });

  it('keeps every chunk on one PDF page and numbers the page', () => {
    const pageOne = 'Page one first. Page one second.\n';
    const text = `${pageOne}Page two text.\n\nPage two more.`;
    const chunks = chunkDocument(createDocument(text, [0, pageOne.length]), { chunkSize: 1000, chunkOverlap: 100 });
    expect(chunks.map((chunk) => [chunk.page, chunk.startLine, chunk.endLine, chunk.text])).toEqual([
      [1, 1, 1, 'Page one first. Page one second.'],
      [2, 2, 4, 'Page two text.\n\nPage two more.'],
    ]);
    expect(chunks.map((chunk) => chunk.ordinal)).toEqual([0, 1]);
  });

  it('skips empty PDF pages', () => {
    const chunks = chunkDocument(createDocument('First.\n  \nThird.', [0, 7, 10]), { chunkSize: 100, chunkOverlap: 0 });
    expect(chunks.map((chunk) => [chunk.page, chunk.text])).toEqual([
      [1, 'First.'],
      [3, 'Third.'],
    ]);
  });

  it('returns no chunks for a whitespace-only document', () => {
    expect(chunkDocument(createDocument(' \r\n\n\t '), DEFAULT_CHUNKING)).toEqual([]);
    expect(chunkDocument(createDocument(''), DEFAULT_CHUNKING)).toEqual([]);
  });

  it('rejects a chunk size below 2 as a config error', () => {
    expect(() => chunkDocument(createDocument('a'), { chunkSize: 0, chunkOverlap: 0 })).toThrow(
      expect.objectContaining({ code: 'CONFIG_INVALID' }),
    );
  });

  it('defaults to the config defaults', () => {
    expect(DEFAULT_CHUNKING).toEqual({ chunkSize: 1000, chunkOverlap: 150 });
  });
});
