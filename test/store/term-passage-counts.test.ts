import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ChunkRepository, type NewFile } from '../../src/store/chunk-repository.js';
import { openDatabase } from '../../src/store/database.js';
import { areTermCountsSuspended } from '../../src/store/term-passage-counts.js';
import { newChunks as chunks } from '../helpers/new-chunks.js';

let indexDir: string;
let db: Database.Database;
let repository: ChunkRepository;

beforeEach(() => {
  indexDir = fs.mkdtempSync(path.join(os.tmpdir(), 'footnote-terms-'));
  db = openDatabase(indexDir);
  repository = new ChunkRepository(db);
});

afterEach(() => {
  db.close();
  fs.rmSync(indexDir, { recursive: true, force: true });
});

function file(filePath: string, title: string | null = null): NewFile {
  return { path: filePath, hash: `hash-of-${filePath}`, size: 1, mtimeMs: 0, format: 'text', title };
}

function storedCounts(): Record<string, number> {
  const rows = db.prepare<[], { term: string; passages: number }>('SELECT term, passages FROM term_passages').all();
  return Object.fromEntries(rows.map((row) => [row.term, row.passages]));
}

/** What FTS5's own vocabulary says: the truth the table must match. */
function vocabularyCounts(): Record<string, number> {
  db.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.truth USING fts5vocab(main, 'chunks_fts', 'row')");
  const rows = db.prepare<[], { term: string; doc: number }>('SELECT term, doc FROM temp.truth').all();
  return Object.fromEntries(rows.map((row) => [row.term, row.doc]));
}

describe('term passage counts', () => {
  it('counts each passage once per term, title and text together', () => {
    repository.replaceFile(file('herons.txt', 'Herons'), chunks('herons.txt', ['Herons wade; a heron waits.', 'Rivers flow.']));

    expect(storedCounts()).toEqual({ a: 1, flow: 1, heron: 2, river: 1, wade: 1, wait: 1 });
  });

  it('agrees with FTS5 where its tokenizer and the JavaScript stemmer part ways', () => {
    // FTS5's porter stems `1950s` and `straße`; unicode61 splits Devanagari at its vowel signs.
    const texts = ['The 1950s saw growth.', 'Die Straße, naïve cafés.', 'हिन्दी भाषा', '我们喜欢读书', 'ΕΛΛΗΝΙΚΆ κείμενος'];
    repository.replaceFile(file('mixed.txt', 'Straßen der 1950s'), chunks('mixed.txt', texts));
    repository.replaceFile(file('more.txt'), chunks('more.txt', ['1950s again', 'खाना']));

    expect(storedCounts()).toEqual(vocabularyCounts());
    // Five passages under the title, one more in the text of more.txt.
    expect(storedCounts()['1950']).toBe(6);
  });

  it('follows replaced and removed files, dropping terms no passage holds', () => {
    repository.replaceFile(file('a.txt'), chunks('a.txt', ['herons wade', 'herons fly']));
    repository.replaceFile(file('b.txt'), chunks('b.txt', ['storks wade']));
    repository.replaceFile(file('a.txt'), chunks('a.txt', ['egrets fly']));
    repository.removeFile('b.txt');

    expect(storedCounts()).toEqual({ egret: 1, fly: 1 });
    expect(storedCounts()).toEqual(vocabularyCounts());
  });

  it('applies a batch of files when the batch commits', () => {
    repository.replaceFile(file('a.txt'), chunks('a.txt', ['herons wade']));
    let during: Record<string, number> = {};
    repository.transaction(() => {
      repository.replaceFile(file('b.txt'), chunks('b.txt', ['herons fly']));
      repository.removeFile('a.txt');
      during = storedCounts();
    });

    expect(during).toEqual({ heron: 1, wade: 1 });
    expect(storedCounts()).toEqual({ fly: 1, heron: 1 });
  });

  it('keeps the counts of a batch that rolls back out', () => {
    repository.replaceFile(file('a.txt'), chunks('a.txt', ['herons wade']));
    expect(() =>
      repository.transaction(() => {
        repository.replaceFile(file('b.txt'), chunks('b.txt', ['storks wade']));
        repository.removeFile('a.txt');
        throw new Error('interrupted');
      }),
    ).toThrow('interrupted');
    repository.replaceFile(file('c.txt'), chunks('c.txt', ['egrets wade']));

    expect(storedCounts()).toEqual({ egret: 1, heron: 1, wade: 2 });
    expect(storedCounts()).toEqual(vocabularyCounts());
  });

  it('counts nothing while suspended, says so to every connection, and counts everything on a rebuild', () => {
    repository.replaceFile(file('a.txt'), chunks('a.txt', ['herons wade']));
    repository.suspendTermCounts();
    repository.replaceFile(file('b.txt'), chunks('b.txt', ['storks wade']));
    repository.removeFile('a.txt');

    expect(storedCounts()).toEqual({ heron: 1, wade: 1 });
    expect(areTermCountsSuspended(db)).toBe(true);
    expect(new ChunkRepository(db).termCountsSuspended).toBe(true);
    repository.rebuildTermCounts();
    expect(storedCounts()).toEqual({ stork: 1, wade: 1 });
    expect(areTermCountsSuspended(db)).toBe(false);
    repository.replaceFile(file('c.txt'), chunks('c.txt', ['egrets wade']));
    expect(storedCounts()).toEqual(vocabularyCounts());
  });

  it('starts again from nothing when the store is cleared', () => {
    repository.replaceFile(file('a.txt'), chunks('a.txt', ['herons wade']));
    repository.clear();
    repository.replaceFile(file('b.txt'), chunks('b.txt', ['storks fly']));

    expect(storedCounts()).toEqual({ fly: 1, stork: 1 });
  });
});
