import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSeededRandom } from '../../bench/lib/seeded-random.js';
import { ScanHelper } from '../../src/store/scan-helper.js';
import { SCAN_KERNEL_BASE64 } from '../../src/store/scan-kernel-wasm.js';

// The project's TypeScript libraries do not declare WebAssembly; Node has it.
const wasm = (globalThis as unknown as {
  WebAssembly: {
    Module: new (bytes: Uint8Array) => object;
    Memory: new (descriptor: { initial: number; maximum: number; shared: boolean }) => { buffer: ArrayBuffer };
  };
}).WebAssembly;

const PAGE = 65_536;

/** Byte-for-byte equality, far quicker than toEqual on 300,000 elements. */
function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.from(a.buffer, a.byteOffset, a.length).equals(Buffer.from(b.buffer, b.byteOffset, b.length));
}

/** Polls until the helper takes requests (its thread starts in tens of milliseconds). */
async function untilReady(helper: ScanHelper): Promise<void> {
  const startedAt = Date.now();
  while (!helper.ready) {
    if (Date.now() - startedAt > 10_000) throw new Error('the helper thread never started');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('ScanHelper.readFile', () => {
  let dir: string;
  let file: string;
  let fd: number;
  let bytes: Uint8Array;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'footnote-helper-'));
    file = path.join(dir, 'codes.bin');
    const random = createSeededRandom(5);
    bytes = Uint8Array.from({ length: 300_001 }, () => Math.floor(random.next() * 256));
    fs.writeFileSync(file, bytes);
    fd = fs.openSync(file, 'r');
  });
  afterEach(() => {
    fs.closeSync(fd);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  function start(): { helper: ScanHelper; memory: { buffer: ArrayBuffer } } {
    const memory = new wasm.Memory({ initial: 8, maximum: 16, shared: true });
    const module = new wasm.Module(Buffer.from(SCAN_KERNEL_BASE64, 'base64'));
    return { helper: ScanHelper.start(module, memory), memory };
  }

  it('reads a range of the file into the memory in chunks that both threads take', async () => {
    const { helper, memory } = start();
    await untilReady(helper);
    // 299,990 bytes from byte 11, in chunks of 4,096: 74 chunks, the last one short.
    helper.readFile(fd, 11, PAGE + 3, bytes.length - 11, 4_096);
    expect(sameBytes(new Uint8Array(memory.buffer, PAGE + 3, bytes.length - 11), bytes.subarray(11))).toBe(true);
    expect([...new Uint8Array(memory.buffer, PAGE, 3)]).toEqual([0, 0, 0]);
    helper.close();
  });

  it('reads it all on the calling thread when the helper has not started yet', () => {
    const { helper, memory } = start();
    helper.readFile(fd, 0, 0, bytes.length, 8_192);
    expect(sameBytes(new Uint8Array(memory.buffer, 0, bytes.length), bytes)).toBe(true);
    helper.close();
  });

  it('still scans after a read', async () => {
    const { helper } = start();
    await untilReady(helper);
    helper.readFile(fd, 0, 0, 100_000, 4_096);
    // An empty scan: no blocks. The thread must take it and answer.
    helper.begin({ codes: 0, blocks: 0, blockBytes: 4_096, dims: 0, weights: 0, rows: 0, sums: 0, chunkBlocks: 4 });
    expect(helper.finish()).toBe(true);
    helper.close();
  });
});
