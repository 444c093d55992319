import { describe, expect, it } from 'vitest';
import { chunkDocument } from '../../src/chunk/chunk-document.js';
import type { ChunkingOptions } from '../../src/config/config-schema.js';
import type { LoadedDocument } from '../../src/shared/types.js';

/** mulberry32: a tiny seeded generator, so every run checks the same text. */
function createRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let value = Math.imul(state ^ (state >>> 15), 1 | state);
    value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value;
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

/** A few thousand words with sentence ends, wrapped lines, paragraph breaks and the odd very long word. */
function generateText(seed: number, wordCount: number, lineBreak: string): string {
  const random = createRandom(seed);
  const parts: string[] = [];
  for (let index = 0; index < wordCount; index++) {
    const length = random() < 0.002 ? 250 + Math.floor(random() * 300) : 1 + Math.floor(random() * 10);
    let word = '';
    for (let letter = 0; letter < length; letter++) word += String.fromCharCode(97 + Math.floor(random() * 26));
    if (random() < 0.1) word = word[0]?.toUpperCase() + word.slice(1);
    parts.push(word);
    const roll = random();
    if (roll < 0.02) parts.push(`.${lineBreak}${lineBreak}`);
    else if (roll < 0.12) parts.push('. ');
    else if (roll < 0.17) parts.push(lineBreak);
    else if (roll < 0.2) parts.push(', ');
    else parts.push(' ');
  }
  return parts.join('');
}

function countLine(text: string, offset: number): number {
  return (text.slice(0, offset).match(/\r\n|\r|\n/g)?.length ?? 0) + 1;
}

const CASES: Array<[string, number, string, ChunkingOptions]> = [
  ['LF text, small chunks', 1, '\n', { chunkSize: 200, chunkOverlap: 50 }],
  ['CRLF text, default-sized chunks', 2, '\r\n', { chunkSize: 1000, chunkOverlap: 150 }],
  ['LF text, overlap close to the chunk size', 3, '\n', { chunkSize: 300, chunkOverlap: 290 }],
];

describe('chunkDocument on generated text', () => {
  it.each(CASES)('keeps every invariant for %s', (_name, seed, lineBreak, options) => {
    const text = generateText(seed, 4000, lineBreak);
    const document: LoadedDocument = { source: 'gen.txt', format: 'text', text, pageOffsets: null };
    const chunks = chunkDocument(document, options);

    expect(chunks.length).toBeGreaterThan(10);
    const covered = new Uint8Array(text.length);
    chunks.forEach((chunk, index) => {
      expect(chunk.ordinal).toBe(index);
      expect(chunk.text).toBe(text.slice(chunk.startOffset, chunk.endOffset));
      expect(chunk.text).toBe(chunk.text.trim());
      expect(chunk.endOffset - chunk.startOffset).toBeLessThanOrEqual(options.chunkSize);
      expect([chunk.startLine, chunk.endLine]).toEqual([
        countLine(text, chunk.startOffset),
        countLine(text, chunk.endOffset - 1),
      ]);
      const previous = chunks[index - 1];
      if (previous) {
        expect(chunk.startOffset).toBeGreaterThan(previous.startOffset);
        expect(chunk.endOffset).toBeGreaterThan(previous.endOffset);
      }
      covered.fill(1, chunk.startOffset, chunk.endOffset);
    });

    // Every word lies whole inside one chunk unless it is itself longer than a chunk,
    // and every non-space character is in some chunk.
    for (const match of text.matchAll(/\S+/g)) {
      const start = match.index;
      const end = start + match[0].length;
      expect(covered.subarray(start, end).every((flag) => flag === 1)).toBe(true);
      if (end - start <= options.chunkSize) {
        expect(chunks.some((chunk) => chunk.startOffset <= start && end <= chunk.endOffset)).toBe(true);
      }
    }
  });
});
