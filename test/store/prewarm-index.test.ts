import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { createFootnote } from '../../src/footnote.js';
import { openDatabase } from '../../src/store/database.js';
import { prewarmIndex } from '../../src/store/prewarm-index.js';
import { createTempCorpus, type TempCorpus } from '../helpers/temp-corpus.js';
import { drain, makeTestConfig } from '../helpers/test-config.js';

const FILES = Object.fromEntries(
  Array.from({ length: 12 }, (_, n) => [
    `note-${n}.txt`,
    `Note ${n} is about the heron colony number ${n}.\n\nThe colony nests in reed beds beside lake ${n}.`,
  ]),
);

let corpus: TempCorpus;
let indexDir: string;
let db: Database.Database;

/** Rows the walk should read: every row of the three tables it covers. */
function tableRows(): number {
  const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  return count('chunk_terms') + count('chunks_fts_docsize') + count('chunks_fts_data');
}

beforeAll(async () => {
  corpus = createTempCorpus(FILES);
  const config = makeTestConfig(corpus.root);
  indexDir = config.index;
  const footnote = createFootnote(config);
  await drain(footnote.ingest());
  footnote.close();
  db = openDatabase(indexDir, { readonly: true });
});

afterAll(() => {
  db.close();
  corpus.cleanup();
  fs.rmSync(indexDir, { recursive: true, force: true });
});

describe('prewarmIndex', () => {
  it('reads every row of the sentence terms and of FTS5’s postings and lengths', async () => {
    const report = await prewarmIndex(db);
    expect(report).toEqual({ rows: tableRows(), stopped: false });
    expect(report.rows).toBeGreaterThan(24);
  });

  it('reads the same rows in slices of one, yielding to the event loop between slices', async () => {
    let immediateRan = false;
    setImmediate(() => (immediateRan = true));
    const seenBySlice: boolean[] = [];
    const report = await prewarmIndex(db, {
      sliceRows: 1,
      shouldStop: () => {
        seenBySlice.push(immediateRan);
        return false;
      },
    });
    expect(report).toEqual({ rows: tableRows(), stopped: false });
    expect(seenBySlice.slice(0, 2)).toEqual([false, true]);
  });

  it('stops when told to, saying so', async () => {
    let slices = 0;
    const report = await prewarmIndex(db, { sliceRows: 1, shouldStop: () => ++slices > 3 });
    expect(report).toEqual({ rows: 3, stopped: true });
  });
});

describe('footnote.warmUp', () => {
  it('opens the index ahead of the question, and the question then finds its passage', async () => {
    const footnote = createFootnote({ ...makeTestConfig(corpus.root), index: indexDir });
    try {
      const [warmed, passages] = await Promise.all([footnote.warmUp(), footnote.retrieve('Where does colony 7 nest?')]);
      expect(warmed).toBe(true);
      expect(passages[0]?.source).toBe('note-7.txt');
    } finally {
      footnote.close();
    }
  });

  it('stops without opening the index when its signal has fired', async () => {
    const footnote = createFootnote({ ...makeTestConfig(corpus.root), index: indexDir });
    try {
      await expect(footnote.warmUp({ signal: AbortSignal.abort() })).resolves.toBe(false);
    } finally {
      footnote.close();
    }
  });

  it('stops when the index is closed while it opens, and leaves it closed', async () => {
    const footnote = createFootnote({ ...makeTestConfig(corpus.root), index: indexDir });
    const warming = footnote.warmUp();
    footnote.close();
    await expect(warming).resolves.toBe(false);
    // A question after the close opens the index afresh.
    const passages = await footnote.retrieve('Where does colony 3 nest?');
    expect(passages[0]?.source).toBe('note-3.txt');
    footnote.close();
  });

  it('rejects as a question would when there is no index', async () => {
    const footnote = createFootnote(makeTestConfig(corpus.root));
    try {
      await expect(footnote.warmUp()).rejects.toMatchObject({ code: 'INDEX_NOT_FOUND' });
    } finally {
      footnote.close();
    }
  });
});
