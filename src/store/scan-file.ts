import fs from 'node:fs';
import { FootnoteError } from '../shared/errors.js';
import { replaceFileDurably } from './vector-index.js';

/**
 * The file a ScanVectorIndex is saved to, `vectors.scan`: a 32-byte header
 * (magic, format, dimensions, slots, whether the centre is set), the centre
 * (float32 × dimensions), each slot's chunk id (float64, -1 once removed)
 * and scale (float32, NaN once removed), then the codes as they lie in
 * memory, whole blocks. Little-endian, as the machines footnote runs on.
 */
const FILE_MAGIC = Buffer.from('FNSCAN\u0000\u0001', 'latin1');
const HEADER_BYTES = 32;
const FORMAT_VERSION = 1;
/** Bytes per write of the codes: a gigabyte of them goes in pieces. */
const WRITE_PIECE = 1 << 26;

/** What a scan file holds besides its codes. */
export interface ScanFileContents {
  dimensions: number;
  /** null until the index has a centre (it has no coded vector then). */
  center: Float32Array | null;
  ids: readonly number[];
  scales: Float32Array;
}

/** What a reader gets: the contents, with ids of its own to change. */
export interface LoadedScanFile extends ScanFileContents {
  ids: number[];
}

/** Where a reader's codes go: their size for a number of slots, and the bytes to read them into. */
export interface CodesLayout {
  codeBytes(slots: number): number;
  codesFor(bytes: number): Uint8Array;
  /**
   * Reads the codes from `position` of the file into `target` its own way
   * (on two threads) and returns true, or returns false to have them read
   * one piece after another.
   */
  readCodes?(fd: number, position: number, target: Uint8Array): boolean;
}

/**
 * Writes `contents` and `codes` to `filePath` crash-safely: to a temporary
 * file, fsynced, then renamed over the old one.
 */
export function writeScanFile(filePath: string, contents: ScanFileContents, codes: readonly Uint8Array[]): void {
  const { dimensions, center, ids, scales } = contents;
  const header = Buffer.alloc(HEADER_BYTES);
  FILE_MAGIC.copy(header, 0);
  header.writeUInt32LE(FORMAT_VERSION, 8);
  header.writeUInt32LE(dimensions, 12);
  header.writeUInt32LE(ids.length, 16);
  header.writeUInt32LE(center === null ? 0 : 1, 20);
  const temporaryPath = `${filePath}.tmp-${process.pid}`;
  try {
    const fd = fs.openSync(temporaryPath, 'w');
    try {
      let position = 0;
      const write = (bytes: Uint8Array) => {
        for (let at = 0; at < bytes.length; ) at += fs.writeSync(fd, bytes, at, bytes.length - at, position + at);
        position += bytes.length;
      };
      write(header);
      const centre = center ?? new Float32Array(dimensions);
      write(new Uint8Array(centre.buffer, centre.byteOffset, centre.byteLength));
      write(new Uint8Array(Float64Array.from(ids).buffer));
      write(new Uint8Array(scales.buffer, scales.byteOffset, 4 * ids.length));
      for (const piece of codes) {
        for (let at = 0; at < piece.length; at += WRITE_PIECE) write(piece.subarray(at, at + WRITE_PIECE));
      }
    } finally {
      fs.closeSync(fd);
    }
  } catch (error) {
    fs.rmSync(temporaryPath, { force: true });
    throw error;
  }
  replaceFileDurably(temporaryPath, filePath);
}

/**
 * Reads a file written by {@link writeScanFile}: its contents, and its codes
 * into the bytes `layout` gives once the file's size is checked against it.
 *
 * @throws FootnoteError `INDEX_CORRUPT` when the file is unreadable, not a
 * scan file, of another size than its header gives, or holds vectors of
 * another dimension.
 */
export function readScanFile(
  filePath: string,
  dimensions: number,
  layout: CodesLayout,
): LoadedScanFile {
  const corrupt = (detail: string, cause?: unknown) =>
    new FootnoteError('INDEX_CORRUPT', { path: filePath, detail }, cause === undefined ? undefined : { cause });
  let fd: number;
  try {
    fd = fs.openSync(filePath, 'r');
  } catch (error) {
    throw corrupt(error instanceof Error ? error.message : String(error), error);
  }
  try {
    const header = Buffer.alloc(HEADER_BYTES);
    if (fs.readSync(fd, header, 0, HEADER_BYTES, 0) < HEADER_BYTES || !header.subarray(0, 8).equals(FILE_MAGIC)) {
      throw corrupt('not a footnote scan index');
    }
    const format = header.readUInt32LE(8);
    if (format !== FORMAT_VERSION) throw corrupt(`scan index format ${format} is not ${FORMAT_VERSION}`);
    const fileDimensions = header.readUInt32LE(12);
    if (fileDimensions !== dimensions) {
      throw corrupt(`the vectors have ${fileDimensions} dimensions, expected ${dimensions}`);
    }
    const slots = header.readUInt32LE(16);
    const centred = header.readUInt32LE(20) === 1;
    const codeBytes = layout.codeBytes(slots);
    if (fs.fstatSync(fd).size !== HEADER_BYTES + 4 * dimensions + 12 * slots + codeBytes) {
      throw corrupt('the scan index is not the size its header gives');
    }
    const center = new Float32Array(dimensions);
    const ids = new Float64Array(slots);
    const scales = new Float32Array(slots);
    let position = HEADER_BYTES;
    for (const values of [center, ids, scales]) {
      readFully(fd, new Uint8Array(values.buffer), position);
      position += values.byteLength;
    }
    const codes = layout.codesFor(codeBytes);
    if (layout.readCodes?.(fd, position, codes) !== true) readFully(fd, codes, position);
    // A loop: Array.from's iterator took 0.2 s for a million ids.
    const idList = new Array<number>(slots);
    for (let slot = 0; slot < slots; slot++) idList[slot] = ids[slot] as number;
    return { dimensions, center: centred ? center : null, ids: idList, scales };
  } finally {
    fs.closeSync(fd);
  }
}

/** Reads exactly `target.length` bytes from `position` (the caller checked the file's size). */
function readFully(fd: number, target: Uint8Array, position: number): void {
  const limit = 1 << 30;
  for (let at = 0; at < target.length; ) {
    const read = fs.readSync(fd, target, at, Math.min(limit, target.length - at), position + at);
    if (read === 0) throw new RangeError('the scan index ended early');
    at += read;
  }
}
