import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSeededRandom } from '../../bench/lib/seeded-random.js';
import { ScanVectorIndex } from '../../src/store/scan-vector-index.js';

/** Vectors with about `density` of their numbers non-zero, as hashed word features are. */
function sparseVectors(count: number, dimensions: number, density: number, seed: number): Float32Array[] {
  const random = createSeededRandom(seed);
  return Array.from({ length: count }, () =>
    Float32Array.from({ length: dimensions }, () => (random.next() < density ? random.next() * 2 - 1 : 0)),
  );
}

function cosine(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  for (let d = 0; d < a.length; d++) dot += (a[d] as number) * (b[d] as number);
  const length = Math.hypot(...a) * Math.hypot(...b);
  return length === 0 ? 0 : dot / length;
}

/** Ids by cosine similarity to `query`, best first. */
function bruteForce(vectors: Map<number, Float32Array>, query: Float32Array): number[] {
  return [...vectors]
    .map(([id, vector]) => ({ id, similarity: cosine(vector, query) }))
    .sort((a, b) => b.similarity - a.similarity || a.id - b.id)
    .map((entry) => entry.id);
}

function recallAt10(index: ScanVectorIndex, vectors: Map<number, Float32Array>, questions: Float32Array[]): number {
  let hits = 0;
  for (const question of questions) {
    const expected = new Set(bruteForce(vectors, question).slice(0, 10));
    hits += index.search(question, 10).filter((match) => expected.has(match.id)).length;
  }
  return hits / (10 * questions.length);
}

describe('ScanVectorIndex', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'footnote-scan-'));
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  // 9,000 vectors: two whole blocks of 4,096 and a part-filled third.
  const dimensions = 32;
  const vectors = new Map(sparseVectors(9000, dimensions, 0.5, 1).map((vector, i) => [i * 3 + 1, vector]));
  const questions = sparseVectors(20, dimensions, 0.25, 2);

  const entries = [...vectors].map(([id, embedding]) => ({ id, embedding }));

  it('finds the nearest vectors across blocks, with their cosine distances to within 0.01', () => {
    const index = ScanVectorIndex.rebuild(dimensions, entries);
    expect(index.size).toBe(9000);
    expect(recallAt10(index, vectors, questions)).toBeGreaterThanOrEqual(0.95);
    for (const question of questions) {
      const found = index.search(question, 10);
      expect(found[0]!.id).toBe(bruteForce(vectors, question)[0]);
      found.forEach((match) => expect(Math.abs(match.distance - (1 - cosine(vectors.get(match.id)!, question)))).toBeLessThan(0.01));
      expect(found.map((match) => match.distance)).toEqual([...found.map((match) => match.distance)].sort((a, b) => a - b));
    }
  });

  it('searches vectors exactly before it has enough to fit its codes, and fits them when saved', () => {
    const few = new Map([...vectors].slice(0, 50));
    const index = ScanVectorIndex.create(dimensions);
    for (const [id, vector] of few) index.add(id, vector);
    const expected = bruteForce(few, questions[0]!).slice(0, 10);
    expect(index.search(questions[0]!, 10).map((match) => match.id)).toEqual(expected);
    const file = path.join(dir, 'vectors.scan');
    index.save(file);
    const loaded = ScanVectorIndex.load(file, dimensions);
    expect(loaded.size).toBe(50);
    expect(loaded.search(questions[0]!, 3).map((match) => match.id)).toEqual(expected.slice(0, 3));
  });

  it('removes and replaces vectors, and counts the slots they leave', () => {
    const index = ScanVectorIndex.rebuild(dimensions, entries);
    const question = questions[3]!;
    const [first, second] = bruteForce(vectors, question) as [number, number];
    index.remove(first);
    index.remove(first);
    index.remove(123_456);
    expect(index.has(first)).toBe(false);
    expect(index.search(question, 1)[0]!.id).toBe(second);
    // A removed id added again, now pointing straight at the question.
    index.add(first, question);
    expect(index.search(question, 1)).toEqual([{ id: first, distance: expect.closeTo(0, 2) }]);
    expect(index.size).toBe(9000);
    expect(index.deletedCount).toBe(1);
    expect(index.needsCompaction).toBe(false);
    for (const id of [...vectors.keys()].slice(0, 2000)) index.remove(id);
    expect(index.needsCompaction).toBe(true);
  });

  it('saves and loads to the same searches, removals included', () => {
    const index = ScanVectorIndex.rebuild(dimensions, entries);
    const removed = [...vectors.keys()].slice(100, 140);
    for (const id of removed) index.remove(id);
    const file = path.join(dir, 'vectors.scan');
    index.save(file);
    const loaded = ScanVectorIndex.load(file, dimensions);
    expect(loaded.size).toBe(index.size);
    expect(loaded.deletedCount).toBe(40);
    for (const id of removed) expect(loaded.has(id)).toBe(false);
    for (const question of questions) expect(loaded.search(question, 15)).toEqual(index.search(question, 15));
    expect(fs.readdirSync(dir)).toEqual(['vectors.scan']);
  });

  it('takes removals and replacements after a load, as before it', () => {
    const index = ScanVectorIndex.rebuild(dimensions, entries);
    const file = path.join(dir, 'vectors.scan');
    index.save(file);
    const loaded = ScanVectorIndex.load(file, dimensions);
    const [kept, removed, replaced] = [...vectors.keys()] as [number, number, number];
    const question = questions[0]!;
    for (const each of [index, loaded]) {
      each.remove(removed);
      each.add(replaced, question);
    }
    expect(loaded.has(kept)).toBe(true);
    expect(loaded.has(removed)).toBe(false);
    expect([loaded.size, loaded.deletedCount]).toEqual([vectors.size - 1, 2]);
    expect(loaded.search(question, 5)).toEqual(index.search(question, 5));
    expect(loaded.search(question, 1)[0]?.id).toBe(replaced);
  });

  it('refuses a file of another dimension, format or size as INDEX_CORRUPT', () => {
    const index = ScanVectorIndex.rebuild(dimensions, [...vectors].slice(0, 300).map(([id, embedding]) => ({ id, embedding })));
    const file = path.join(dir, 'vectors.scan');
    index.save(file);
    const corrupt = expect.objectContaining({ code: 'INDEX_CORRUPT' });
    expect(() => ScanVectorIndex.load(file, 64)).toThrow(corrupt);
    const bytes = fs.readFileSync(file);
    for (const damaged of [bytes.subarray(0, bytes.length - 1), bytes.subarray(0, 20), Buffer.concat([bytes, Buffer.alloc(1)])]) {
      fs.writeFileSync(file, damaged);
      expect(() => ScanVectorIndex.load(file, dimensions)).toThrow(corrupt);
    }
    fs.writeFileSync(file, Buffer.from('not an index at all, but long enough for a header'));
    expect(() => ScanVectorIndex.load(file, dimensions)).toThrow(corrupt);
    expect(() => ScanVectorIndex.load(path.join(dir, 'missing.scan'), dimensions)).toThrow(corrupt);
  });

  it('returns at most what it holds, nothing for k of zero, and refuses wrong dimensions', () => {
    const index = ScanVectorIndex.create(dimensions);
    expect(index.search(questions[0]!, 5)).toEqual([]);
    index.add(7, questions[1]!);
    expect(index.search(questions[0]!, 0)).toEqual([]);
    expect(index.search(questions[0]!, 5).map((match) => match.id)).toEqual([7]);
    expect(() => index.add(8, new Float32Array(3))).toThrow(RangeError);
    expect(() => index.search(new Float32Array(3), 1)).toThrow(RangeError);
  });

  it('keeps its sums exact for a question that uses every dimension', () => {
    // Dense questions are the worst case for the kernel's 32-bit sums.
    const wide = 1536;
    const dense = new Map(sparseVectors(400, wide, 1, 5).map((vector, id) => [id, vector]));
    const index = ScanVectorIndex.rebuild(wide, [...dense].map(([id, embedding]) => ({ id, embedding })));
    const question = sparseVectors(1, wide, 1, 6)[0]!;
    const expected = bruteForce(dense, question).slice(0, 10);
    const found = index.search(question, 10).map((match) => match.id);
    expect(found.filter((id) => expected.includes(id)).length).toBeGreaterThanOrEqual(8);
    expect(found[0]).toBe(expected[0]);
  });
});

describe('ScanVectorIndex on two threads', () => {
  it('finds what one thread finds once its helper thread is up, and goes on alone after close', async () => {
    // 40,000 vectors: ten blocks, enough for a second thread to take the last five.
    const dimensions = 8;
    const entries = sparseVectors(40_000, dimensions, 0.6, 11).map((embedding, id) => ({ id, embedding }));
    const questions = sparseVectors(30, dimensions, 0.5, 12);
    const alone = ScanVectorIndex.rebuild(dimensions, entries);
    alone.close();
    const expected = questions.map((question) => alone.search(question, 20));
    const shared = ScanVectorIndex.rebuild(dimensions, entries);
    shared.search(questions[0]!, 1);
    // The thread starts with the first large search and answers once it is up.
    const helped = await new Promise<boolean>((resolve) => {
      const startedAt = Date.now();
      const poll = () => {
        if (shared.helperReady) resolve(true);
        else if (Date.now() - startedAt > 10_000) resolve(false);
        else setTimeout(poll, 10);
      };
      poll();
    });
    expect(helped).toBe(true);
    expect(questions.map((question) => shared.search(question, 20))).toEqual(expected);
    shared.close();
    expect(shared.helperReady).toBe(false);
    expect(questions.map((question) => shared.search(question, 20))).toEqual(expected);
  });
});

describe('ScanVectorIndex.load on two threads', () => {
  it('loads a file large enough for the helper thread to the same searches, with the thread started', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'footnote-scan-'));
    try {
      const dimensions = 8;
      const entries = sparseVectors(40_000, dimensions, 0.6, 31).map((embedding, id) => ({ id, embedding }));
      const questions = sparseVectors(20, dimensions, 0.5, 32);
      const index = ScanVectorIndex.rebuild(dimensions, entries);
      index.close();
      const file = path.join(dir, 'vectors.scan');
      index.save(file);
      const loaded = ScanVectorIndex.load(file, dimensions);
      expect(questions.map((question) => loaded.search(question, 20))).toEqual(
        questions.map((question) => index.search(question, 20)),
      );
      // The load started the thread: it comes up with no search to start it.
      await new Promise<void>((resolve) => {
        const poll = () => (loaded.helperReady ? resolve() : setTimeout(poll, 10));
        poll();
      });
      loaded.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('ScanVectorIndex.searchLater', () => {
  it('gives what search gives, also when another search runs before it is finished', async () => {
    const dimensions = 8;
    const entries = sparseVectors(40_000, dimensions, 0.6, 21).map((embedding, id) => ({ id, embedding }));
    const [first, second] = sparseVectors(2, dimensions, 0.5, 22) as [Float32Array, Float32Array];
    const index = ScanVectorIndex.rebuild(dimensions, entries);
    const expected = [index.search(first, 15), index.search(second, 15)];
    await new Promise<void>((resolve) => {
      const poll = () => (index.helperReady ? resolve() : setTimeout(poll, 10));
      poll();
    });
    const later = index.searchLater(first, 15);
    // A second search between the two steps: it waits for the helper, scans alone, and leaves the first its sums.
    expect(index.search(second, 15)).toEqual(expected[1]);
    expect(later()).toEqual(expected[0]);
    expect(index.searchLater(second, 15)()).toEqual(expected[1]);
    index.close();
  });
});
