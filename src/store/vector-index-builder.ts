import fs from 'node:fs';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { CENTER_SAMPLE, estimateCenter, toStoredVector } from './centred-vectors.js';
import { CENTER_LABEL, DEFAULT_VECTOR_CAPACITY, HNSW_PARAMETERS, replaceFileDurably } from './vector-index.js';

/** Vectors sent to the worker per message: fewer, larger messages cost less than one per chunk. */
const VECTORS_PER_MESSAGE = 256;

// The worker is plain CommonJS held in a string (`eval: true`): it then runs
// the same under tsx, vitest and plain node, with no loader to register in
// the thread. It owns the hnswlib graph; the main thread only sends it
// vectors, so graph inserts (most of an index run's time) use the second core
// while the main thread reads, chunks, embeds and writes SQLite.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { HierarchicalNSW } = require(workerData.hnswlibPath);
const { dimensions, capacity, m, efConstruction } = workerData;
const hnsw = new HierarchicalNSW('ip', dimensions);
hnsw.initIndex({ maxElements: capacity, m, efConstruction });
// footnote's tuned hnswlib-node takes a Float32Array (one memcpy); npm's
// takes only plain arrays and copies the numbers out one N-API call at a
// time, so one reused array is filled for it. The same choice as createVectorPasser
// in vector-index.ts, written again because this thread runs plain JavaScript.
const point = new Array(dimensions).fill(0);
let takesFloat32 = true;
function addPoint(vector, id) {
  if (takesFloat32) {
    try {
      hnsw.addPoint(vector, id);
      return;
    } catch (error) {
      if (!(error instanceof TypeError && error.message.includes('must be an Array'))) throw error;
      takesFloat32 = false;
    }
  }
  for (let j = 0; j < dimensions; j++) point[j] = vector[j];
  hnsw.addPoint(point, id);
}
parentPort.on('message', (message) => {
  try {
    if (message.type === 'add') {
      const { ids, vectors } = message;
      const needed = hnsw.getCurrentCount() + ids.length;
      let room = hnsw.getMaxElements();
      if (needed > room) {
        while (room < needed) room *= 2;
        hnsw.resizeIndex(room);
      }
      for (let i = 0; i < ids.length; i++) {
        addPoint(vectors.subarray(i * dimensions, (i + 1) * dimensions), ids[i]);
      }
      parentPort.postMessage({ type: 'added', count: ids.length });
    } else if (message.type === 'center') {
      addPoint(message.vector, message.label);
      hnsw.markDelete(message.label);
    } else if (message.type === 'remove') {
      for (const id of message.ids) hnsw.markDelete(id);
    } else if (message.type === 'write') {
      hnsw.writeIndexSync(message.path);
      parentPort.postMessage({ type: 'written' });
    }
  } catch (error) {
    parentPort.postMessage({ type: 'failed', message: String(error && error.message || error) });
  }
});
`;

/**
 * A new vector index built on a worker thread, for index runs that start
 * from an empty vector file (the first index and `--full`). Same graph
 * parameters and file format as {@link VectorIndex}, so the file it saves
 * loads with `VectorIndex.load`. Adds return at once; {@link save} waits
 * until every vector is in the graph and the file is on disk.
 *
 * @example
 * const builder = VectorIndexBuilder.start(1024, 50_000);
 * builder.add(1, vector);
 * await builder.save(path.join(indexDir, VECTORS_FILE_NAME));
 * await builder.close();
 */
export class VectorIndexBuilder {
  readonly dimensions: number;
  readonly #worker: Worker;
  readonly #live = new Set<number>();
  #pendingIds: number[] = [];
  /** Vectors sent to the worker, and those it reports inserted. */
  #sent = 0;
  #inserted = 0;
  #pendingVectors: Float32Array;
  /** Subtracted from every vector (see VectorIndex); undefined until the first batch sets it. */
  #center: Float32Array | null | undefined = undefined;
  /** The worker's first error; reported by the next save. */
  #failure: Error | null = null;
  #onWritten: ((error: Error | null) => void) | null = null;

  private constructor(dimensions: number, worker: Worker) {
    this.dimensions = dimensions;
    this.#worker = worker;
    this.#pendingVectors = new Float32Array(VECTORS_PER_MESSAGE * dimensions);
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'added') {
        this.#inserted += message.count;
        return;
      }
      const error = message.type === 'failed' ? new Error(`vector worker: ${message.message}`) : null;
      if (error !== null) this.#failure ??= error;
      this.#settleWrite(error);
    });
    worker.on('error', (error) => {
      this.#failure ??= error;
      this.#settleWrite(error);
    });
    worker.on('exit', () => this.#settleWrite(this.#failure ?? new Error('vector worker exited')));
  }

  /**
   * Starts the worker with room for `expectedVectors` (it grows by doubling
   * beyond that, so a good guess saves copying the graph).
   */
  static start(dimensions: number, expectedVectors = DEFAULT_VECTOR_CAPACITY): VectorIndexBuilder {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: {
        hnswlibPath: createRequire(import.meta.url).resolve('hnswlib-node'),
        dimensions,
        capacity: Math.max(DEFAULT_VECTOR_CAPACITY, Math.ceil(expectedVectors)),
        m: HNSW_PARAMETERS.m,
        efConstruction: HNSW_PARAMETERS.efConstruction,
      },
    });
    return new VectorIndexBuilder(dimensions, worker);
  }

  /**
   * Vectors added but not yet in the graph. While it grows, the graph is the
   * run's slowest part, and other threads competing for its core slow it
   * down further (see run-ingest.ts).
   */
  get backlog(): number {
    return this.#sent + this.#pendingIds.length - this.#inserted;
  }

  /** Live vectors added so far. */
  get size(): number {
    return this.#live.size;
  }

  /** Queues the vector for `id`; ids must be new to this builder (chunk ids never repeat). */
  add(id: number, vector: Float32Array): void {
    if (vector.length !== this.dimensions) {
      throw new RangeError(`vector has ${vector.length} dimensions, expected ${this.dimensions}`);
    }
    this.#pendingVectors.set(vector, this.#pendingIds.length * this.dimensions);
    this.#pendingIds.push(id);
    this.#live.add(id);
    if (this.#pendingIds.length === VECTORS_PER_MESSAGE) this.#flush();
  }

  /** Hides `id` from searches of the saved index. Unknown or removed ids are ignored. */
  remove(id: number): void {
    if (!this.#live.delete(id)) return;
    this.#flush();
    this.#worker.postMessage({ type: 'remove', ids: [id] });
  }

  /**
   * Waits for every queued vector, then writes the index to `filePath`
   * crash-safely (temporary file, fsync, rename), like `VectorIndex.save`.
   */
  async save(filePath: string): Promise<void> {
    this.#flush();
    await replaceFileDurablyAsync(filePath, (temporaryPath) => this.#write(temporaryPath));
  }

  /** Stops the worker. Call it once done, also after a failure. */
  async close(): Promise<void> {
    await this.#worker.terminate();
  }

  #write(temporaryPath: string): Promise<void> {
    if (this.#failure !== null) return Promise.reject(this.#failure);
    return new Promise((resolve, reject) => {
      this.#onWritten = (error) => (error === null ? resolve() : reject(error));
      this.#worker.postMessage({ type: 'write', path: temporaryPath });
    });
  }

  #settleWrite(error: Error | null): void {
    const settle = this.#onWritten;
    this.#onWritten = null;
    settle?.(error);
  }

  #flush(): void {
    const count = this.#pendingIds.length;
    if (count === 0) return;
    const vectors = this.#pendingVectors.slice(0, count * this.dimensions);
    const batch = Array.from({ length: count }, (_, i) => vectors.subarray(i * this.dimensions, (i + 1) * this.dimensions));
    if (this.#center === undefined) {
      // The centre is the first vectors' mean, and is in the graph before any vector.
      this.#center = estimateCenter(batch.slice(0, CENTER_SAMPLE), this.dimensions);
      if (this.#center !== null) {
        this.#worker.postMessage({ type: 'center', label: CENTER_LABEL, vector: this.#center });
      }
    }
    for (const vector of batch) vector.set(toStoredVector(vector, this.#center));
    // Transferred, not copied: the batch is 1 MB at 1024 dimensions.
    this.#worker.postMessage({ type: 'add', ids: this.#pendingIds, vectors }, [vectors.buffer]);
    this.#sent += count;
    this.#pendingIds = [];
  }
}

/** What the worker reports: a batch inserted, the file written, or a failure. */
type WorkerMessage = { type: 'added'; count: number } | { type: 'written' } | { type: 'failed'; message: string };

async function replaceFileDurablyAsync(
  filePath: string,
  write: (temporaryPath: string) => Promise<void>,
): Promise<void> {
  const temporaryPath = `${filePath}.tmp-${process.pid}`;
  try {
    await write(temporaryPath);
  } catch (error) {
    fs.rmSync(temporaryPath, { force: true });
    throw error;
  }
  replaceFileDurably(temporaryPath, filePath);
}
