/**
 * How the vector graph stores embeddings: unit length, minus a centre that
 * every passage shares (see VectorIndex for why).
 */

/** Vectors averaged into the centre: the first ones a build sees (VectorIndex.rebuild, VectorIndexBuilder). */
export const CENTER_SAMPLE = 256;

/**
 * The mean of `vectors`: the part every passage shares. null when there are
 * none, which stores vectors as they are.
 */
export function estimateCenter(vectors: readonly Float32Array[], dimensions: number): Float32Array | null {
  if (vectors.length === 0) return null;
  const center = new Float32Array(dimensions);
  for (const vector of vectors) {
    for (let i = 0; i < dimensions; i++) center[i] = (center[i] as number) + (vector[i] as number);
  }
  for (let i = 0; i < dimensions; i++) center[i] = (center[i] as number) / vectors.length;
  return center;
}

/**
 * `vector` scaled to unit length, minus `center`: what the graph stores. A
 * zero vector (a chunk with no words) stays zero before the subtraction.
 */
export function toStoredVector(vector: Float32Array | readonly number[], center: Float32Array | null): Float32Array {
  const stored = normalized(vector);
  if (center !== null) for (let i = 0; i < stored.length; i++) stored[i] = (stored[i] as number) - (center[i] as number);
  return stored;
}

/** `vector` scaled to unit length (a zero vector stays zero), as the cosine needs the query. */
export function normalized(vector: Float32Array | readonly number[]): Float32Array {
  const unit = Float32Array.from(vector);
  const norm = Math.sqrt(dot(unit, unit));
  if (norm > 0 && norm !== 1) for (let i = 0; i < unit.length; i++) unit[i] = (unit[i] as number) / norm;
  return unit;
}

/** The dot product; for L2-normalised vectors (every embedder's) it is their cosine similarity. */
export function dot(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) sum += (a[i] as number) * (b[i] as number);
  return sum;
}
