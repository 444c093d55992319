import { describe, expect, it } from 'vitest';
import { createSeededRandom } from '../../bench/lib/seeded-random.js';
import { FlatVectorIndex } from '../../src/store/flat-vector-index.js';

/** Vectors with about `density` of their numbers non-zero, as hashed word features are. */
function sparseVectors(count: number, dimensions: number, density: number, seed: number): Float32Array[] {
  const random = createSeededRandom(seed);
  return Array.from({ length: count }, () =>
    Float32Array.from({ length: dimensions }, () => (random.next() < density ? random.next() * 2 - 1 : 0)),
  );
}

/** Every id by cosine similarity to `query`, best first: what the scan must return. */
function bruteForce(vectors: Float32Array[], query: Float32Array): { id: number; similarity: number }[] {
  const norm = (vector: Float32Array) => Math.hypot(...vector);
  return vectors
    .map((vector, id) => {
      let dot = 0;
      for (let d = 0; d < vector.length; d++) dot += (vector[d] as number) * (query[d] as number);
      const length = norm(vector) * norm(query);
      return { id, similarity: length === 0 ? 0 : dot / length };
    })
    .sort((a, b) => b.similarity - a.similarity || a.id - b.id);
}

describe('FlatVectorIndex', () => {
  // 700 vectors: two whole blocks of 256 and a part-filled third.
  const dimensions = 48;
  const vectors = sparseVectors(700, dimensions, 0.3, 1);
  const index = FlatVectorIndex.build(dimensions, vectors.map((embedding, id) => ({ id, embedding })));

  it('finds exactly the nearest vectors, with cosine distances, for sparse and dense questions', () => {
    const questions = [...sparseVectors(10, dimensions, 0.1, 2), ...sparseVectors(10, dimensions, 1, 3)];
    for (const question of questions) {
      const expected = bruteForce(vectors, question).slice(0, 25);
      const found = index.search(question, 25);
      expect(found.map((match) => match.id)).toEqual(expected.map((entry) => entry.id));
      found.forEach((match, i) => expect(match.distance).toBeCloseTo(1 - expected[i]!.similarity, 5));
    }
  });

  it('scales stored vectors and the question to unit length', () => {
    const long = FlatVectorIndex.build(2, [
      { id: 7, embedding: Float32Array.of(30, 40) },
      { id: 9, embedding: Float32Array.of(0, -0.5) },
    ]);
    expect(long.search([6, 8], 2)).toEqual([
      { id: 7, distance: expect.closeTo(0, 6) },
      { id: 9, distance: expect.closeTo(1.8, 6) },
    ]);
  });

  it('ranks equal scores in the order the vectors were added, across blocks', () => {
    const same = Float32Array.of(1, 0, 0);
    const entries = Array.from({ length: 600 }, (_, i) => ({ id: 1000 - i, embedding: i % 100 === 0 ? same : Float32Array.of(0, 1, 0) }));
    const ties = FlatVectorIndex.build(3, entries);
    expect(ties.search(same, 4).map((match) => match.id)).toEqual([1000, 900, 800, 700]);
  });

  it('returns at most what it holds, and nothing for k of zero or an empty index', () => {
    expect(index.search(vectors[0]!, 5000)).toHaveLength(700);
    expect(index.search(vectors[0]!, 0)).toEqual([]);
    expect(FlatVectorIndex.build(4, []).search([1, 0, 0, 0], 3)).toEqual([]);
    expect(index.size).toBe(700);
  });

  it('keeps a zero vector (a passage without words) at similarity 0', () => {
    const withZero = FlatVectorIndex.build(2, [
      { id: 1, embedding: Float32Array.of(0, 0) },
      { id: 2, embedding: Float32Array.of(-1, 0) },
    ]);
    expect(withZero.search([1, 0], 2)).toEqual([
      { id: 1, distance: 1 },
      { id: 2, distance: 2 },
    ]);
  });

  it('refuses a vector of another dimension', () => {
    expect(() => FlatVectorIndex.build(3, [{ id: 1, embedding: Float32Array.of(1, 0) }])).toThrow(RangeError);
  });
});
