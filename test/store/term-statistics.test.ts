import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ChunkRepository } from '../../src/store/chunk-repository.js';
import { openDatabase } from '../../src/store/database.js';
import { createTermStatistics } from '../../src/store/term-statistics.js';
import { newChunks } from '../helpers/new-chunks.js';

let indexDir: string;

beforeEach(() => {
  indexDir = fs.mkdtempSync(path.join(os.tmpdir(), 'footnote-statistics-'));
  const db = openDatabase(indexDir);
  const repository = new ChunkRepository(db);
  repository.replaceFile(
    { path: 'a.txt', hash: 'h', size: 1, mtimeMs: 0, format: 'text', title: null },
    newChunks('a.txt', ['Herons wade.', 'Herons fly.']),
  );
  db.close();
});

afterEach(() => {
  fs.rmSync(indexDir, { recursive: true, force: true });
});

describe('createTermStatistics', () => {
  it('reads the counts the index keeps', () => {
    const db = openDatabase(indexDir);
    // A count only the table holds shows where it was read.
    db.prepare("UPDATE term_passages SET passages = 7 WHERE term = 'heron'").run();
    const statistics = createTermStatistics(db);

    expect(statistics.passageCount).toBe(2);
    expect([...statistics.documentFrequency(['heron', 'wade', 'stork'])]).toEqual([
      ['heron', 7],
      ['wade', 1],
      ['stork', 0],
    ]);
    db.close();
  });

  it("counts from FTS5's vocabulary while the kept counts wait for a rebuild", () => {
    const db = openDatabase(indexDir);
    db.prepare("UPDATE term_passages SET passages = 7 WHERE term = 'heron'").run();
    new ChunkRepository(db).suspendTermCounts();

    expect([...createTermStatistics(db).documentFrequency(['heron'])]).toEqual([['heron', 2]]);
    db.close();
  });

  it("counts from FTS5's vocabulary in a read-only index that keeps no counts", () => {
    const writable = openDatabase(indexDir);
    writable.exec('DROP TABLE term_passages');
    writable.pragma('user_version = 4');
    writable.close();
    const db = openDatabase(indexDir, { readonly: true });

    expect([...createTermStatistics(db).documentFrequency(['heron', 'fly'])]).toEqual([
      ['heron', 2],
      ['fly', 1],
    ]);
    db.close();
  });
});
