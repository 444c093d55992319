import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FootnoteError } from '../../src/shared/errors.js';
import hnswlib from 'hnswlib-node';
import { CENTER_LABEL, createVectorPasser, VectorIndex } from '../../src/store/vector-index.js';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'footnote-vectors-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Deterministic pseudo-random numbers (mulberry32), so failures reproduce. */
function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomVectors(count: number, dimensions: number, seed: number): Float32Array[] {
  const random = createRandom(seed);
  return Array.from({ length: count }, () =>
    Float32Array.from({ length: dimensions }, () => random() * 2 - 1),
  );
}

/** Unit vectors that share one large common part, as the local embedder's do. */
function vectorsWithCommonPart(count: number, dimensions: number, seed: number): Float32Array[] {
  return randomVectors(count, dimensions, seed).map((vector) => {
    const shifted = vector.map((value, i) => value + (i % 2 === 0 ? 1.5 : 0));
    const norm = Math.hypot(...shifted);
    return shifted.map((value) => value / norm);
  });
}

function cosineDistance(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  let normA = 0;
  let normB = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!;
    normA += a[i]! * a[i]!;
    normB += b[i]! * b[i]!;
  }
  return 1 - dot / Math.sqrt(normA * normB);
}

function ids(index: VectorIndex, query: number[], k: number): number[] {
  return index.search(query, k).map((match) => match.id);
}

describe('VectorIndex', () => {
  it('finds the nearest vectors by cosine distance, closest first', () => {
    const index = VectorIndex.create(2);
    index.add(10, [1, 0]);
    index.add(20, [0, 1]);
    index.add(30, Float32Array.from([1, 1]));
    const matches = index.search([1, 0.1], 3);
    expect(matches.map((m) => m.id)).toEqual([10, 30, 20]);
    expect(matches[0]!.distance).toBeCloseTo(1 - 1 / Math.sqrt(1.01), 5);
  });

  it('caps k at the number of live vectors and returns [] when empty', () => {
    const index = VectorIndex.create(2);
    expect(index.search([1, 0], 5)).toEqual([]);
    index.add(1, [1, 0]);
    index.add(2, [0, 1]);
    index.remove(2);
    expect(ids(index, [1, 0], 50)).toEqual([1]);
    expect(index.size).toBe(1);
  });

  it('never returns a removed id and ignores a second removal', () => {
    const index = VectorIndex.create(2);
    index.add(1, [1, 0]);
    index.add(2, [0.9, 0.1]);
    index.add(3, [0, 1]);
    index.remove(1);
    index.remove(1);
    index.remove(404);
    expect(ids(index, [1, 0], 3)).toEqual([2, 3]);
    expect([index.size, index.deletedCount]).toEqual([2, 1]);
  });

  it('adds a removed id again with its new vector', () => {
    const index = VectorIndex.create(2);
    index.add(1, [1, 0]);
    index.add(2, [0, 1]);
    index.remove(1);
    index.add(1, [0, 1]);
    expect([index.size, index.deletedCount]).toEqual([2, 0]);
    expect(ids(index, [-1, 0.01], 2).sort()).toEqual([1, 2]);
    expect(index.search([0, 1], 1)[0]!.distance).toBeCloseTo(0, 5);
  });

  it('grows past its initial capacity', () => {
    const index = VectorIndex.create(3, 2);
    const vectors = randomVectors(9, 3, 1);
    vectors.forEach((vector, id) => index.add(id, vector));
    expect(index.size).toBe(9);
    expect(ids(index, Array.from(vectors[7]!), 1)).toEqual([7]);
  });

  it('rejects a vector of the wrong dimension', () => {
    const index = VectorIndex.create(3);
    expect(() => index.add(1, [1, 0])).toThrow(RangeError);
  });

  it('saves and loads to the same search results, without leaving a temp file', () => {
    const vectors = randomVectors(300, 8, 2);
    const index = VectorIndex.create(8, 16);
    vectors.forEach((vector, id) => index.add(id + 1, vector));
    index.remove(5);
    const filePath = path.join(dir, 'vectors.hnsw');
    fs.writeFileSync(filePath, 'an older file');
    index.save(filePath);
    expect(fs.readdirSync(dir)).toEqual(['vectors.hnsw']);

    const loaded = VectorIndex.load(filePath, 8);
    expect([loaded.size, loaded.deletedCount]).toEqual([299, 1]);
    for (const query of randomVectors(5, 8, 3)) {
      expect(loaded.search(query, 10)).toEqual(index.search(query, 10));
    }
    loaded.remove(5);
    loaded.add(1000, vectors[0]!);
    expect(loaded.size).toBe(300);
  });

  it('keeps recall at 10 above 0.9 after a load (ef is restored)', () => {
    const dimensions = 32;
    const vectors = randomVectors(2000, dimensions, 4);
    const built = VectorIndex.create(dimensions);
    vectors.forEach((vector, id) => built.add(id, vector));
    const filePath = path.join(dir, 'vectors.hnsw');
    built.save(filePath);
    const index = VectorIndex.load(filePath, dimensions);

    let found = 0;
    const queries = randomVectors(50, dimensions, 5);
    for (const query of queries) {
      const exact = vectors
        .map((vector, id) => ({ id, distance: cosineDistance(query, vector) }))
        .sort((a, b) => a.distance - b.distance)
        .slice(0, 10)
        .map((match) => match.id);
      const approximate = new Set(ids(index, Array.from(query), 10));
      found += exact.filter((id) => approximate.has(id)).length;
    }
    expect(found / (queries.length * 10)).toBeGreaterThanOrEqual(0.9);
  });

  it('refuses to load a file of another dimension', () => {
    const filePath = path.join(dir, 'vectors.hnsw');
    const index = VectorIndex.create(4);
    index.add(1, [1, 2, 3, 4]);
    index.save(filePath);
    let error: unknown;
    try {
      VectorIndex.load(filePath, 8);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(FootnoteError);
    expect((error as FootnoteError).code).toBe('INDEX_CORRUPT');
  });

  it('refuses a file cut short or with bytes added, as INDEX_CORRUPT', () => {
    const filePath = path.join(dir, 'vectors.hnsw');
    const index = VectorIndex.create(8);
    randomVectors(300, 8, 5).forEach((vector, id) => index.add(id, vector));
    index.save(filePath);
    const whole = fs.readFileSync(filePath);
    for (const damaged of [whole.subarray(0, whole.length - 3), whole.subarray(0, whole.length / 2), Buffer.concat([whole, Buffer.alloc(5)])]) {
      fs.writeFileSync(filePath, damaged);
      expect(() => VectorIndex.load(filePath, 8)).toThrow(expect.objectContaining({ code: 'INDEX_CORRUPT' }));
    }
  });

  it('reports compaction once deleted vectors pass 20% and 100', () => {
    const index = VectorIndex.create(2);
    for (let id = 0; id < 600; id++) index.add(id, [Math.cos(id), Math.sin(id)]);
    for (let id = 0; id < 120; id++) index.remove(id);
    expect(index.needsCompaction).toBe(false); // 120 of 600 is exactly 20%
    index.remove(120);
    expect(index.needsCompaction).toBe(true);
  });

  it('rebuilds a compact index from entries', () => {
    const index = VectorIndex.rebuild(2, [
      { id: 7, embedding: Float32Array.from([1, 0]) },
      { id: 9, embedding: Float32Array.from([0, 1]) },
    ]);
    expect([index.size, index.deletedCount]).toEqual([2, 0]);
    expect(ids(index, [0, 1], 2)).toEqual([9, 7]);
  });

  it('centres a rebuilt index yet returns cosine distances, also after a save and load', () => {
    const dimensions = 16;
    const vectors = vectorsWithCommonPart(400, dimensions, 11);
    const index = VectorIndex.rebuild(dimensions, vectors.map((embedding, i) => ({ id: i + 1, embedding })));
    const filePath = path.join(dir, 'vectors.hnsw');
    index.save(filePath);
    const loaded = VectorIndex.load(filePath, dimensions);
    expect([loaded.size, loaded.deletedCount, loaded.has(CENTER_LABEL)]).toEqual([400, 0, false]);
    const raw = new hnswlib.HierarchicalNSW('ip', dimensions);
    raw.readIndexSync(filePath);
    expect(raw.getIdsList()).toContain(CENTER_LABEL);

    for (const query of vectorsWithCommonPart(5, dimensions, 12)) {
      const exact = vectors
        .map((vector, i) => ({ id: i + 1, distance: cosineDistance(query, vector) }))
        .sort((a, b) => a.distance - b.distance);
      for (const searched of [index, loaded]) {
        const [nearest] = searched.search(query, 1);
        expect(nearest!.id).toBe(exact[0]!.id);
        expect(nearest!.distance).toBeCloseTo(exact[0]!.distance, 5);
      }
    }
    // Added after the load: stored minus the same centre.
    loaded.add(1000, vectors[0]!);
    expect(loaded.search(vectors[0]!, 2).map((match) => match.distance)).toEqual([
      expect.closeTo(0, 5),
      expect.closeTo(0, 5),
    ]);
  });

  it('loads a file written without a centre in the cosine space', () => {
    const hnsw = new hnswlib.HierarchicalNSW('cosine', 2);
    hnsw.initIndex({ maxElements: 4 });
    hnsw.addPoint([3, 0], 1);
    hnsw.addPoint([1, 1], 2);
    const filePath = path.join(dir, 'vectors.hnsw');
    hnsw.writeIndexSync(filePath);
    const matches = VectorIndex.load(filePath, 2).search([2, 1], 2);
    expect(matches.map((match) => match.id)).toEqual([2, 1]);
    expect(matches[0]!.distance).toBeCloseTo(1 - 3 / Math.sqrt(10), 6);
    expect(matches[1]!.distance).toBeCloseTo(1 - 2 / Math.sqrt(5), 6);
  });

  it("refuses the centre's id", () => {
    expect(() => VectorIndex.create(2).add(CENTER_LABEL, [1, 0])).toThrow(RangeError);
  });

  it('searches staged vectors exactly beside the graph, closest first', () => {
    const index = VectorIndex.create(2);
    index.add(1, [1, 0]);
    index.add(2, [0, 1]);
    index.stage(3, Float32Array.from([Math.SQRT1_2, Math.SQRT1_2]));
    expect([index.size, index.stagedCount, index.has(3)]).toEqual([3, 1, true]);
    const matches = index.search([2, 1], 3);
    expect(matches.map((match) => match.id)).toEqual([3, 1, 2]);
    expect(matches[0]!.distance).toBeCloseTo(1 - 3 / Math.sqrt(10), 6);
    expect(matches[1]!.distance).toBeCloseTo(1 - 2 / Math.sqrt(5), 6);
  });

  it('forgets a removed staged vector and moves staged ones into the graph on save', () => {
    const index = VectorIndex.create(2);
    index.add(1, [1, 0]);
    index.stage(2, Float32Array.from([0, 1]));
    index.stage(3, Float32Array.from([1, 0]));
    index.remove(3);
    expect([index.size, index.has(3)]).toEqual([2, false]);
    const filePath = path.join(dir, 'vectors.hnsw');
    index.save(filePath);
    expect(index.stagedCount).toBe(0);
    const loaded = VectorIndex.load(filePath, 2);
    expect(ids(loaded, [0, 1], 2)).toEqual([2, 1]);
  });

  it('inserts staged vectors a few at a time', () => {
    const index = VectorIndex.create(2);
    for (const id of [1, 2, 3]) index.stage(id, Float32Array.from([1, id]));
    expect(index.insertStaged(2)).toBe(1);
    expect(index.insertStaged(2)).toBe(0);
    expect([index.size, index.stagedCount]).toEqual([3, 0]);
  });
});

describe('createVectorPasser', () => {
  const refusing = (calls: unknown[]) => (input: number[]) => {
    calls.push(input);
    if (input instanceof Float32Array) throw new TypeError('Invalid the first argument type, must be an Array.');
    return input.length;
  };

  it('passes a Float32Array as it is to an addon that takes one', () => {
    const pass = createVectorPasser();
    const vector = Float32Array.of(1, 2);
    const calls: unknown[] = [];
    expect(pass(vector, (input) => calls.push(input))).toBe(1);
    expect(calls[0]).toBe(vector);
  });

  it("falls back to arrays for npm's build, and asks it only once", () => {
    const pass = createVectorPasser();
    const calls: unknown[] = [];
    expect(pass(Float32Array.of(1, 2), refusing(calls))).toBe(2);
    expect(pass(Float32Array.of(3, 4, 5), refusing(calls))).toBe(3);
    expect(calls).toEqual([Float32Array.of(1, 2), [1, 2], [3, 4, 5]]);
  });

  it('lets other errors through, and a refusal after an acceptance too', () => {
    const pass = createVectorPasser();
    expect(() => pass(Float32Array.of(1), () => { throw new RangeError('full'); })).toThrow(RangeError);
    pass(Float32Array.of(1), () => 0);
    expect(() => pass(Float32Array.of(1), refusing([]))).toThrow(TypeError);
  });
});
