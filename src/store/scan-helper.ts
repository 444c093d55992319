import { Worker } from 'node:worker_threads';

/** Slots of the control array both threads read and write with Atomics. */
const REQUEST = 0;
const DONE = 1;
const READY = 2;
/** The next chunk of blocks to claim: both threads take chunks from it until none is left. */
const NEXT = 3;
const ARGUMENTS = 4;
/** What a request holds: see {@link ScanRequest}. */
const ARGUMENT_COUNT = 8;
const CLOSED = -1;

/**
 * A scan shared by both threads: `blocks` blocks from byte `codes`
 * (`blockBytes` apart) in chunks of `chunkBlocks`, whose sums go to `sums`
 * (16 KB a block, in block order); `dims`, `weights` and `rows` as the
 * kernel's `scan` takes them.
 */
export interface ScanRequest {
  codes: number;
  blocks: number;
  blockBytes: number;
  dims: number;
  weights: number;
  rows: number;
  sums: number;
  chunkBlocks: number;
}

/**
 * Longest a search waits for the other thread before it does that thread's
 * share itself: a scan of a million vectors takes about 10 ms, so this only
 * ends a wait on a thread that died.
 */
const WAIT_MS = 2000;

// Plain CommonJS in a string (`eval: true`), as VectorIndexBuilder's worker:
// it runs the same under tsx, vitest and plain node. It instantiates the same
// kernel on the same shared memory and then does nothing but scan when asked:
// it waits in Atomics.wait, never in its event loop, so it answers in
// microseconds rather than a message's milliseconds.
const WORKER_SOURCE = `
const { workerData } = require('node:worker_threads');
const { module, memory, control } = workerData;
const kernel = new WebAssembly.Instance(module, { env: { memory } }).exports;
const ctl = new Int32Array(control);
Atomics.store(ctl, ${READY}, 1);
let seen = 0;
for (;;) {
  Atomics.wait(ctl, ${REQUEST}, seen);
  const request = Atomics.load(ctl, ${REQUEST});
  if (request === ${CLOSED}) break;
  seen = request;
  const a = ${ARGUMENTS};
  const [codes, blocks, blockBytes, dims, weights, rows, sums, chunkBlocks] = ctl.subarray(a, a + ${ARGUMENT_COUNT});
  for (let first = Atomics.add(ctl, ${NEXT}, 1) * chunkBlocks; first < blocks; first = Atomics.add(ctl, ${NEXT}, 1) * chunkBlocks) {
    kernel.scan(codes + first * blockBytes, Math.min(chunkBlocks, blocks - first), blockBytes, dims, weights, rows, sums + first * 16384);
  }
  Atomics.store(ctl, ${DONE}, request);
  Atomics.notify(ctl, ${DONE});
}
`;

/**
 * A second thread for ScanVectorIndex's kernel, so that a large index's scan
 * takes both cores. A search asks it to start, and joins in whenever it can:
 * both threads claim chunks of blocks from one counter until none is left,
 * so that the thread that started earlier, or runs faster, takes more. The
 * thread shares the kernel's memory, so it is only told where to read and
 * write.
 */
export class ScanHelper {
  readonly #worker: Worker;
  readonly #control: Int32Array;
  #request = 0;
  #failed = false;

  private constructor(worker: Worker, control: Int32Array) {
    this.#worker = worker;
    this.#control = control;
  }

  /** Starts the thread; it takes requests once {@link ready}, some tens of milliseconds later. */
  static start(module: object, memory: object): ScanHelper {
    const control = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT * (ARGUMENTS + ARGUMENT_COUNT)));
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { module, memory, control: control.buffer } });
    // A thread waiting for work must not keep a finished process alive.
    worker.unref();
    const helper = new ScanHelper(worker, control);
    worker.on('error', () => {
      helper.#failed = true;
    });
    return helper;
  }

  /** True once the thread can take a request, and for as long as it answers. */
  get ready(): boolean {
    return !this.#failed && Atomics.load(this.#control, READY) === 1;
  }

  /** Has the thread start on `request`; {@link claim} shares it, {@link finish} waits for the thread's part. */
  begin(request: ScanRequest): void {
    const { codes, blocks, blockBytes, dims, weights, rows, sums, chunkBlocks } = request;
    this.#control.set([codes, blocks, blockBytes, dims, weights, rows, sums, chunkBlocks], ARGUMENTS);
    Atomics.store(this.#control, NEXT, 0);
    this.#request += 1;
    Atomics.store(this.#control, REQUEST, this.#request);
    Atomics.notify(this.#control, REQUEST);
  }

  /** The next chunk of the current request for the calling thread to scan; past the last one when none is left. */
  claim(): number {
    return Atomics.add(this.#control, NEXT, 1);
  }

  /**
   * Waits for the thread's part of the scan {@link begin} asked for. False when the thread did not
   * answer in time: the caller then scans those blocks itself, and this
   * helper takes no further request.
   */
  finish(): boolean {
    const deadline = performance.now() + WAIT_MS;
    for (;;) {
      const done = Atomics.load(this.#control, DONE);
      if (done === this.#request) return true;
      const left = deadline - performance.now();
      if (left <= 0 || this.#failed) {
        this.#failed = true;
        return false;
      }
      Atomics.wait(this.#control, DONE, done, left);
    }
  }

  /** Ends the thread. */
  close(): void {
    Atomics.store(this.#control, REQUEST, CLOSED);
    Atomics.notify(this.#control, REQUEST);
    void this.#worker.terminate();
  }
}
