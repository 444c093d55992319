/**
 * Embeddings are stored as BLOBs holding the raw float32 bytes (little-endian
 * on every platform Node supports), so a round trip is exact.
 */

/** The vector's bytes as they are in memory (little-endian float32). */
export function toBlob(vector: Float32Array): Buffer {
  return Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength);
}

/**
 * Copies a BLOB into a fresh, 4-byte-aligned buffer: the Buffer SQLite hands
 * back may be a view into Node's shared pool at an odd offset, which a
 * Float32Array cannot sit on.
 */
export function fromBlob(blob: Buffer): Float32Array {
  const bytes = new Uint8Array(blob.byteLength);
  bytes.set(blob);
  return new Float32Array(bytes.buffer, 0, Math.floor(bytes.byteLength / 4));
}
