import type Database from 'better-sqlite3';
import { formatEmbedderIdentity } from './embed/embedder.js';
import type { EmbedderSession } from './embed/embedder-session.js';
import { UnreachableEmbedder } from './embed/unreachable-embedder.js';
import type { SearchableIndex } from './retrieve/retrieve-passages.js';
import { FootnoteError } from './shared/errors.js';
import { ChunkRepository } from './store/chunk-repository.js';
import { openDatabase } from './store/database.js';
import { FlatVectorIndex } from './store/flat-vector-index.js';
import { openSearchableVectors } from './store/index-state.js';
import { PREWARM_MAX_PASSAGES, prewarmIndex } from './store/prewarm-index.js';
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
  /**
   * Opens the index for search, if it is not open, and maps the pages that
   * questions read (prewarm-index.ts); stops early when the index is closed
   * or `shouldStop` says so. Resolves to false when it stopped early.
   */
  prewarm(shouldStop?: () => boolean): Promise<boolean>;
  close(): void;
}

interface OpenIndex extends SearchableIndex {
  db: Database.Database;
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
  /** The index being opened: a question and a prewarm may both ask before it is. */
  let opening: Promise<OpenIndex> | null = null;
  /** Counts `close` calls, so that an open begun before one is not kept. */
  let generation = 0;
  let keywordIndex: OpenIndex | null = null;

  async function open(): Promise<OpenIndex> {
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
      let closed = false;
      return {
        db, repo, vectors, embedder, statistics: createTermStatistics(db),
        close: () => {
          if (closed) return;
          closed = true;
          vectors.close?.();
          db.close();
        },
      };
    } catch (error) {
      db.close();
      throw error;
    }
  }

  /** The open index; `null` when it was closed while opening and `reopen` is false. */
  async function openForSearch(reopen: boolean): Promise<OpenIndex | null> {
    if (openIndex) return openIndex;
    const openedIn = generation;
    const started = (opening ??= open());
    let opened: OpenIndex;
    try {
      opened = await started;
    } finally {
      if (opening === started) opening = null;
    }
    if (generation === openedIn) return (openIndex ??= opened);
    // Closed while it was opening (an index run rewrote it): open the index as it is now.
    opened.close();
    return reopen ? openForSearch(true) : null;
  }

  return {
    async forSearch() {
      return (await openForSearch(true))!;
    },

    async prewarm(shouldStop = () => false) {
      if (shouldStop()) return false;
      // Closed before it opened: whoever closed it has no use for it now.
      const index = await openForSearch(false);
      if (index === null) return false;
      if (index.statistics.passageCount > PREWARM_MAX_PASSAGES) return true;
      const report = await prewarmIndex(index.db, { shouldStop: () => openIndex !== index || shouldStop() });
      return !report.stopped;
    },

    forKeywordsOnly(cause) {
      if (openIndex) return openIndex;
      if (keywordIndex) return keywordIndex;
      const db = openDatabase(indexDir, { readonly: true });
      keywordIndex = {
        db,
        repo: new ChunkRepository(db),
        vectors: FlatVectorIndex.build(1, []),
        embedder: new UnreachableEmbedder(cause),
        statistics: createTermStatistics(db),
        close: () => db.close(),
      };
      return keywordIndex;
    },

    close() {
      generation += 1;
      opening = null;
      openIndex?.close();
      openIndex = null;
      keywordIndex?.close();
      keywordIndex = null;
    },
  };
}
