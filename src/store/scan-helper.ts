import fs from 'node:fs';
import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';

/** Slots of the control array both threads read and write with Atomics. */
const REQUEST = 0;
const DONE = 1;
const READY = 2;
/** The next chunk of blocks to claim: both threads take chunks from it until none is left. */
const NEXT = 3;
const ARGUMENTS = 4;
/** What a request holds: see {@link ScanRequest}. */
const ARGUMENT_COUNT = 8;
/** Whether the request is a scan or a read ({@link READ}), and the read's chunks done. */
const KIND = ARGUMENTS + ARGUMENT_COUNT;
const CHUNKS_DONE = KIND + 1;
const CONTROL_SLOTS = CHUNKS_DONE + 1;
const SCAN = 0;
const READ = 1;
const CLOSED = -1;
/**
 * Bytes a thread reads at a time when both read a file. Most of a read's
 * time is the kernel giving the memory its pages (~10 µs a page here, 2.7 s
 * of 4 s for a gigabyte), which two threads do side by side.
 */
const READ_CHUNK_BYTES = 1 << 22;

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
const { workerData, receiveMessageOnPort } = require('node:worker_threads');
const fs = require('node:fs');
const { module, memory, control, port } = workerData;
const kernel = new WebAssembly.Instance(module, { env: { memory } }).exports;
const ctl = new Int32Array(control);
${readChunks.toString()}
Atomics.store(ctl, ${READY}, 1);
let seen = 0;
for (;;) {
  Atomics.wait(ctl, ${REQUEST}, seen);
  const request = Atomics.load(ctl, ${REQUEST});
  if (request === ${CLOSED}) break;
  seen = request;
  if (Atomics.load(ctl, ${KIND}) === ${READ}) {
    // The read's file and range come by message; a read this thread was too late for is skipped.
    let message = receiveMessageOnPort(port);
    while (message !== undefined && message.message.request !== request) message = receiveMessageOnPort(port);
    if (message !== undefined) {
      try {
        readChunks(fs, memory, ctl, message.message);
      } catch {
        // The reading thread finds a chunk missing and reads it itself.
      }
    }
  } else {
    const a = ${ARGUMENTS};
    const [codes, blocks, blockBytes, dims, weights, rows, sums, chunkBlocks] = ctl.subarray(a, a + ${ARGUMENT_COUNT});
    for (let first = Atomics.add(ctl, ${NEXT}, 1) * chunkBlocks; first < blocks; first = Atomics.add(ctl, ${NEXT}, 1) * chunkBlocks) {
      kernel.scan(codes + first * blockBytes, Math.min(chunkBlocks, blocks - first), blockBytes, dims, weights, rows, sums + first * 16384);
    }
  }
  Atomics.store(ctl, ${DONE}, request);
  Atomics.notify(ctl, ${DONE});
}
`;

/** The kernel's shared WebAssembly memory (the project's TypeScript libraries do not declare WebAssembly). */
export interface SharedMemory {
  readonly buffer: ArrayBuffer;
}

/**
 * A read both threads share: `length` bytes of the open file `fd` from
 * `position` into the memory from `memoryAt`. The file descriptor, not the
 * path, so that both read the same file even if a writer replaces it meanwhile.
 */
interface ReadRequest {
  request: number;
  fd: number;
  position: number;
  memoryAt: number;
  length: number;
  chunkBytes: number;
  /** The control array's slots (the worker's copy of this function sees no module constants). */
  slots: { next: number; chunksDone: number };
}

/**
 * Claims chunks of `read` until none is left, reading each and counting it
 * done. Runs on both threads: its source is also the worker's.
 */
function readChunks(files: typeof fs, memory: SharedMemory, control: Int32Array, read: ReadRequest): void {
  const chunks = Math.ceil(read.length / read.chunkBytes);
  for (let chunk = Atomics.add(control, read.slots.next, 1); chunk < chunks; chunk = Atomics.add(control, read.slots.next, 1)) {
    const at = chunk * read.chunkBytes;
    const bytes = Math.min(read.chunkBytes, read.length - at);
    const target = new Uint8Array(memory.buffer, read.memoryAt + at, bytes);
    for (let done = 0; done < bytes; ) {
      const got = files.readSync(read.fd, target, done, bytes - done, read.position + at + done);
      if (got === 0) throw new RangeError('the file ended early');
      done += got;
    }
    Atomics.add(control, read.slots.chunksDone, 1);
    Atomics.notify(control, read.slots.chunksDone);
  }
}

/**
 * A second thread for ScanVectorIndex's kernel, so that a large index's scan
 * takes both cores. A search asks it to start, and joins in whenever it can:
 * both threads claim chunks of blocks from one counter until none is left,
 * so that the thread that started earlier, or runs faster, takes more. The
 * thread shares the kernel's memory, so it is only told where to read and
 * write. Loading a large index, it shares reading the file the same way
 * ({@link readFile}).
 */
export class ScanHelper {
  readonly #worker: Worker;
  readonly #control: Int32Array;
  readonly #memory: SharedMemory;
  readonly #port: MessagePort;
  #request = 0;
  #failed = false;

  private constructor(worker: Worker, control: Int32Array, memory: SharedMemory, port: MessagePort) {
    this.#worker = worker;
    this.#control = control;
    this.#memory = memory;
    this.#port = port;
  }

  /** Starts the thread; it takes requests once {@link ready}, some tens of milliseconds later. */
  static start(module: object, memory: SharedMemory): ScanHelper {
    const control = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT * CONTROL_SLOTS));
    const { port1, port2 } = new MessageChannel();
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { module, memory, control: control.buffer, port: port2 },
      transferList: [port2],
    });
    // A thread waiting for work must not keep a finished process alive.
    worker.unref();
    port1.unref();
    const helper = new ScanHelper(worker, control, memory, port1);
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
    Atomics.store(this.#control, KIND, SCAN);
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

  /**
   * Reads `length` bytes of the open file `fd` from `position` into the shared memory at
   * `memoryAt`, with the thread taking chunks beside this one (if it has
   * started by then; this thread reads whatever is left). Blocks until every
   * chunk is in; a chunk the thread failed to read is read again here.
   */
  readFile(fd: number, position: number, memoryAt: number, length: number, chunkBytes = READ_CHUNK_BYTES): void {
    const chunks = Math.ceil(length / chunkBytes);
    const read: ReadRequest = {
      request: this.#request + 1, fd, position, memoryAt, length, chunkBytes,
      slots: { next: NEXT, chunksDone: CHUNKS_DONE },
    };
    if (!this.#failed) {
      this.#port.postMessage(read);
      Atomics.store(this.#control, KIND, READ);
      Atomics.store(this.#control, NEXT, 0);
      Atomics.store(this.#control, CHUNKS_DONE, 0);
      this.#request += 1;
      Atomics.store(this.#control, REQUEST, this.#request);
      Atomics.notify(this.#control, REQUEST);
      readChunks(fs, this.#memory, this.#control, read);
      if (this.#waitForChunks(chunks)) return;
      // The thread took a chunk and never finished it: read it all here, the thread given up.
      this.#failed = true;
    }
    // Counters of this thread's own, so that a late thread claims nothing from them.
    readChunks(fs, this.#memory, new Int32Array(2), { ...read, slots: { next: 0, chunksDone: 1 } });
  }

  /** Waits until `chunks` chunks are read; false when the thread failed or did not finish its in time. */
  #waitForChunks(chunks: number): boolean {
    const deadline = performance.now() + WAIT_MS;
    for (;;) {
      const done = Atomics.load(this.#control, CHUNKS_DONE);
      if (done >= chunks) return true;
      const left = deadline - performance.now();
      if (left <= 0 || this.#failed) return false;
      Atomics.wait(this.#control, CHUNKS_DONE, done, left);
    }
  }

  /** Ends the thread. */
  close(): void {
    this.#port.close();
    Atomics.store(this.#control, REQUEST, CLOSED);
    Atomics.notify(this.#control, REQUEST);
    void this.#worker.terminate();
  }
}
