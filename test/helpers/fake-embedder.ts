import { Embeddings } from '@langchain/core/embeddings';
import type { Embedder, EmbedderIdentity } from '../../src/embed/embedder.js';

/** Options for `FakeEmbedder`; change `id` or `version` to provoke an embedder mismatch. */
export interface FakeEmbedderOptions {
  id?: string;
  version?: string;
  dimensions?: number;
  /** Claims to hash the text's words as the local embedder does (see `Embedder.lexical`). */
  lexical?: boolean;
}

/** FNV-1a 32-bit: enough to spread words over a few buckets deterministically. */
function hashWord(word: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) hash = Math.imul(hash ^ word.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/**
 * A real `Embedder` for tests: a hashed bag of lowercase words, L2-normalised,
 * so texts that share words are close. Text without words gets the zero vector,
 * as with the local embedder. Records every call so a test can say exactly what
 * was embedded:
 *
 * @example
 * expect(embedder.calls.flat()).toEqual(['changed paragraph']);
 */
export class FakeEmbedder extends Embeddings implements Embedder {
  readonly identity: EmbedderIdentity;
  readonly lexical: boolean;
  /** One entry per `embedDocuments` call: the texts it received. */
  readonly calls: string[][] = [];
  /** One entry per `embedQuery` call: `[text]`. */
  readonly queryCalls: string[][] = [];

  constructor(options: FakeEmbedderOptions = {}) {
    super({});
    this.identity = {
      id: options.id ?? 'fake',
      version: options.version ?? '1',
      dimensions: options.dimensions ?? 32,
    };
    this.lexical = options.lexical ?? false;
  }

  /** The vector of one text, without recording a call. */
  vectorOf(text: string): number[] {
    const vector = new Array<number>(this.identity.dimensions).fill(0);
    for (const word of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) {
      const bucket = hashWord(word) % this.identity.dimensions;
      vector[bucket] = (vector[bucket] ?? 0) + 1;
    }
    const norm = Math.hypot(...vector);
    return norm === 0 ? vector : vector.map((value) => value / norm);
  }

  override async embedDocuments(texts: string[]): Promise<number[][]> {
    this.calls.push([...texts]);
    return texts.map((text) => this.vectorOf(text));
  }

  override async embedQuery(text: string): Promise<number[]> {
    this.queryCalls.push([text]);
    return this.vectorOf(text);
  }
}
