import { Embeddings } from '@langchain/core/embeddings';
import type { Embedder, EmbedderIdentity } from './embedder.js';

/**
 * Stands in for an embedder whose server cannot be reached, so that an index
 * can still be searched by keywords: any call throws the original error.
 */
export class UnreachableEmbedder extends Embeddings implements Embedder {
  readonly identity: EmbedderIdentity;
  private readonly error: Error;

  constructor(error: Error, identity: EmbedderIdentity = { id: 'unreachable', version: '0', dimensions: 1 }) {
    super({});
    this.error = error;
    this.identity = identity;
  }

  override embedDocuments(): Promise<number[][]> {
    return Promise.reject(this.error);
  }

  override embedQuery(): Promise<number[]> {
    return Promise.reject(this.error);
  }
}
