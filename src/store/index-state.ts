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
/** Meta key: the highest chunk id given when the file was last marked clean; later chunks are not in it. */
export const VECTORS_LAST_ID_KEY = 'vectors_last_id';

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
    repository.setMeta(VECTORS_LAST_ID_KEY, String(repository.lastChunkId()));
    repository.clearVectorRemovals();
    repository.setMeta(VECTORS_STATE_KEY, 'clean' satisfies VectorsState);
  });
}

/**
 * Whether the vector file of a database with chunks is missing, was left
 * dirty (a run killed between its last commit and its save, or a `--full`
 * swap cut short) or is too small to hold the vectors it was saved with
 * (damaged): every open would rebuild it in memory until a writer saves it.
 * Cheap: it reads the state and the file's size, not the file.
 */
export function vectorsNeedSaving(indexDir: string, repository: ChunkRepository, dimensions: number): boolean {
  const size = fs.statSync(path.join(indexDir, VECTORS_FILE_NAME), { throwIfNoEntry: false })?.size;
  const saved = Number(repository.getMeta(VECTORS_COUNT_KEY) ?? 0);
  const whole = size !== undefined && size >= saved * dimensions * Float32Array.BYTES_PER_ELEMENT;
  return !(repository.getMeta(VECTORS_STATE_KEY) === 'clean' && whole) && repository.counts().chunks > 0;
}

/**
 * Live vectors in the saved file, and chunks added and removed since it was
 * saved, which every open applies on top of it; null when the file cannot be trusted (or predates the
 * journal), so the next writer must save it.
 */
export function countJournal(
  repository: ChunkRepository,
): { saved: number; added: number; removed: number } | null {
  if (repository.getMeta(VECTORS_STATE_KEY) !== 'clean') return null;
  const lastId = Number(repository.getMeta(VECTORS_LAST_ID_KEY) ?? Number.NaN);
  const saved = Number(repository.getMeta(VECTORS_COUNT_KEY) ?? Number.NaN);
  if (!Number.isInteger(lastId) || !Number.isInteger(saved)) return null;
  return { saved, added: repository.countChunksAfter(lastId), removed: repository.countVectorRemovals() };
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
 * exists and its live count matches the recorded count; otherwise it
 * rebuilds from the database. So a SIGKILL at any moment leaves a usable
 * index: before step 4 the state says dirty and the next open rebuilds; the
 * rename in step 3 means the file on disk is always a whole file.
 *
 * The journal. A small update need not rewrite the file (300 MB at 70k
 * chunks): a writer may leave it as it is, state 'clean', and change only the
 * database, where the changes journal themselves. Chunks added since the
 * file was saved have ids above {@link VECTORS_LAST_ID_KEY} (ids only grow);
 * deleted ones are listed in `vector_removals` by a trigger, in the same
 * transaction as the delete. Every open applies both: removals are marked
 * deleted, additions are staged (searched exactly, see VectorIndex.stage).
 * After that the live count must equal the number of chunks, or the file is
 * rebuilt from the database. Saving the file (step 3–4) empties the journal.
 */
export function openVectorIndex(
  indexDir: string,
  repository: ChunkRepository,
  dimensions: number,
  /** Rebuild with all but the centre's sample staged, for a writer that inserts them in steps. */
  options: { stageRest?: boolean } = {},
): { index: VectorIndex; rebuilt: boolean } {
  const loaded = loadIfTrusted(
    path.join(indexDir, VECTORS_FILE_NAME),
    repository,
    dimensions,
  );
  if (loaded !== null) return { index: loaded, rebuilt: false };
  return {
    index: VectorIndex.rebuild(dimensions, repository.allEmbeddings(), options),
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
  if (index.size !== recorded) return null;
  const lastId = Number(repository.getMeta(VECTORS_LAST_ID_KEY) ?? Number.NaN);
  if (Number.isInteger(lastId)) {
    for (const id of repository.vectorRemovals()) index.remove(id);
    for (const { id, embedding } of repository.embeddingsAfter(lastId)) index.stage(id, embedding);
  }
  return index.size === repository.counts().chunks ? index : null;
}
