import { formatEmbedderIdentity } from './embed/embedder.js';
import type { EmbedderSession } from './embed/embedder-session.js';
import { UnreachableEmbedder } from './embed/unreachable-embedder.js';
import type { SearchableIndex } from './retrieve/retrieve-passages.js';
import { FootnoteError } from './shared/errors.js';
import { ChunkRepository } from './store/chunk-repository.js';
import { openDatabase } from './store/database.js';
import { FlatVectorIndex } from './store/flat-vector-index.js';
import { openSearchableVectors } from './store/index-state.js';
import { createTermStatistics } from './store/term-statistics.js';
import { assertTokenizerVersion } from './store/tokenizer-version.js';

/**
 * The index a footnote session searches, opened on the first question and
 * kept open until `close` (after every index run, which rewrites it).
 */
export interface IndexSession {
  /** The index with its vectors, checked against the embedder that will embed questions. */
  forSearch(): Promise<SearchableIndex>;
  /**
   * The index for keyword search alone, when the embedding server is
   * unreachable (`cause`): no embedder check (the index was built with that
   * server's embedder) and no vectors. The full index when one is open.
   */
  forKeywordsOnly(cause: Error): SearchableIndex;
  close(): void;
}

interface OpenIndex extends SearchableIndex {
  close(): void;
}

/** A session over the index in `indexDir`, searched with `embedders`' embedder. */
export function createIndexSession(
  indexDir: string,
  embedders: EmbedderSession,
  /** Overrides FLAT_MAX_NUMBERS, as the index runs of the same footnote do. */
  flatMaxNumbers?: number,
): IndexSession {
  let openIndex: OpenIndex | null = null;
  let keywordIndex: OpenIndex | null = null;

  return {
    async forSearch() {
      if (openIndex) return openIndex;
      const db = openDatabase(indexDir, { readonly: true });
      try {
        const repo = new ChunkRepository(db);
        const indexed = repo.getMeta('embedder');
        const embedder = await embedders.forSearch(indexed);
        const current = formatEmbedderIdentity(embedder.identity);
        if (indexed !== null && indexed !== current) {
          throw new FootnoteError('EMBEDDER_MISMATCH', { indexed, current });
        }
        assertTokenizerVersion(repo);
        const vectors = openSearchableVectors(indexDir, repo, embedder.identity.dimensions, flatMaxNumbers);
        openIndex = {
          repo, vectors, embedder, statistics: createTermStatistics(db),
          close: () => {
            vectors.close?.();
            db.close();
          },
        };
        return openIndex;
      } catch (error) {
        db.close();
        throw error;
      }
    },

    forKeywordsOnly(cause) {
      if (openIndex) return openIndex;
      if (keywordIndex) return keywordIndex;
      const db = openDatabase(indexDir, { readonly: true });
      keywordIndex = {
        repo: new ChunkRepository(db),
        vectors: FlatVectorIndex.build(1, []),
        embedder: new UnreachableEmbedder(cause),
        statistics: createTermStatistics(db),
        close: () => db.close(),
      };
      return keywordIndex;
    },

    close() {
      openIndex?.close();
      openIndex = null;
      keywordIndex?.close();
      keywordIndex = null;
    },
  };
}
