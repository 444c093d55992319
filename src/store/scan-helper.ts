import { Worker } from 'node:worker_threads';

/** Slots of the control array both threads read and write with Atomics. */
const REQUEST = 0;
const DONE = 1;
const READY = 2;
const ARGUMENTS = 3;
/** The seven numbers of the kernel's `scan`. */
const ARGUMENT_COUNT = 7;
const CLOSED = -1;

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
  kernel.scan(ctl[a], ctl[a + 1], ctl[a + 2], ctl[a + 3], ctl[a + 4], ctl[a + 5], ctl[a + 6]);
  Atomics.store(ctl, ${DONE}, request);
  Atomics.notify(ctl, ${DONE});
}
`;

/**
 * A second thread for ScanVectorIndex's kernel: a search hands it the last
 * blocks and scans the first ones meanwhile, so that a large index's scan
 * takes both cores. The thread shares the kernel's memory, so it is only told
 * where to read and write.
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

  /** Has the thread run the kernel's `scan` with these arguments; {@link finish} waits for it. */
  begin(scanArguments: readonly number[]): void {
    this.#control.set(scanArguments, ARGUMENTS);
    this.#request += 1;
    Atomics.store(this.#control, REQUEST, this.#request);
    Atomics.notify(this.#control, REQUEST);
  }

  /**
   * Waits for the scan {@link begin} asked for. False when the thread did not
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
