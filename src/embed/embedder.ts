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
  /**
   * True when the vectors are hashed from the text's own words and character
   * n-grams (the local embedder): their nearest passages are mostly ones BM25
   * finds too, so retrieval takes fewer of them (see `retrieve-passages.ts`).
   */
  readonly lexical?: boolean;
}

/** `id@version/dimensions`: the string stored in the index and shown in messages. */
export function formatEmbedderIdentity(identity: EmbedderIdentity): string {
  return `${identity.id}@${identity.version}/${identity.dimensions}`;
}
