import type { Embeddings } from '@langchain/core/embeddings';

/** What an index remembers about the embedder that built it. */
export interface EmbedderIdentity {
  /** Stable name, e.g. `local-hash` or `openai:text-embedding-3-small`. */
  id: string;
  /** Bumped whenever the same id would produce different vectors. */
  version: string;
  /** Length of every vector. */
  dimensions: number;
}

/**
 * The embedding seam: LangChain's `Embeddings` (so it plugs into any chain) plus
 * an identity that is stored in the index. Vectors are L2-normalised.
 */
export interface Embedder extends Embeddings {
  readonly identity: EmbedderIdentity;
  /** LangChain's, plus a signal after which a remote embedder sends no further request. */
  embedDocuments(documents: string[], options?: { signal?: AbortSignal }): Promise<number[][]>;
  /**
   * True when the vectors are hashed from the text's own words and character
   * n-grams (the local embedder): their nearest passages are mostly ones BM25
   * finds too, so retrieval takes fewer of them (see `retrieve-passages.ts`).
   */
  readonly lexical?: boolean;
  /**
   * True when `identity.dimensions` was read from the index on trust (to spare
   * a request) rather than learnt from the embedding server: fine for
   * searching that index, where a wrong length fails the first embedding, but
   * not for writing a new one.
   */
  readonly dimensionsFromIndex?: boolean;
}

/** `id@version/dimensions`: the string stored in the index and shown in messages. */
export function formatEmbedderIdentity(identity: EmbedderIdentity): string {
  return `${identity.id}@${identity.version}/${identity.dimensions}`;
}

/**
 * The identity an index stores (`formatEmbedderIdentity`'s string) read back,
 * or `null` when it is not in that form. The id may itself hold `@` or `/`
 * (`openai:org/model@2`), so both are taken from the right.
 *
 * @example
 * parseEmbedderIdentity('openai:nomic-embed-text@1/768'); // { id: 'openai:nomic-embed-text', version: '1', dimensions: 768 }
 */
export function parseEmbedderIdentity(text: string): EmbedderIdentity | null {
  const match = /^(.+)@([^@/]+)\/(\d+)$/.exec(text);
  if (match === null) return null;
  const dimensions = Number(match[3]);
  return dimensions > 0 ? { id: match[1] ?? '', version: match[2] ?? '', dimensions } : null;
}
