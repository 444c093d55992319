import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import hnswlib from 'hnswlib-node';
import { CENTER_LABEL, VectorIndex } from '../../src/store/vector-index.js';
import { VectorIndexBuilder } from '../../src/store/vector-index-builder.js';

let dir: string;
let builder: VectorIndexBuilder | null = null;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'footnote-builder-'));
});
afterEach(async () => {
  await builder?.close();
  builder = null;
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A unit vector along `axis` in 4 dimensions, slightly tilted towards the next axis. */
function axisVector(axis: number, tilt = 0): Float32Array {
  const vector = new Float32Array(4);
  vector[axis % 4] = 1;
  vector[(axis + 1) % 4] = tilt;
  return vector;
}

describe('VectorIndexBuilder', () => {
  it('saves a file that VectorIndex loads and searches like one built in-process', async () => {
    builder = VectorIndexBuilder.start(4, 2);
    builder.add(10, axisVector(0));
    builder.add(20, axisVector(1));
    builder.add(30, axisVector(0, 0.5));
    const file = path.join(dir, 'vectors.hnsw');
    await builder.save(file);

    const loaded = VectorIndex.load(file, 4);
    expect(loaded.size).toBe(3);
    expect(loaded.search([1, 0, 0, 0], 3).map((match) => match.id)).toEqual([10, 30, 20]);
    expect(fs.readdirSync(dir)).toEqual(['vectors.hnsw']);
  });

  it('grows past its starting capacity and sends vectors in batches', async () => {
    builder = VectorIndexBuilder.start(4, 1);
    for (let id = 1; id <= 2_000; id++) builder.add(id, axisVector(id, id / 2_000));
    const file = path.join(dir, 'vectors.hnsw');
    await builder.save(file);
    expect(builder.size).toBe(2_000);
    expect(VectorIndex.load(file, 4).size).toBe(2_000);
  });

  it('counts added vectors as backlog until the worker reports them in the graph', async () => {
    builder = VectorIndexBuilder.start(4, 1);
    for (let id = 1; id <= 600; id++) builder.add(id, axisVector(id, id / 600));
    // Nothing can have been reported before the event loop turns.
    expect(builder.backlog).toBe(600);
    await builder.save(path.join(dir, 'vectors.hnsw'));
    expect(builder.backlog).toBe(0);
  });

  it('leaves removed vectors out of the saved index', async () => {
    builder = VectorIndexBuilder.start(4);
    builder.add(1, axisVector(0));
    builder.add(2, axisVector(1));
    builder.remove(1);
    builder.remove(99);
    const file = path.join(dir, 'vectors.hnsw');
    await builder.save(file);
    const loaded = VectorIndex.load(file, 4);
    expect([builder.size, loaded.size, loaded.deletedCount]).toEqual([1, 1, 1]);
    expect(loaded.search([1, 0, 0, 0], 5).map((match) => match.id)).toEqual([2]);
  });

  it('centres the graph on its first vectors, and the loaded file returns cosine distances', async () => {
    builder = VectorIndexBuilder.start(4);
    const vectors = Array.from({ length: 300 }, (_, i) => {
      const vector = Float32Array.from([2, Math.cos(i), Math.sin(i), (i % 7) / 7]);
      return vector.map((value) => value / Math.hypot(...vector));
    });
    vectors.forEach((vector, i) => builder!.add(i + 1, vector));
    const file = path.join(dir, 'vectors.hnsw');
    await builder.save(file);

    const raw = new hnswlib.HierarchicalNSW('ip', 4);
    raw.readIndexSync(file);
    expect(raw.getIdsList()).toContain(CENTER_LABEL);
    const loaded = VectorIndex.load(file, 4);
    expect(loaded.size).toBe(300);
    const [match] = loaded.search(vectors[41]!, 1);
    expect(match?.id).toBe(42);
    expect(match?.distance).toBeCloseTo(0, 5);
  });

  it('keeps an all-zero vector out of harm', async () => {
    builder = VectorIndexBuilder.start(4);
    builder.add(1, new Float32Array(4));
    builder.add(2, axisVector(2));
    const file = path.join(dir, 'vectors.hnsw');
    await builder.save(file);
    const [match] = VectorIndex.load(file, 4).search([0, 0, 1, 0], 1);
    expect(match?.id).toBe(2);
    expect(Number.isNaN(match?.distance)).toBe(false);
  });

  it('rejects a vector of the wrong length', () => {
    builder = VectorIndexBuilder.start(4);
    expect(() => builder?.add(1, new Float32Array(3))).toThrow('vector has 3 dimensions, expected 4');
  });

  it('reports a write that fails and leaves no temporary file', async () => {
    builder = VectorIndexBuilder.start(4);
    builder.add(1, axisVector(0));
    const file = path.join(dir, 'missing-folder', 'vectors.hnsw');
    await expect(builder.save(file)).rejects.toThrow(/ENOENT/);
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
