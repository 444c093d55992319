import { CENTER_SAMPLE, dot, estimateCenter, normalized } from './centred-vectors.js';
import { readScanFile, writeScanFile } from './scan-file.js';
import { ScanHelper, type SharedMemory } from './scan-helper.js';
import { SCAN_KERNEL_BASE64 } from './scan-kernel-wasm.js';
import { TopScores } from './top-scores.js';
import type { SearchableVectors, VectorMatch } from './vector-index.js';

/** The scan index's file inside the index folder (the graph's is vectors.hnsw). */
export const SCAN_FILE_NAME = 'vectors.scan';

/** Vectors per block: one 4 KB page per dimension (see scan-kernel.wat). */
const BLOCK = 4096;
/** Blocks per kernel call: their scores (4 bytes a vector, 256 KB) stay in the L2 cache for the top-k pass. */
const BLOCKS_PER_SCAN = 16;
/** Rows quantised before they are written into their block: 64 bytes per dimension, a cache line. */
const ROWS_PER_FLUSH = 64;
/**
 * Blocks from which a search shares its scan with a second thread (see
 * ScanHelper), and most blocks the two threads share (their sums have a
 * region of their own, 16 KB a block; blocks past it are this thread's).
 * Below 8 blocks (32,768 vectors) a scan takes under a millisecond, and
 * waking a thread costs tens of microseconds.
 */
const HELPER_MIN_BLOCKS = 8;
const HELPER_MAX_BLOCKS = 256;
/** Blocks a thread claims at a time from a shared scan: 16,384 vectors, 0.1–0.2 ms. */
const SHARED_CHUNK_BLOCKS = 4;
/** Rows the kernel sums per pass (see scan-kernel.wat). */
const ROWS_PER_PASS = 8;
const WASM_PAGE = 65536;
/** WebAssembly's 32-bit memory: 4 GB. */
const MAX_PAGES = 65536;
const CODE_MAX = 127;
const WEIGHT_MAX = 8191;
const INT32_MAX = 2 ** 31 - 1;

interface KernelMemory extends SharedMemory {
  grow(pages: number): number;
}

interface Kernel {
  module: object;
  memory: KernelMemory;
  scan(codes: number, blocks: number, blockBytes: number, dims: number, weights: number, count: number, scores: number): void;
  select(sums: number, scales: number, count: number, threshold: number, out: number): number;
}

// The project's TypeScript libraries (no DOM) do not declare WebAssembly; Node has it.
const wasm = (globalThis as unknown as {
  WebAssembly: {
    Module: new (bytes: Uint8Array) => object;
    Instance: new (module: object, imports: object) => { exports: unknown };
    Memory: new (descriptor: { initial: number; maximum: number; shared: boolean }) => KernelMemory;
  };
}).WebAssembly;

let compiledKernel: object | null = null;

function instantiateKernel(): Kernel {
  compiledKernel ??= new wasm.Module(Buffer.from(SCAN_KERNEL_BASE64, 'base64'));
  const memory = new wasm.Memory({ initial: 1, maximum: MAX_PAGES, shared: true });
  const { exports } = new wasm.Instance(compiledKernel, { env: { memory } });
  return { ...(exports as Pick<Kernel, 'scan' | 'select'>), module: compiledKernel, memory };
}

/**
 * Nearest-neighbour search (cosine) that scans every vector, for indexes
 * too large to keep as plain numbers (FlatVectorIndex) whose questions use
 * few dimensions: the local embedder's, 20–90 of 1,024. It replaces the HNSW
 * graph there, which on those vectors found only about half of the true ten
 * nearest (recall@10 0.54 at 100,000 chunks, 0.47 at 1M): hashed n-grams
 * have no neighbourhoods for a graph to follow.
 *
 * Each vector is stored as one signed byte per dimension: its difference
 * from a centre (the mean of the first vectors, as the graph stores them),
 * scaled so that its largest number is ±127, and that scale. A search
 * multiplies the question's non-zero dimensions with those bytes in
 * WebAssembly SIMD (scan-kernel.wat) and ranks by the sums times each
 * vector's scale. Measured on 100,000 chunks of the bench's corpus, 100
 * questions, the top 10 held 0.991 of the exact top 10 (0.982 with no
 * centre; one step per dimension fitted on a sample, 0.977; clipping each
 * vector at 4 or 6 standard deviations to spend the codes on typical
 * numbers, 0.70 and 0.85: the largest numbers are the words that matter).
 * Distances are the cosine to within about 0.001.
 *
 * A quarter of the graph's memory (1 KB a chunk against 4.2), no graph to
 * build, and an add is a quantisation: the vectors are the whole file.
 * Removal frees nothing until the index is rebuilt (see needsCompaction).
 */
export class ScanVectorIndex implements SearchableVectors {
  readonly dimensions: number;
  readonly #kernel: Kernel;
  readonly #blockBytes: number;
  /** Byte offsets in the kernel's memory: the question's dimensions and weights, the scores, the codes. */
  readonly #dimsAt: number;
  readonly #weightsAt: number;
  readonly #scoresAt: number;
  /** A block's scales, copied in for `select`, and the slots it picks. */
  readonly #blockScalesAt: number;
  readonly #pickedAt: number;
  /** The helper thread's sums. */
  readonly #helperSumsAt: number;
  readonly #codesAt: number;
  /** The second thread, once a search of enough blocks started it; null for none yet. */
  #helper: ScanHelper | null = null;
  /** Set by {@link close}: no helper is started again. */
  #singleThreaded = false;
  /** True from a helper's request until its sums are read. */
  #helperBusy = false;
  /** Counts questions written for the kernel, so that a scan finished late can tell its own was overwritten. */
  #question = 0;
  /** Chunk id by slot; -1 for a removed one. */
  #ids: number[] = [];
  /**
   * Slot by chunk id, built when first asked for: a reader that only
   * searches never needs it, and a million entries took 0.5 s of a load.
   */
  #slotsById: Map<number, number> | null = new Map();
  /** Live coded slots (the map's size, when it is built). */
  #live = 0;
  /** Subtracted from every vector before it is coded; null until the first vectors are in. */
  #center: Float32Array | null = null;
  /** Each slot's value of one code step: its largest difference from the centre over 127; NaN once removed. */
  #scales = new Float32Array(BLOCK);
  /** Vectors added before the centre is known, compared exactly: at most {@link CENTER_SAMPLE}. */
  readonly #uncentred = new Map<number, Float32Array>();
  readonly #rows: Int8Array;
  #rowCount = 0;

  private constructor(dimensions: number) {
    if (!Number.isInteger(dimensions) || dimensions < 1) throw new RangeError(`dimensions must be a positive integer (got ${dimensions})`);
    this.dimensions = dimensions;
    this.#kernel = instantiateKernel();
    this.#blockBytes = dimensions * BLOCK;
    // Room for every dimension, padded to a pass.
    const entries = Math.ceil(dimensions / ROWS_PER_PASS) * ROWS_PER_PASS;
    this.#dimsAt = 0;
    this.#weightsAt = 4 * entries;
    this.#scoresAt = 8 * entries;
    this.#blockScalesAt = this.#scoresAt + 4 * BLOCK * BLOCKS_PER_SCAN;
    this.#pickedAt = this.#blockScalesAt + 4 * BLOCK;
    this.#helperSumsAt = this.#pickedAt + 4 * BLOCK;
    // Untouched, the helper's region costs address space, not memory.
    this.#codesAt = alignUp(this.#helperSumsAt + 4 * BLOCK * HELPER_MAX_BLOCKS, WASM_PAGE);
    this.#rows = new Int8Array(ROWS_PER_FLUSH * dimensions);
    this.#ensureMemory(this.#codesAt);
  }

  /** An empty index; its centre is the mean of the first {@link CENTER_SAMPLE} vectors added. */
  static create(dimensions: number): ScanVectorIndex {
    return new ScanVectorIndex(dimensions);
  }

  /** An index of `entries` (later duplicates win), centred on the first of them. */
  static rebuild(dimensions: number, entries: Iterable<{ id: number; embedding: Float32Array }>): ScanVectorIndex {
    const index = new ScanVectorIndex(dimensions);
    for (const { id, embedding } of entries) index.add(id, embedding);
    return index;
  }

  /**
   * Reads a file written by {@link save}.
   *
   * @throws FootnoteError `INDEX_CORRUPT` when the file is unreadable, of
   * another size than its header says, or holds vectors of another dimension.
   */
  static load(filePath: string, dimensions: number): ScanVectorIndex {
    const index = new ScanVectorIndex(dimensions);
    try {
      index.#read(filePath);
    } catch (error) {
      // The helper thread the read may have started ends with the failed load.
      index.close();
      throw error;
    }
    return index;
  }

  /** Reads a file written by {@link save} into this new index. */
  #read(filePath: string): void {
    const { center, ids, scales } = readScanFile(filePath, this.dimensions, {
      codeBytes: (slots) => this.#codeBytes(slots),
      codesFor: (bytes) => {
        this.#ensureMemory(this.#codesAt + bytes);
        return new Uint8Array(this.#kernel.memory.buffer, this.#codesAt, bytes);
      },
      // An index large enough for the helper thread starts it now: it reads
      // half of the codes (1M chunks' gigabyte: about 1.7 s rather than 2.9,
      // most of it the kernel giving the memory its pages), and is ready for
      // the first search.
      readCodes: (fd, position, target) => {
        const helper = this.#startHelper(target.length / this.#blockBytes);
        helper?.readFile(fd, position, target.byteOffset, target.length);
        return helper !== null;
      },
    });
    this.#center = center;
    this.#scales = new Float32Array(Math.max(BLOCK, Math.ceil(ids.length / BLOCK) * BLOCK));
    this.#scales.set(scales);
    this.#ids = ids;
    this.#slotsById = null;
    this.#live = ids.reduce((live, id) => (id >= 0 ? live + 1 : live), 0);
  }

  /** Live vectors: what `search` can return. */
  get size(): number {
    return this.#live + this.#uncentred.size;
  }

  /** Removed vectors still taking their slot. */
  get deletedCount(): number {
    return this.#ids.length - this.#live;
  }

  /** True once removed vectors are over 20% of the slots and over 100: time to rebuild (as the graph). */
  get needsCompaction(): boolean {
    const removed = this.deletedCount;
    return removed > 100 && removed > 0.2 * this.#ids.length;
  }

  /** Always 0: an add is cheap enough to make at once (the graph's staging, for one interface). */
  get stagedCount(): number {
    return 0;
  }

  has(id: number): boolean {
    return this.#slotOf().has(id) || this.#uncentred.has(id);
  }

  /** The same as {@link add}: the graph stages what it would insert later. */
  stage(id: number, vector: Float32Array): void {
    this.add(id, vector);
  }

  /** Nothing is ever staged: 0 left. */
  insertStaged(): number {
    return 0;
  }

  /** Adds or replaces the vector for `id`. */
  add(id: number, vector: Float32Array | readonly number[]): void {
    if (vector.length !== this.dimensions) {
      throw new RangeError(`vector has ${vector.length} dimensions, expected ${this.dimensions}`);
    }
    if (!Number.isSafeInteger(id) || id < 0) throw new RangeError(`id must be a non-negative integer (got ${id})`);
    this.remove(id);
    const unit = normalized(vector);
    if (this.#center === null) {
      this.#uncentred.set(id, unit);
      if (this.#uncentred.size >= CENTER_SAMPLE) this.#centre();
      return;
    }
    this.#append(id, unit);
  }

  /** Hides `id` from searches. Unknown or already removed ids are ignored. */
  remove(id: number): void {
    if (this.#uncentred.delete(id)) return;
    const slotOf = this.#slotOf();
    const slot = slotOf.get(id);
    if (slot === undefined) return;
    slotOf.delete(id);
    this.#live -= 1;
    this.#ids[slot] = -1;
    this.#scales[slot] = Number.NaN;
  }

  /** Up to `k` nearest live vectors to `vector`, closest first. */
  search(vector: Float32Array | readonly number[], k: number): VectorMatch[] {
    return this.#begin(vector, k)();
  }

  /**
   * The same search in two steps, so that the caller can work meanwhile:
   * the helper thread starts scanning now, and the returned function joins
   * it (or scans alone) and gives the matches. Retrieval runs its keyword
   * search in between.
   */
  searchLater(vector: Float32Array | readonly number[], k: number): () => VectorMatch[] {
    return this.#begin(vector, k);
  }

  #begin(vector: Float32Array | readonly number[], k: number): () => VectorMatch[] {
    if (vector.length !== this.dimensions) {
      throw new RangeError(`vector has ${vector.length} dimensions, expected ${this.dimensions}`);
    }
    const count = Math.min(Math.floor(k), this.size);
    if (count <= 0) return () => [];
    const query = normalized(vector);
    const scan = this.#live > 0 ? this.#beginScan(query, count) : () => [];
    return () => {
      const found = scan();
      for (const [id, unit] of this.#uncentred) found.push({ id, distance: 1 - dot(query, unit) });
      return found.sort((a, b) => a.distance - b.distance || a.id - b.id).slice(0, count);
    };
  }

  /**
   * Writes the index to `filePath` crash-safely (a temporary file, fsynced,
   * renamed over the old one). Vectors waiting for the centre are centred on themselves first.
   */
  save(filePath: string): void {
    if (this.#center === null && this.#uncentred.size > 0) this.#centre();
    this.#flushRows();
    const bytes = this.#codeBytes(this.#ids.length);
    writeScanFile(
      filePath,
      { dimensions: this.dimensions, center: this.#center, ids: this.#ids, scales: this.#scales },
      [new Uint8Array(this.#kernel.memory.buffer, this.#codesAt, bytes)],
    );
  }

  /**
   * Starts a scan for the best `count` slots by their codes: writes the
   * question where the kernel reads it and starts the helper thread, when
   * there is one, on the first blocks, which this thread joins when finishing.
   */
  #beginScan(query: Float32Array, count: number): () => VectorMatch[] {
    this.#flushRows();
    const dimensions: number[] = [];
    let largest = 0;
    for (let d = 0; d < query.length; d++) {
      if (query[d] === 0) continue;
      dimensions.push(d);
      largest = Math.max(largest, Math.abs(query[d] as number));
    }
    // Weights are 16-bit integers, scaled so that no sum leaves an i32.
    const scale = largest === 0 ? 0 : Math.min(WEIGHT_MAX, Math.floor(INT32_MAX / (CODE_MAX * Math.max(1, dimensions.length)))) / largest;
    // The kernel takes eight rows at a time: the last row again, with weight 0, fills the eighth (it is in the cache).
    const rows = Math.ceil(dimensions.length / ROWS_PER_PASS) * ROWS_PER_PASS;
    const dims = new Int32Array(rows);
    const weights = new Int32Array(rows);
    for (let i = 0; i < rows; i++) {
      const d = dimensions[Math.min(i, dimensions.length - 1)] ?? 0;
      dims[i] = d * BLOCK;
      weights[i] = i < dimensions.length ? Math.round((query[d] as number) * scale) : 0;
    }
    // A scan begun earlier may still have the helper reading its question.
    if (this.#helperBusy) this.#helper?.finish();
    this.#writeQuestion(dims, weights);
    const question = this.#question;
    const blocks = Math.ceil(this.#ids.length / BLOCK);
    // While another scan's helper sums wait to be read, this one scans alone.
    const helper = this.#helperBusy ? null : this.#helperFor(blocks);
    // The blocks both threads share: as many as the helper's sums have room for.
    const shared = helper === null ? 0 : Math.min(HELPER_MAX_BLOCKS, blocks);
    const request = {
      codes: this.#codesAt, blocks: shared, blockBytes: this.#blockBytes, dims: this.#dimsAt,
      weights: this.#weightsAt, rows, sums: this.#helperSumsAt, chunkBlocks: SHARED_CHUNK_BLOCKS,
    };
    if (helper !== null) {
      helper.begin(request);
      this.#helperBusy = true;
    }
    return () => {
      if (this.#question !== question) this.#writeQuestion(dims, weights);
      const top = new TopScores(Math.min(count, this.#live));
      this.#scanBlocks(top, rows, shared, blocks);
      if (helper !== null) {
        for (let first = helper.claim() * SHARED_CHUNK_BLOCKS; first < shared; first = helper.claim() * SHARED_CHUNK_BLOCKS) {
          this.#runKernel(first, Math.min(SHARED_CHUNK_BLOCKS, shared - first), rows, this.#helperSumsAt + first * 4 * BLOCK);
        }
        const answered = helper.finish();
        this.#helperBusy = false;
        if (answered) this.#pick(top, this.#helperSumsAt, 0, shared);
        else {
          // The thread did not answer: the shared blocks are scanned here, and no thread is asked again.
          this.close();
          this.#scanBlocks(top, rows, 0, shared);
        }
      }
      const ids = this.#ids;
      // q·v = q·(v − c) + q·c, and q·(v − c) ≈ sum × the vector's scale / the weights' scale.
      const offset = dot(query, this.#center as Float32Array);
      return top.sorted().map(({ score, slot }) => ({
        id: ids[slot] as number,
        distance: 1 - (scale === 0 ? 0 : score / scale) - offset,
      }));
    };
  }

  /** Puts a question's rows and weights where the kernel reads them. */
  #writeQuestion(dims: Int32Array, weights: Int32Array): void {
    const memory = this.#kernel.memory.buffer;
    new Int32Array(memory, this.#dimsAt, dims.length).set(dims);
    new Int32Array(memory, this.#weightsAt, weights.length).set(weights);
    this.#question += 1;
  }

  /** Scans blocks `from` to `to` on this thread, in chunks whose sums fit the L2 cache. */
  #scanBlocks(top: TopScores, rows: number, from: number, to: number): void {
    for (let first = from; first < to; first += BLOCKS_PER_SCAN) {
      const chunk = Math.min(BLOCKS_PER_SCAN, to - first);
      this.#runKernel(first, chunk, rows, this.#scoresAt);
      this.#pick(top, this.#scoresAt, first, chunk);
    }
  }

  /** Has the kernel sum the written question's `rows` over `blocks` blocks from `first`, into `sumsAt`. */
  #runKernel(first: number, blocks: number, rows: number, sumsAt: number): void {
    this.#kernel.scan(this.#codesAt + first * this.#blockBytes, blocks, this.#blockBytes, this.#dimsAt, this.#weightsAt, rows, sumsAt);
  }

  /**
   * Offers `top` the slots of `blocks` blocks from `firstBlock` whose sums
   * the kernel wrote at `sumsAt` and that can still enter it, as the
   * kernel's `select` picks them.
   */
  #pick(top: TopScores, sumsAt: number, firstBlock: number, blocks: number): void {
    const memory = this.#kernel.memory.buffer;
    const sums = new Int32Array(memory, sumsAt, BLOCK * blocks);
    const blockScales = new Float32Array(memory, this.#blockScalesAt, BLOCK);
    const picked = new Int32Array(memory, this.#pickedAt, BLOCK);
    const slots = this.#ids.length;
    const ids = this.#ids;
    const scales = this.#scales;
    for (let b = 0; b < blocks; b++) {
      const base = (firstBlock + b) * BLOCK;
      const filled = Math.min(BLOCK, slots - base);
      blockScales.set(scales.subarray(base, base + BLOCK));
      // Slots past the last one hold NaN, so select skips them.
      if (filled < BLOCK) blockScales.fill(Number.NaN, filled);
      // Computed in 32-bit floats, the products may round below a score that
      // would enter in 64 bits: the threshold is lowered a little for them.
      const floor = top.floor;
      const threshold = Number.isFinite(floor) ? floor - Math.abs(floor) * 1e-5 : -Number.MAX_VALUE;
      const picks = this.#kernel.select(sumsAt + 4 * b * BLOCK, this.#blockScalesAt, BLOCK, threshold, this.#pickedAt);
      for (let i = 0; i < picks; i++) {
        const j = picked[i] as number;
        if ((ids[base + j] as number) >= 0) top.offer((sums[b * BLOCK + j] as number) * (scales[base + j] as number), base + j);
      }
    }
  }

  /** The helper thread for a scan of `blocks` blocks: started by the first such search (or load), used once it is ready. */
  #helperFor(blocks: number): ScanHelper | null {
    const helper = this.#startHelper(blocks);
    return helper?.ready === true ? helper : null;
  }

  /** The helper thread, started if need be; null when `blocks` are too few to share, or after {@link close}. */
  #startHelper(blocks: number): ScanHelper | null {
    if (blocks < HELPER_MIN_BLOCKS || this.#singleThreaded) return null;
    try {
      this.#helper ??= ScanHelper.start(this.#kernel.module, this.#kernel.memory);
    } catch {
      // No thread to be had (a limit on threads, say): one thread scans as well, only slower.
      this.#singleThreaded = true;
      return null;
    }
    return this.#helper;
  }

  /** True while searches share their scan with a helper thread (for tests). */
  get helperReady(): boolean {
    return this.#helper?.ready === true;
  }

  /** Ends the helper thread, if a search started one; searches after this use one thread. */
  close(): void {
    this.#singleThreaded = true;
    // A scan begun before still gets the helper's sums.
    if (this.#helperBusy) this.#helper?.finish();
    this.#helper?.close();
    this.#helper = null;
  }

  /** Slot by chunk id, built from the slots on first use. */
  #slotOf(): Map<number, number> {
    if (this.#slotsById === null) {
      const slotOf = new Map<number, number>();
      this.#ids.forEach((id, slot) => {
        if (id >= 0) slotOf.set(id, slot);
      });
      this.#slotsById = slotOf;
    }
    return this.#slotsById;
  }

  /** Takes the mean of the vectors added so far as the centre, then codes them. */
  #centre(): void {
    const entries = [...this.#uncentred];
    this.#center = estimateCenter(entries.map(([, unit]) => unit), this.dimensions) ?? new Float32Array(this.dimensions);
    this.#uncentred.clear();
    for (const [id, unit] of entries) this.#append(id, unit);
  }

  #append(id: number, unit: Float32Array): void {
    const center = this.#center as Float32Array;
    const row = this.#rowCount * this.dimensions;
    let largest = 0;
    for (let d = 0; d < this.dimensions; d++) largest = Math.max(largest, Math.abs((unit[d] as number) - (center[d] as number)));
    const step = largest / CODE_MAX;
    for (let d = 0; d < this.dimensions; d++) {
      this.#rows[row + d] = step === 0 ? 0 : Math.round(((unit[d] as number) - (center[d] as number)) / step);
    }
    const slot = this.#ids.length;
    if (slot === this.#scales.length) {
      const grown = new Float32Array(2 * slot);
      grown.set(this.#scales);
      this.#scales = grown;
    }
    this.#scales[slot] = step;
    this.#slotOf().set(id, slot);
    this.#live += 1;
    this.#ids.push(id);
    this.#rowCount += 1;
    if (this.#rowCount === ROWS_PER_FLUSH) this.#flushRows();
  }

  /** Writes the quantised rows into their block, a run of consecutive bytes per dimension. */
  #flushRows(): void {
    const rows = this.#rowCount;
    if (rows === 0) return;
    const first = this.#ids.length - rows;
    this.#ensureMemory(this.#codesAt + this.#codeBytes(this.#ids.length));
    const codes = new Int8Array(this.#kernel.memory.buffer);
    for (let r = 0; r < rows; ) {
      const slot = first + r;
      const inBlock = slot % BLOCK;
      const span = Math.min(rows - r, BLOCK - inBlock);
      const blockAt = this.#codesAt + Math.floor(slot / BLOCK) * this.#blockBytes + inBlock;
      for (let d = 0; d < this.dimensions; d++) {
        const target = blockAt + d * BLOCK;
        for (let i = 0; i < span; i++) codes[target + i] = this.#rows[(r + i) * this.dimensions + d] as number;
      }
      r += span;
    }
    this.#rowCount = 0;
  }

  /** The codes of `slots` slots: whole blocks. */
  #codeBytes(slots: number): number {
    return Math.ceil(slots / BLOCK) * this.#blockBytes;
  }

  /** Grows the kernel's memory to at least `bytes`, doubling so that adds stay cheap. */
  #ensureMemory(bytes: number): void {
    const pages = this.#kernel.memory.buffer.byteLength / WASM_PAGE;
    const needed = Math.ceil(bytes / WASM_PAGE);
    if (needed <= pages) return;
    if (needed > MAX_PAGES) {
      throw new RangeError(`a scan index holds at most ${MAX_PAGES * WASM_PAGE} bytes of vectors; this needs ${bytes}`);
    }
    this.#kernel.memory.grow(Math.min(MAX_PAGES, Math.max(needed, 2 * pages)) - pages);
  }
}

function alignUp(value: number, alignment: number): number {
  return Math.ceil(value / alignment) * alignment;
}
