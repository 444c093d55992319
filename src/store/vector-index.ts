import fs from 'node:fs';
import hnswlib from 'hnswlib-node';
import { FootnoteError } from '../shared/errors.js';

// hnswlib-node is CommonJS; its named exports are not visible to ESM.
const { HierarchicalNSW } = hnswlib;
type Hnsw = InstanceType<typeof HierarchicalNSW>;

/** The vector file inside the index folder. */
export const VECTORS_FILE_NAME = 'vectors.hnsw';

/** Starting capacity; the index doubles whenever it fills. */
export const DEFAULT_VECTOR_CAPACITY = 1024;

/**
 * The graph parameters every index is built and searched with.
 *
 * - `m`: graph degree, hnswlib's default, good up to ~1M vectors.
 * - `efConstruction`: 40 rather than hnswlib's usual 200. Graph inserts
 *   dominated index time (60% of a 5 MB run's CPU at 100); at 40 they cost
 *   about 40% less. Measured on 10k chunks of real prose (`npm run bench`):
 *   recall@10 of a 100-candidate search, which is what retrieval asks for,
 *   drops from 0.83 to 0.77, and the vector ranker only supplies candidates
 *   that BM25 scores join in reranking (eval: rerank with and without cosine
 *   differ by < 0.01 nDCG@10).
 * - `efSearch`: search beam width. hnswlib does not save ef with the index and
 *   defaults it to 10, which gives poor recall; it is set after every create
 *   and load.
 */
export const HNSW_PARAMETERS = { m: 16, efConstruction: 40, efSearch: 64 } as const;

/** A nearest neighbour: the chunk id and its cosine distance (0 = same direction). */
export interface VectorMatch {
  id: number;
  distance: number;
}

/**
 * Approximate nearest-neighbour search over chunk embeddings (cosine), keyed
 * by chunk id. Wraps hnswlib-node and smooths its sharp edges: it grows when
 * full, removal is idempotent, a removed id can be added again, and `search`
 * never asks for more neighbours than there are live vectors.
 *
 * Removal only marks a vector deleted; once {@link needsCompaction} says so,
 * {@link VectorIndex.rebuild} from the database's embeddings reclaims the space.
 */
export class VectorIndex {
  readonly dimensions: number;
  readonly #hnsw: Hnsw;
  /** Every label in the graph, deleted or not. */
  readonly #labels: Set<number>;
  /** Labels marked deleted: hnswlib throws on a second markDelete and cannot list them. */
  readonly #deleted: Set<number>;
  /**
   * Vectors not in the graph yet, searched exactly: a reader's view of chunks
   * added since the file was saved (see index-state.ts). A few thousand at
   * most, so a scan costs a millisecond where inserting them would cost one
   * each at every open.
   */
  readonly #staged = new Map<number, Float32Array>();

  private constructor(dimensions: number, hnsw: Hnsw, labels: Set<number>, deleted: Set<number>) {
    this.dimensions = dimensions;
    this.#hnsw = hnsw;
    this.#labels = labels;
    this.#deleted = deleted;
    hnsw.setEf(HNSW_PARAMETERS.efSearch);
  }

  /** An empty index for vectors of `dimensions` numbers. */
  static create(dimensions: number, capacity = DEFAULT_VECTOR_CAPACITY): VectorIndex {
    const hnsw = new HierarchicalNSW('cosine', dimensions);
    hnsw.initIndex({
      maxElements: Math.max(1, capacity),
      m: HNSW_PARAMETERS.m,
      efConstruction: HNSW_PARAMETERS.efConstruction,
    });
    return new VectorIndex(dimensions, hnsw, new Set(), new Set());
  }

  /**
   * Reads a file written by {@link save}.
   *
   * @throws FootnoteError `INDEX_CORRUPT` when the file is unreadable or holds
   * vectors of another dimension.
   */
  static load(filePath: string, dimensions: number): VectorIndex {
    const fileDimensions = readFileDimensions(filePath);
    if (fileDimensions !== dimensions) {
      throw new FootnoteError('INDEX_CORRUPT', {
        path: filePath,
        detail: `the vectors have ${fileDimensions} dimensions, expected ${dimensions}`,
      });
    }
    const hnsw = new HierarchicalNSW('cosine', dimensions);
    try {
      hnsw.readIndexSync(filePath);
    } catch (error) {
      throw new FootnoteError(
        'INDEX_CORRUPT',
        { path: filePath, detail: error instanceof Error ? error.message : String(error) },
        { cause: error },
      );
    }
    const labels = new Set(hnsw.getIdsList());
    return new VectorIndex(dimensions, hnsw, labels, findDeletedLabels(hnsw, labels));
  }

  /** A fresh, compact index holding exactly `entries` (later duplicates win). */
  static rebuild(
    dimensions: number,
    entries: Iterable<{ id: number; embedding: Float32Array }>,
  ): VectorIndex {
    const index = VectorIndex.create(dimensions);
    for (const { id, embedding } of entries) index.add(id, embedding);
    return index;
  }

  /** Live vectors: what `search` can return. */
  get size(): number {
    return this.#labels.size - this.#deleted.size + this.#staged.size;
  }

  /** Vectors waiting outside the graph (see {@link stage}). */
  get stagedCount(): number {
    return this.#staged.size;
  }

  /** True when `id` is live: in the graph and not removed, or staged. */
  has(id: number): boolean {
    return this.#staged.has(id) || (this.#labels.has(id) && !this.#deleted.has(id));
  }

  /**
   * Makes `id` searchable without inserting it into the graph: it is compared
   * exactly at every search until {@link insertStaged} moves it in. The vector
   * must be L2-normalised, as every embedder's is.
   */
  stage(id: number, vector: Float32Array): void {
    if (vector.length !== this.dimensions) {
      throw new RangeError(`vector has ${vector.length} dimensions, expected ${this.dimensions}`);
    }
    this.remove(id);
    this.#staged.set(id, vector);
  }

  /** Inserts up to `limit` staged vectors into the graph; returns how many are left. */
  insertStaged(limit = Number.POSITIVE_INFINITY): number {
    let inserted = 0;
    for (const [id, vector] of this.#staged) {
      if (inserted >= limit) break;
      this.#staged.delete(id);
      this.add(id, vector);
      inserted += 1;
    }
    return this.#staged.size;
  }

  /** Vectors marked deleted but still taking space in the graph. */
  get deletedCount(): number {
    return this.#deleted.size;
  }

  /** True once deleted vectors are over 20% of the graph and over 100: time to rebuild. */
  get needsCompaction(): boolean {
    const deleted = this.#deleted.size;
    return deleted > 100 && deleted > 0.2 * this.#labels.size;
  }

  /** Adds or replaces the vector for `id`, also when `id` was removed before. */
  add(id: number, vector: Float32Array | readonly number[]): void {
    if (vector.length !== this.dimensions) {
      throw new RangeError(`vector has ${vector.length} dimensions, expected ${this.dimensions}`);
    }
    this.#staged.delete(id);
    if (!this.#labels.has(id)) this.#ensureRoomForOneMore();
    // With replacement of deleted elements disabled (the default), addPoint on
    // an existing label unmarks it if deleted and updates its vector in place.
    withVector(withoutZeroNorm(vector), (input) => this.#hnsw.addPoint(input, id));
    this.#labels.add(id);
    this.#deleted.delete(id);
  }

  /** Hides `id` from searches. Unknown or already removed ids are ignored. */
  remove(id: number): void {
    this.#staged.delete(id);
    if (!this.#labels.has(id) || this.#deleted.has(id)) return;
    this.#hnsw.markDelete(id);
    this.#deleted.add(id);
  }

  /** Up to `k` nearest live vectors to `vector`, closest first. */
  search(vector: Float32Array | readonly number[], k: number): VectorMatch[] {
    const count = Math.min(Math.floor(k), this.size);
    if (count <= 0) return [];
    const inGraph = Math.min(count, this.#labels.size - this.#deleted.size);
    const found: VectorMatch[] = [];
    if (inGraph > 0) {
      const { neighbors, distances } = withVector(vector, (input) => this.#hnsw.searchKnn(input, inGraph));
      neighbors.forEach((id, i) => found.push({ id, distance: distances[i] ?? Number.NaN }));
    }
    if (this.#staged.size === 0) return found;
    // hnswlib's cosine space normalises the query; do the same for the scan.
    let squares = 0;
    for (let i = 0; i < vector.length; i++) squares += (vector[i] as number) ** 2;
    const norm = Math.sqrt(squares) || 1;
    for (const [id, staged] of this.#staged) {
      let product = 0;
      for (let i = 0; i < staged.length; i++) product += (staged[i] as number) * (vector[i] as number);
      found.push({ id, distance: 1 - product / norm });
    }
    return found.sort((a, b) => a.distance - b.distance).slice(0, count);
  }

  /**
   * Writes the index to `filePath` crash-safely: to a temporary file first,
   * fsynced, then renamed over the old one, so a crash at any point leaves
   * either the old file or the new one intact. Staged vectors are inserted
   * first (callers that must stay responsive call {@link insertStaged} in steps).
   */
  save(filePath: string): void {
    this.insertStaged();
    const temporaryPath = `${filePath}.tmp-${process.pid}`;
    try {
      this.#hnsw.writeIndexSync(temporaryPath);
    } catch (error) {
      fs.rmSync(temporaryPath, { force: true });
      throw error;
    }
    replaceFileDurably(temporaryPath, filePath);
  }

  #ensureRoomForOneMore(): void {
    const capacity = this.#hnsw.getMaxElements();
    if (this.#hnsw.getCurrentCount() < capacity) return;
    // Doubling keeps the cost of the (copying) resize amortised O(1) per add.
    this.#hnsw.resizeIndex(Math.max(1, capacity * 2));
  }
}

/**
 * The dimension stored in an hnswlib file header. hnswlib trusts the caller's
 * dimension on load, so a file written by another embedder would load
 * silently and return nonsense. Header layout (hnswalg.h saveIndex): six
 * size_t fields, of which label_offset (5th) minus offsetData (6th) is the
 * vector's byte size.
 */
function readFileDimensions(filePath: string): number {
  const header = Buffer.alloc(48);
  let fd: number;
  try {
    fd = fs.openSync(filePath, 'r');
  } catch (error) {
    throw new FootnoteError(
      'INDEX_CORRUPT',
      { path: filePath, detail: error instanceof Error ? error.message : String(error) },
      { cause: error },
    );
  }
  try {
    const bytesRead = fs.readSync(fd, header, 0, header.length, 0);
    if (bytesRead < header.length) {
      throw new FootnoteError('INDEX_CORRUPT', { path: filePath, detail: 'the vector file is truncated' });
    }
  } finally {
    fs.closeSync(fd);
  }
  const labelOffset = header.readBigUInt64LE(32);
  const dataOffset = header.readBigUInt64LE(40);
  return Number(labelOffset - dataOffset) / Float32Array.BYTES_PER_ELEMENT;
}

/**
 * Finds the labels a loaded file marks deleted. hnswlib-node has no call that
 * lists them, but markDelete throws on an already-deleted label, and
 * markDelete + unmarkDelete on a live one is an exact no-op (a flag bit and a
 * counter). That is two cheap native calls per label, where getPoint would
 * copy every vector into JavaScript.
 */
function findDeletedLabels(hnsw: Hnsw, labels: Iterable<number>): Set<number> {
  const deleted = new Set<number>();
  for (const label of labels) {
    try {
      hnsw.markDelete(label);
    } catch {
      deleted.add(label);
      continue;
    }
    hnsw.unmarkDelete(label);
  }
  return deleted;
}

/**
 * Moves a fully written `temporaryPath` over `filePath`: fsync, then rename,
 * so a crash at any point leaves either the old file or the new one intact.
 * The temporary file is removed if this fails.
 */
export function replaceFileDurably(temporaryPath: string, filePath: string): void {
  try {
    const fd = fs.openSync(temporaryPath, 'r+');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temporaryPath, filePath);
  } catch (error) {
    fs.rmSync(temporaryPath, { force: true });
    throw error;
  }
}

/** Calls `call` with a vector in the form the addon takes: see {@link createVectorPasser}. */
export type VectorPasser = <T>(vector: Float32Array | readonly number[], call: (input: number[]) => T) => T;

/**
 * A passer that learns, on its first Float32Array, whether the hnswlib-node
 * it calls takes one where its types say number[]: footnote's tuned build
 * does (bin/tune-native.js), saving an N-API call per number; npm's build
 * refuses with a TypeError, after which every vector goes as an array.
 */
export function createVectorPasser(): VectorPasser {
  let takesFloat32: boolean | null = null;
  return (vector, call) => {
    if (vector instanceof Float32Array && takesFloat32 !== false) {
      try {
        const result = call(vector as unknown as number[]);
        takesFloat32 = true;
        return result;
      } catch (error) {
        if (takesFloat32 === true || !isArrayRequired(error)) throw error;
        takesFloat32 = false;
      }
    }
    return call(Array.from(vector));
  };
}

/** One addon per process, so one passer. */
const withVector = createVectorPasser();

/** npm's hnswlib-node refusing a Float32Array: "Invalid the first argument type, must be an Array." */
function isArrayRequired(error: unknown): boolean {
  return error instanceof TypeError && error.message.includes('must be an Array');
}

/**
 * The cosine space divides by the norm, so an all-zero vector (a chunk with no
 * words) would poison the graph with NaN distances; a tiny component keeps it
 * harmless and far from every real query. Other vectors are returned as they are.
 */
export function withoutZeroNorm<T extends Float32Array | readonly number[]>(vector: T): T | number[] {
  if (vector.length === 0 || vector.some((value) => value !== 0)) return vector;
  const values: number[] = Array.from(vector);
  values[0] = 1e-9;
  return values;
}
