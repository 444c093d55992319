import fs from 'node:fs';
import path from 'node:path';
import type { ChunkRepository } from './chunk-repository.js';
import { VECTORS_FILE_NAME, VectorIndex } from './vector-index.js';

// Re-exported for callers that locate both index files through this module.
export { VECTORS_FILE_NAME };

/** Meta key: 'dirty' while a writer may have chunks the vector file lacks, else 'clean'. */
export const VECTORS_STATE_KEY = 'vectors_state';
/** Meta key: live vectors in the file when it was last marked clean. */
export const VECTORS_COUNT_KEY = 'vectors_count';

/** Whether the vector file can be trusted to match the database. */
export type VectorsState = 'dirty' | 'clean';

/** Step 1 of the protocol (see {@link openVectorIndex}): call before changing any chunk. */
export function markVectorsDirty(repository: ChunkRepository): void {
  repository.setMeta(VECTORS_STATE_KEY, 'dirty' satisfies VectorsState);
}

/** Step 4 of the protocol (see {@link openVectorIndex}): call after the vector file holding `count` live vectors is saved. */
export function markVectorsClean(repository: ChunkRepository, count: number): void {
  repository.transaction(() => {
    repository.setMeta(VECTORS_COUNT_KEY, String(count));
    repository.setMeta(VECTORS_STATE_KEY, 'clean' satisfies VectorsState);
  });
}

/**
 * The vector index for `indexDir`: the saved file when it can be trusted,
 * otherwise rebuilt in memory from the database's embeddings. `rebuilt` tells
 * a writer to save it (and mark it clean); a reader may just use it.
 *
 * This is the read side of the crash-safety protocol between SQLite and the
 * vector file. The database is the source of truth (it holds every
 * embedding); the vector file is a cache of it that is slow to rebuild but
 * never needs the embedder. The protocol:
 *
 * 1. A writer calls {@link markVectorsDirty} before it touches any chunk.
 * 2. It changes chunks in SQLite transactions (each file all-or-nothing) and
 *    applies the same adds and removes to the in-memory {@link VectorIndex}.
 * 3. It saves the vector file with {@link VectorIndex.save} (write to a temp
 *    file, fsync, rename over the old one).
 * 4. Only then does it call {@link markVectorsClean} with the live count.
 *
 * This function trusts the file only when the state is 'clean', the file
 * exists and its live count matches both the recorded count and the number of
 * chunks; otherwise it rebuilds from the database. So a
 * SIGKILL at any moment leaves a usable index: before step 4 the state says
 * dirty and the next open rebuilds; the rename in step 3 means the file on
 * disk is always a whole file.
 */
export function openVectorIndex(
  indexDir: string,
  repository: ChunkRepository,
  dimensions: number,
): { index: VectorIndex; rebuilt: boolean } {
  const loaded = loadIfTrusted(
    path.join(indexDir, VECTORS_FILE_NAME),
    repository,
    dimensions,
  );
  if (loaded !== null) return { index: loaded, rebuilt: false };
  return {
    index: VectorIndex.rebuild(dimensions, repository.allEmbeddings()),
    rebuilt: true,
  };
}

function loadIfTrusted(
  filePath: string,
  repository: ChunkRepository,
  dimensions: number,
): VectorIndex | null {
  if (repository.getMeta(VECTORS_STATE_KEY) !== 'clean') return null;
  if (!fs.existsSync(filePath)) return null;
  let index: VectorIndex;
  try {
    index = VectorIndex.load(filePath, dimensions);
  } catch {
    // Unreadable or from another embedder: the database can rebuild it.
    return null;
  }
  const recorded = Number(repository.getMeta(VECTORS_COUNT_KEY));
  const chunks = repository.counts().chunks;
  return index.size === chunks && index.size === recorded ? index : null;
}
