import fs from 'node:fs';
import hnswlib from 'hnswlib-node';
import { FootnoteError } from '../shared/errors.js';
import { CENTER_SAMPLE, dot, estimateCenter, normalized, toStoredVector } from './centred-vectors.js';

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

/**
 * The label under which a file keeps its centre (see {@link VectorIndex}),
 * as a deleted point that searches never return: the largest label
 * hnswlib-node takes (a uint32), which chunk ids never reach.
 */
export const CENTER_LABEL = 0xffff_ffff;

/** A nearest neighbour: the chunk id and its cosine distance (0 = same direction). */
export interface VectorMatch {
  id: number;
  distance: number;
}

/** What retrieval searches: the HNSW graph, or an exact scan (FlatVectorIndex). */
export interface SearchableVectors {
  /** Vectors a search can return. */
  readonly size: number;
  /** Up to `k` nearest vectors to `vector`, closest first. */
  search(vector: Float32Array | readonly number[], k: number): VectorMatch[];
  /**
   * The same search begun now and finished by the returned function, for an
   * index that can search on another thread meanwhile (ScanVectorIndex).
   */
  searchLater?(vector: Float32Array | readonly number[], k: number): () => VectorMatch[];
  /** Frees what the garbage collector cannot: a scan's helper thread. */
  close?(): void;
}

/**
 * Approximate nearest-neighbour search over chunk embeddings (cosine), keyed
 * by chunk id. Wraps hnswlib-node and smooths its sharp edges: it grows when
 * full, removal is idempotent, a removed id can be added again, and `search`
 * never asks for more neighbours than there are live vectors.
 *
 * Removal only marks a vector deleted; once {@link needsCompaction} says so,
 * {@link VectorIndex.rebuild} from the database's embeddings reclaims the space.
 *
 * The graph stores each (L2-normalised) vector minus a centre, the mean of
 * the first vectors it was built from, and searches by inner product. Why:
 * the local embedder's vectors share a large common part (the mean's norm is
 * about 0.3: every English passage has `the`, `ing`, `tion`), so by cosine
 * every passage is a little like every other, and the graph's links follow
 * that shared part rather than what passages are about. Subtracting one
 * fixed vector changes no ranking, since q·(v − c) = q·v − q·c and q·c is
 * the same for every passage of a query; distances are converted back by
 * adding q·c. Measured with bench/measure-hnsw-recall.ts on the bench's
 * query indexes, recall@10 at the shipped M, efConstruction and ef rose from
 * 0.60 to 0.73 at 10k chunks and from 0.38 to 0.53 at 100k.
 * Files written before the centre was kept have none, and search as before.
 */
export class VectorIndex implements SearchableVectors {
  readonly dimensions: number;
  readonly #hnsw: Hnsw;
  /** Subtracted from every vector the graph stores; null for none. */
  readonly #center: Float32Array | null;
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

  private constructor(
    dimensions: number,
    hnsw: Hnsw,
    labels: Set<number>,
    deleted: Set<number>,
    center: Float32Array | null,
  ) {
    this.dimensions = dimensions;
    this.#hnsw = hnsw;
    this.#labels = labels;
    this.#deleted = deleted;
    this.#center = center;
    hnsw.setEf(HNSW_PARAMETERS.efSearch);
  }

  /** An empty index for vectors of `dimensions` numbers, stored minus `center` when given. */
  static create(
    dimensions: number,
    capacity = DEFAULT_VECTOR_CAPACITY,
    center: Float32Array | null = null,
  ): VectorIndex {
    const hnsw = new HierarchicalNSW('ip', dimensions);
    hnsw.initIndex({
      maxElements: Math.max(1, capacity) + (center === null ? 0 : 1),
      m: HNSW_PARAMETERS.m,
      efConstruction: HNSW_PARAMETERS.efConstruction,
    });
    if (center !== null) {
      withVector(center, (input) => hnsw.addPoint(input, CENTER_LABEL));
      hnsw.markDelete(CENTER_LABEL);
    }
    return new VectorIndex(dimensions, hnsw, new Set(), new Set(), center);
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
    // Files from before the centre was kept hold normalised vectors, which
    // the inner product searches as the cosine space did.
    const hnsw = new HierarchicalNSW('ip', dimensions);
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
    const center = labels.delete(CENTER_LABEL) ? readCenter(hnsw) : null;
    return new VectorIndex(dimensions, hnsw, labels, findDeletedLabels(hnsw, labels), center);
  }

  /**
   * A fresh, compact index holding exactly `entries` (later duplicates win),
   * centred on the first {@link CENTER_SAMPLE} of them.
   */
  static rebuild(
    dimensions: number,
    entries: Iterable<{ id: number; embedding: Float32Array }>,
    options: { stageRest?: boolean } = {},
  ): VectorIndex {
    const rest = entries[Symbol.iterator]();
    const sample: { id: number; embedding: Float32Array }[] = [];
    while (sample.length < CENTER_SAMPLE) {
      const next = rest.next();
      if (next.done) break;
      sample.push(next.value);
    }
    const center = estimateCenter(sample.map((entry) => entry.embedding), dimensions);
    const index = VectorIndex.create(dimensions, DEFAULT_VECTOR_CAPACITY, center);
    for (const { id, embedding } of sample) index.add(id, embedding);
    // Staged, the rest waits for `insertStaged`, which a writer calls in steps
    // it can stop between; the whole graph in one call blocked Ctrl+C for seconds.
    for (let next = rest.next(); !next.done; next = rest.next()) {
      if (options.stageRest === true) index.stage(next.value.id, next.value.embedding);
      else index.add(next.value.id, next.value.embedding);
    }
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
    if (id === CENTER_LABEL) throw new RangeError(`id ${id} is reserved for the index's centre`);
    this.#staged.delete(id);
    if (!this.#labels.has(id)) this.#ensureRoomForOneMore();
    // With replacement of deleted elements disabled (the default), addPoint on
    // an existing label unmarks it if deleted and updates its vector in place.
    withVector(toStoredVector(vector, this.#center), (input) => this.#hnsw.addPoint(input, id));
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
    const query = normalized(vector);
    const found: VectorMatch[] = [];
    if (inGraph > 0) {
      // The inner-product distance 1 − q·(v − c) is the cosine distance minus q·c.
      const offset = this.#center === null ? 0 : dot(query, this.#center);
      const { neighbors, distances } = withVector(query, (input) => this.#hnsw.searchKnn(input, inGraph));
      neighbors.forEach((id, i) => found.push({ id, distance: (distances[i] ?? Number.NaN) - offset }));
    }
    if (this.#staged.size === 0) return found;
    for (const [id, staged] of this.#staged) found.push({ id, distance: 1 - dot(staged, query) });
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

/** The centre a file keeps as a deleted point: hnswlib only returns live points. */
function readCenter(hnsw: Hnsw): Float32Array {
  hnsw.unmarkDelete(CENTER_LABEL);
  const center = Float32Array.from(hnsw.getPoint(CENTER_LABEL));
  hnsw.markDelete(CENTER_LABEL);
  return center;
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
