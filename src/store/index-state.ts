import fs from 'node:fs';
import path from 'node:path';
import type { ChunkRepository } from './chunk-repository.js';
import { FlatVectorIndex } from './flat-vector-index.js';
import { SCAN_FILE_NAME, ScanVectorIndex } from './scan-vector-index.js';
import { type SearchableVectors, VECTORS_FILE_NAME, VectorIndex } from './vector-index.js';

// Re-exported for callers that locate the index files through this module.
export { SCAN_FILE_NAME, VECTORS_FILE_NAME };

/**
 * What the vector file holds: an HNSW graph (vectors.hnsw), or quantised
 * vectors for a scan (vectors.scan, see ScanVectorIndex).
 */
export type VectorsKind = 'graph' | 'scan';

/** Meta key: the kind of the vector file last marked clean; absent means a graph, as every index before scans. */
export const VECTORS_KIND_KEY = 'vectors_kind';

/** Either kind of vector file, as a writer changes and saves it. */
export type WritableVectors = VectorIndex | ScanVectorIndex;

/** The file each kind keeps in the index folder. */
export function vectorsFileName(kind: VectorsKind): string {
  return kind === 'scan' ? SCAN_FILE_NAME : VECTORS_FILE_NAME;
}

/** The kind of vector file the index was last saved with. */
export function vectorsKind(repository: ChunkRepository): VectorsKind {
  return repository.getMeta(VECTORS_KIND_KEY) === 'scan' ? 'scan' : 'graph';
}

/** A new index of `kind` holding `entries` (see VectorIndex.rebuild for `stageRest`). */
export function rebuildVectors(
  kind: VectorsKind,
  dimensions: number,
  entries: Iterable<{ id: number; embedding: Float32Array }>,
  options: { stageRest?: boolean } = {},
): WritableVectors {
  return kind === 'scan' ? ScanVectorIndex.rebuild(dimensions, entries) : VectorIndex.rebuild(dimensions, entries, options);
}

/**
 * Meta key: 'dirty' while a writer may have chunks the vector file lacks,
 * 'clean' once the file matches the database, 'flat' for an index with no
 * vector file, searched by an exact scan of the database's embeddings.
 */
export const VECTORS_STATE_KEY = 'vectors_state';
/** Meta key: live vectors in the file when it was last marked clean. */
export const VECTORS_COUNT_KEY = 'vectors_count';
/** Meta key: the highest chunk id given when the file was last marked clean; later chunks are not in it. */
export const VECTORS_LAST_ID_KEY = 'vectors_last_id';

/** Whether the vector file can be trusted to match the database, or there is none to trust. */
export type VectorsState = 'dirty' | 'clean' | 'flat';

/**
 * Most numbers (chunks × dimensions) an index may hold and be searched
 * exactly, with no HNSW graph: 16,384 chunks of the local embedder's 1,024
 * dimensions, 10,922 of a server's 1,536.
 *
 * Below it the graph costs more than it gives. Building it was a third of a
 * 5 MB index run's CPU time: without it, 1,000 files (7,670 chunks) index in
 * 3.45 s instead of 4.78 s (CPU 5.4 s instead of 8.2 s). And at the shipped
 * beam the graph finds about three of four true nearest neighbours
 * (recall@10 0.73 at 10k chunks), where a scan finds all of them.
 *
 * What the scan costs: 0.7 ms a question on 10,000 local vectors, against
 * 0.6 ms through the graph (FlatVectorIndex reads only the dimensions the
 * question uses); a dense question (a server's embedder) reads them all,
 * 12 ms at this limit. Opening reads the embeddings from the database rather
 * than the graph file: `ask --json` on those 7,670 chunks took 694 ms
 * against 664 ms (medians of 5).
 */
export const FLAT_MAX_NUMBERS = 16 * 1024 * 1024;

/** Whether an index of `chunks` vectors of `dimensions` is searched from the database, with no vector file (see {@link FLAT_MAX_NUMBERS}). */
export function fitsFlat(chunks: number, dimensions: number, maxNumbers = FLAT_MAX_NUMBERS): boolean {
  return chunks * dimensions <= maxNumbers;
}

/**
 * Most numbers (chunks × dimensions) a scan file may hold: 2M chunks of the
 * local embedder, 2 GB of codes in WebAssembly's 4 GB memory. Beyond it, or
 * for an embedder whose questions use every dimension (a server's: a scan
 * would read all 1,536 of them, 25× a local question's), the index keeps a
 * graph.
 *
 * Why a scan for the local embedder's large indexes: the graph found only
 * about half of the true ten nearest passages (recall@10 0.54 at 100,000
 * chunks, 0.47 at 1M), since hashed n-gram vectors have no neighbourhoods
 * to follow; the scan finds 0.99 of them (ScanVectorIndex; bench recall@10).
 */
export const SCAN_MAX_NUMBERS = 2 * 1024 * 1024 * 1024;

/**
 * The vector file an index of `chunks` vectors keeps past the flat limit: a
 * scan when the embedder is lexical (its questions use few dimensions) and
 * the codes fit {@link SCAN_MAX_NUMBERS}, otherwise a graph.
 */
export function chooseVectorsKind(
  chunks: number,
  dimensions: number,
  lexical: boolean,
  scanMaxNumbers = SCAN_MAX_NUMBERS,
): VectorsKind {
  return lexical && chunks * dimensions <= scanMaxNumbers ? 'scan' : 'graph';
}

/** True when the index has no vector file and is searched by a scan (see {@link markVectorsFlat}). */
export function isFlat(repository: ChunkRepository): boolean {
  return repository.getMeta(VECTORS_STATE_KEY) === ('flat' satisfies VectorsState);
}

/**
 * Marks the index as searched by a scan of the database, which is then the
 * only copy of the vectors: no file to keep in step, so nothing a crash can
 * leave stale. A writer calls it before changing chunks and again at the end,
 * which empties the removals journal a graph would have needed. Any old
 * vector file is ignored from here on; the writer deletes it.
 */
export function markVectorsFlat(repository: ChunkRepository): void {
  repository.transaction(() => {
    repository.clearVectorRemovals();
    repository.setMeta(VECTORS_STATE_KEY, 'flat' satisfies VectorsState);
  });
}

/** Step 1 of the protocol (see {@link openVectorIndex}): call before changing any chunk. */
export function markVectorsDirty(repository: ChunkRepository): void {
  repository.setMeta(VECTORS_STATE_KEY, 'dirty' satisfies VectorsState);
}

/** Step 4 of the protocol (see {@link openVectorIndex}): call after the vector file of `kind` holding `count` live vectors is saved. */
export function markVectorsClean(repository: ChunkRepository, count: number, kind: VectorsKind = 'graph'): void {
  repository.transaction(() => {
    repository.setMeta(VECTORS_KIND_KEY, kind);
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
export function vectorsNeedSaving(
  indexDir: string,
  repository: ChunkRepository,
  dimensions: number,
  kind: VectorsKind = vectorsKind(repository),
): boolean {
  if (isFlat(repository)) return false;
  if (kind !== vectorsKind(repository)) return repository.counts().chunks > 0;
  const size = fs.statSync(path.join(indexDir, vectorsFileName(kind)), { throwIfNoEntry: false })?.size;
  const saved = Number(repository.getMeta(VECTORS_COUNT_KEY) ?? 0);
  // A graph keeps 4 bytes a number, a scan 1.
  const bytesPerNumber = kind === 'scan' ? 1 : Float32Array.BYTES_PER_ELEMENT;
  const whole = size !== undefined && size >= saved * dimensions * bytesPerNumber;
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
 * The vector file's index, of `options.kind`, for a writer of `indexDir` to
 * change and save: the saved file when it can be trusted, otherwise rebuilt
 * from the database's embeddings, and then `rebuilt` tells it to save the
 * file (and mark it clean). Readers call {@link openSearchableVectors}, which scans rather than
 * rebuild.
 *
 * This is the read side of the crash-safety protocol between SQLite and the
 * vector file. The database is the source of truth (it holds every
 * embedding); the vector file is a cache of it that is slow to rebuild but
 * never needs the embedder. The protocol:
 *
 * 1. A writer calls {@link markVectorsDirty} before it touches any chunk.
 * 2. It changes chunks in SQLite transactions (each file all-or-nothing) and
 *    applies the same adds and removes to the in-memory {@link VectorIndex}
 *    (or ScanVectorIndex).
 * 3. It saves the vector file with its `save` (write to a temp file, fsync,
 *    rename over the old one).
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
  options: {
    /** Rebuild with all but the centre's sample staged, for a writer that inserts them in steps. */
    stageRest?: boolean;
    /** The kind the writer will save; a trusted file of the other kind is rebuilt as this one. */
    kind?: VectorsKind;
  } = {},
): { index: WritableVectors; rebuilt: boolean } {
  const kind = options.kind ?? 'graph';
  const loaded = vectorsKind(repository) === kind ? loadIfTrusted(indexDir, repository, dimensions) : null;
  if (loaded !== null) return { index: loaded, rebuilt: false };
  return {
    index: rebuildVectors(kind, dimensions, repository.allEmbeddings(), options),
    rebuilt: true,
  };
}

/**
 * What a reader searches: the vector file when it can be trusted (with the
 * journal applied, see {@link openVectorIndex}), otherwise an exact scan of
 * the database's embeddings. That covers a flat index, and one whose file a
 * crash or a running writer left behind, which used to be rebuilt as a graph
 * in memory: a scan is as exact and opens in a fraction of the time.
 */
export function openSearchableVectors(
  indexDir: string,
  repository: ChunkRepository,
  dimensions: number,
  flatMaxNumbers = FLAT_MAX_NUMBERS,
): SearchableVectors {
  // A flat index is not 'clean', so its leftover file is never trusted.
  const loaded = loadIfTrusted(indexDir, repository, dimensions);
  if (loaded !== null) return loaded;
  // A large index that keeps a scan file, whose file a writer has not saved
  // yet, is coded in memory as the file would be: a quarter of the floats'
  // memory (a million chunks: 1 GB rather than 4) and the same search.
  if (vectorsKind(repository) === 'scan' && !fitsFlat(repository.counts().chunks, dimensions, flatMaxNumbers)) {
    return ScanVectorIndex.rebuild(dimensions, repository.allEmbeddings());
  }
  return FlatVectorIndex.build(dimensions, repository.allEmbeddings());
}

/** The vector file of the kind the database records, with the journal applied; null when it cannot be trusted. */
function loadIfTrusted(
  indexDir: string,
  repository: ChunkRepository,
  dimensions: number,
): WritableVectors | null {
  if (repository.getMeta(VECTORS_STATE_KEY) !== 'clean') return null;
  const kind = vectorsKind(repository);
  const filePath = path.join(indexDir, vectorsFileName(kind));
  if (!fs.existsSync(filePath)) return null;
  let index: WritableVectors;
  try {
    index = kind === 'scan' ? ScanVectorIndex.load(filePath, dimensions) : VectorIndex.load(filePath, dimensions);
  } catch {
    // Unreadable or from another embedder: the database can rebuild it.
    return null;
  }
  const recorded = Number(repository.getMeta(VECTORS_COUNT_KEY));
  if (index.size === recorded) {
    const lastId = Number(repository.getMeta(VECTORS_LAST_ID_KEY) ?? Number.NaN);
    if (Number.isInteger(lastId)) {
      for (const id of repository.vectorRemovals()) index.remove(id);
      for (const { id, embedding } of repository.embeddingsAfter(lastId)) index.stage(id, embedding);
    }
    if (index.size === repository.counts().chunks) return index;
  }
  // Not what the database holds: it is rebuilt from there, and a scan's helper thread ends with this copy.
  (index as SearchableVectors).close?.();
  return null;
}
