import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFootnote } from '../../src/footnote.js';
import type { Footnote } from '../../src/footnote-types.js';
import type { IngestEvent } from '../../src/ingest/ingest-report.js';
import { createFolderSource, type DocumentSource } from '../../src/ingest/document-source.js';
import { runIngest } from '../../src/ingest/run-ingest.js';
import { FootnoteError } from '../../src/shared/errors.js';
import { ChunkRepository } from '../../src/store/chunk-repository.js';
import { openDatabase } from '../../src/store/database.js';
import { acquireIndexLock } from '../../src/store/index-lock.js';
import { areTermCountsSuspended } from '../../src/store/term-passage-counts.js';
import { countJournal, isFlat } from '../../src/store/index-state.js';
import { TOKENIZER_VERSION } from '../../src/text/tokenize.js';
import { SCAN_FILE_NAME, ScanVectorIndex } from '../../src/store/scan-vector-index.js';
import { VECTORS_FILE_NAME, VectorIndex } from '../../src/store/vector-index.js';
import { LocalEmbedder } from '../../src/embed/local-embedder.js';
import { FakeEmbedder } from '../helpers/fake-embedder.js';
import { createTempCorpus, type TempCorpus } from '../helpers/temp-corpus.js';
import { drain, makeTestConfig } from '../helpers/test-config.js';

const paragraph = (topic: string) =>
  `The ${topic} paragraph explains how ${topic} works in practice, with enough words to stand alone as a passage of its own here.`;

let corpus: TempCorpus;
afterEach(() => corpus?.cleanup());

/** `graph`: keep an HNSW graph however small the index (see FLAT_MAX_NUMBERS), for the tests of the vector file. */
function setup(files: Record<string, string | Uint8Array>, chunking = { chunkSize: 200, chunkOverlap: 0 }, options: { graph?: boolean } = {}) {
  corpus = createTempCorpus(files);
  const config = makeTestConfig(corpus.root, chunking);
  const embedder = new FakeEmbedder();
  const footnote = createFootnote(config, { embedder, ...(options.graph === true ? { flatMaxNumbers: 0 } : {}) });
  return { config, embedder, footnote };
}

/** File `i` of {@link topicCorpus}: `f07.md`. */
const topicFile = (i: number) => `f${String(i).padStart(2, '0')}.md`;

/**
 * A fresh corpus of `count` one-paragraph files (`f00.md` about `topic0`, …)
 * and a config that chunks them as the vector-file tests expect: each run
 * decides from an estimate of the chunks its files make, made for this chunk size.
 */
function topicCorpus(count: number) {
  corpus = createTempCorpus(Object.fromEntries(Array.from({ length: count }, (_, i) => [topicFile(i), paragraph(`topic${i}`)])));
  return makeTestConfig(corpus.root, { chunkSize: 200, chunkOverlap: 0 });
}

/** Runs an index run, cancelling it at its first `type` event, and expects it to end in ABORTED. */
async function expectCancelledAt(footnote: Footnote, type: IngestEvent['type']): Promise<void> {
  const controller = new AbortController();
  await expect((async () => {
    for await (const event of footnote.ingest({ signal: controller.signal })) {
      if (event.type === type) controller.abort();
    }
  })()).rejects.toMatchObject({ code: 'ABORTED' });
}

/** Marks the vector file untrusted, as a run killed before its save leaves it. */
function markVectorsDirty(indexDir: string): void {
  const db = openDatabase(indexDir);
  new ChunkRepository(db).setMeta('vectors_state', 'dirty');
  db.close();
}

describe('runIngest', () => {
  it('indexes every file and reports counts', async () => {
    const { footnote } = setup({ 'a.md': paragraph('alpha'), 'b.txt': paragraph('beta') });
    const { value: report } = await drain(footnote.ingest());
    expect(report).toMatchObject({ added: 2, changed: 0, removed: 0, unchanged: 0, chunks: 2, embeddingsComputed: 2 });
    expect(report.failed).toEqual([]);
  });

  it('re-embeds only the changed chunk', async () => {
    const text = [paragraph('alpha'), paragraph('beta'), paragraph('gamma')].join('\n\n');
    const { footnote, embedder } = setup({ 'doc.md': text });
    await drain(footnote.ingest());
    expect(embedder.calls.flat()).toHaveLength(3);
    embedder.calls.length = 0;

    corpus.write('doc.md', text.replace(paragraph('beta'), paragraph('delta')));
    const { value: report } = await drain(footnote.ingest());
    expect(embedder.calls.flat()).toEqual([`doc\n\n${paragraph('delta')}`]);
    expect(report).toMatchObject({ changed: 1, embeddingsComputed: 1, embeddingsReused: 2, chunks: 3 });
  });

  it('reuses the embeddings of a file moved to another folder instead of computing them again', async () => {
    const text = [paragraph('alpha'), paragraph('beta')].join('\n\n');
    const { footnote, embedder } = setup({ 'notes.md': text });
    await drain(footnote.ingest());
    embedder.calls.length = 0;
    corpus.remove('notes.md');
    corpus.write('archive/notes.md', text);
    const { value: report } = await drain(footnote.ingest());
    expect(report).toMatchObject({ added: 1, removed: 1, embeddingsComputed: 0, embeddingsReused: 2, chunks: 2 });
    expect(embedder.calls).toEqual([]);
  });

  it('embeds a renamed file again, under its new name', async () => {
    const { footnote, embedder } = setup({ 'old-notes.md': paragraph('alpha') });
    await drain(footnote.ingest());
    embedder.calls.length = 0;
    corpus.remove('old-notes.md');
    corpus.write('harbor-notes.md', paragraph('alpha'));
    const { value: report } = await drain(footnote.ingest());
    expect(embedder.calls.flat()).toEqual([`harbor notes\n\n${paragraph('alpha')}`]);
    expect(report).toMatchObject({ added: 1, removed: 1, embeddingsComputed: 1, embeddingsReused: 0 });
  });

  it('says in embed-progress how many embeddings were computed and reused so far', async () => {
    const text = [paragraph('alpha'), paragraph('beta')].join('\n\n');
    // One name in two folders: the same title, so the same embedding inputs.
    const { footnote } = setup({ 'doc.md': text, 'copy/doc.md': text });
    const { events } = await drain(footnote.ingest());
    expect(events.filter((event) => event.type === 'embed-progress')).toEqual([
      { type: 'embed-progress', done: 2, total: 2, embeddingsComputed: 2, embeddingsReused: 2 },
    ]);
  });

  it('does not read or embed anything when nothing changed', async () => {
    const { footnote, embedder } = setup({ 'a.md': paragraph('alpha') });
    await drain(footnote.ingest());
    embedder.calls.length = 0;
    const { value: report } = await drain(footnote.ingest());
    expect(report).toMatchObject({ added: 0, changed: 0, unchanged: 1, embeddingsComputed: 0 });
    expect(embedder.calls).toEqual([]);
  });

  it('counts a touched but identical file as unchanged', async () => {
    const { footnote, embedder } = setup({ 'a.md': paragraph('alpha') });
    await drain(footnote.ingest());
    const later = new Date(Date.now() + 5_000);
    fs.utimesSync(`${corpus.root}/a.md`, later, later);
    embedder.calls.length = 0;
    const { value: report } = await drain(footnote.ingest());
    expect(report).toMatchObject({ changed: 0, unchanged: 1 });
    expect(embedder.calls).toEqual([]);
  });

  it('removes a deleted file from keyword and vector search', async () => {
    const { footnote } = setup({ 'keep.md': paragraph('alpha'), 'gone.md': paragraph('zeppelin') });
    await drain(footnote.ingest());
    expect((await footnote.retrieve('zeppelin', { k: 5 })).map((p) => p.source)).toContain('gone.md');

    corpus.remove('gone.md');
    const { value: report } = await drain(footnote.ingest());
    expect(report).toMatchObject({ removed: 1, chunks: 1 });
    const passages = await footnote.retrieve('zeppelin', { k: 5 });
    expect(passages.map((p) => p.source)).toEqual(['keep.md']);
  });

  it('skips binary and invalid UTF-8 files, lists them, and indexes the rest', async () => {
    const { footnote } = setup({
      'good.txt': paragraph('alpha'),
      'image.png': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]),
      'blob.txt': new Uint8Array([0x68, 0x69, 0x00, 0x01, 0x02]),
      'latin1.txt': new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x20, 0x61]),
    });
    const { value: report, events } = await drain(footnote.ingest());
    expect(report.added).toBe(1);
    expect(report.failed.map((f) => [f.source, f.reason])).toEqual([
      ['blob.txt', 'binary'],
      ['image.png', 'unsupported'],
      ['latin1.txt', 'invalid-utf8'],
    ]);
    expect(events.filter((e) => e.type === 'file-skipped')).toHaveLength(3);
    expect(await footnote.retrieve('alpha', { k: 1 })).toHaveLength(1);
  });

  it('keeps reporting an unchanged broken file without making the index look stale', async () => {
    const { footnote } = setup({ 'good.txt': paragraph('alpha'), 'blob.txt': new Uint8Array([0, 1, 2]) });
    await drain(footnote.ingest());
    expect(await footnote.status()).toMatchObject({ exists: true, stale: false, files: 1 });
    const { value: report } = await drain(footnote.ingest());
    expect(report).toMatchObject({ unchanged: 1, added: 0 });
    expect(report.failed.map((f) => [f.source, f.reason])).toEqual([['blob.txt', 'binary']]);

    corpus.write('blob.txt', paragraph('repaired'));
    expect((await footnote.status()).stale).toBe(true);
    const { value: repaired } = await drain(footnote.ingest());
    expect(repaired).toMatchObject({ added: 1, failed: [] });
  });

  it('keeps the previous index answering when a run is cancelled mid-way', async () => {
    const files = Object.fromEntries(
      Array.from({ length: 40 }, (_, i) => [`f${String(i).padStart(2, '0')}.md`, paragraph(`topic${i}`)]),
    );
    const { footnote } = setup({ 'first.md': paragraph('zeppelin') });
    await drain(footnote.ingest());
    for (const [name, text] of Object.entries(files)) corpus.write(name, text);

    await expectCancelledAt(footnote, 'file-indexed');

    expect((await footnote.retrieve('zeppelin', { k: 1 }))[0]?.source).toBe('first.md');
    const { value: report } = await drain(footnote.ingest());
    expect(report.chunks).toBe(41);
  });

  it('keeps every file of an embedded batch when cancelled during it, so the next run embeds nothing again', async () => {
    const files = Object.fromEntries(
      Array.from({ length: 10 }, (_, i) => [`f${i}.md`, paragraph(`topic${i}`)]),
    );
    const { footnote, embedder } = setup(files);
    await expectCancelledAt(footnote, 'file-indexed');

    const callsBefore = embedder.calls.length;
    const { value: report } = await drain(footnote.ingest());
    expect(report).toMatchObject({ added: 0, unchanged: 10, embeddingsComputed: 0, chunks: 10 });
    expect(embedder.calls.slice(callsBefore)).toEqual([]);
  });

  it('finishes a re-chunking run that was cancelled halfway, on the next run with the same setting', async () => {
    const files = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [
      `f${String(i).padStart(2, '0')}.md`,
      Array.from({ length: 8 }, (_, j) => paragraph(`topic${i}x${j}`)).join('\n\n'),
    ]));
    const { config } = setup(files);
    const first = createFootnote(config, { embedder: new FakeEmbedder() });
    await drain(first.ingest());
    first.close();
    const wider = { ...config, chunkSize: 400 };
    const rechunk = createFootnote(wider, { embedder: new FakeEmbedder() });
    await expectCancelledAt(rechunk, 'file-indexed');
    const { value: report } = await drain(rechunk.ingest());
    rechunk.close();

    const fresh = createFootnote({ ...wider, index: makeTestConfig(corpus.root).index }, { embedder: new FakeEmbedder() });
    const { value: expected } = await drain(fresh.ingest());
    fresh.close();
    expect(report.changed).toBeGreaterThan(0);
    expect(report.chunks).toBe(expected.chunks);
    expect(expected.chunks).toBeLessThan(320);
  });

  it('saves a missing, damaged or dirty vector file on a run with no file to index', async () => {
    const { footnote, config } = setup({ 'a.md': paragraph('alpha'), 'b.md': paragraph('beta') }, undefined, { graph: true });
    await drain(footnote.ingest());
    const vectorsPath = path.join(config.index, VECTORS_FILE_NAME);
    fs.rmSync(vectorsPath);
    await drain(footnote.ingest());
    expect(fs.existsSync(vectorsPath)).toBe(true);

    fs.writeFileSync(vectorsPath, 'garbage');
    await drain(footnote.ingest());
    expect(fs.statSync(vectorsPath).size).toBeGreaterThan(100);

    markVectorsDirty(config.index);
    await drain(footnote.ingest());
    const check = openDatabase(config.index, { readonly: true });
    expect(new ChunkRepository(check).getMeta('vectors_state')).toBe('clean');
    check.close();
    expect((await footnote.retrieve('beta', { k: 1 }))[0]?.source).toBe('b.md');
  });

  it('builds the whole graph anew when files change while the vector file is dirty or gone', async () => {
    const files = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`f${i}.md`, paragraph(`topic${i}`)]));
    const { footnote, config, embedder } = setup(files, undefined, { graph: true });
    await drain(footnote.ingest());
    const vectorsPath = path.join(config.index, VECTORS_FILE_NAME);
    for (const damage of [() => markVectorsDirty(config.index), () => fs.rmSync(vectorsPath)]) {
      damage();
      corpus.write('f3.md', paragraph('zebra'));
      corpus.write('f12.md', paragraph('quokka'));
      const { value: report } = await drain(footnote.ingest());
      expect(report.chunks).toBe(13);
      expect(VectorIndex.load(vectorsPath, embedder.identity.dimensions).size).toBe(13);
      expect((await footnote.retrieve('quokka', { k: 1 }))[0]?.source).toBe('f12.md');
      expect((await footnote.retrieve('topic5', { k: 1 }))[0]?.source).toBe('f5.md');
      corpus.remove('f12.md');
      await drain(footnote.ingest());
    }
  });

  it('stops between steps of rebuilding a dirty vector file when cancelled', async () => {
    // More chunks than the centre's sample (256), which goes into the graph at once.
    const files = Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`f${i}.md`, paragraph(`topic${i}`)]));
    const { footnote, config } = setup(files, undefined, { graph: true });
    await drain(footnote.ingest());
    markVectorsDirty(config.index);
    await expectCancelledAt(footnote, 'ingest-start');
    const { value: report } = await drain(footnote.ingest());
    expect(report).toMatchObject({ unchanged: 300, chunks: 300 });
  });

  it('compacts the vector file once deletions pile up', async () => {
    const files = Object.fromEntries(
      Array.from({ length: 160 }, (_, i) => [`f${String(i).padStart(3, '0')}.md`, paragraph(`topic${i}`)]),
    );
    const { footnote, config, embedder } = setup(files, undefined, { graph: true });
    await drain(footnote.ingest());
    for (let i = 0; i < 130; i++) corpus.remove(`f${String(i).padStart(3, '0')}.md`);
    const { value: report } = await drain(footnote.ingest());
    expect(report).toMatchObject({ removed: 130, chunks: 30 });

    const vectors = VectorIndex.load(path.join(config.index, VECTORS_FILE_NAME), embedder.identity.dimensions);
    expect([vectors.size, vectors.deletedCount]).toEqual([30, 0]);
    expect((await footnote.retrieve('topic150', { k: 1 }))[0]?.source).toBe('f150.md');
  });

  it('leaves the vector file alone for a small update, and journals it in the database', async () => {
    const files = Object.fromEntries(
      Array.from({ length: 20 }, (_, i) => [`f${String(i).padStart(2, '0')}.md`, paragraph(`topic${i}`)]),
    );
    const { footnote, config } = setup(files, undefined, { graph: true });
    await drain(footnote.ingest());
    const vectorsPath = path.join(config.index, VECTORS_FILE_NAME);
    const saved = fs.readFileSync(vectorsPath);

    corpus.write('f03.md', paragraph('zebra'));
    corpus.remove('f04.md');
    const { value: report } = await drain(footnote.ingest());
    expect(report).toMatchObject({ changed: 1, removed: 1, chunks: 19 });
    expect(fs.readFileSync(vectorsPath).equals(saved)).toBe(true);
    const db = openDatabase(config.index, { readonly: true });
    try {
      expect(countJournal(new ChunkRepository(db))).toEqual({ saved: 20, added: 1, removed: 2 });
    } finally {
      db.close();
    }
    expect((await footnote.retrieve('zebra', { k: 1 }))[0]?.source).toBe('f03.md');
    expect((await footnote.retrieve('topic4', { k: 20 })).map((passage) => passage.source)).not.toContain('f04.md');
  });

  it('saves the vector file, with the journal in it, once an update is too large to journal', async () => {
    const files = Object.fromEntries(
      Array.from({ length: 20 }, (_, i) => [`f${String(i).padStart(2, '0')}.md`, paragraph(`topic${i}`)]),
    );
    const { footnote, config, embedder } = setup(files, undefined, { graph: true });
    await drain(footnote.ingest());
    corpus.write('f03.md', paragraph('zebra'));
    await drain(footnote.ingest());
    // 8 of 20 files removed: over the 20% of saved vectors a journal may hide.
    for (let i = 10; i < 18; i++) corpus.remove(`f${i}.md`);
    await drain(footnote.ingest());

    const db = openDatabase(config.index, { readonly: true });
    try {
      expect(countJournal(new ChunkRepository(db))).toEqual({ saved: 12, added: 0, removed: 0 });
    } finally {
      db.close();
    }
    const vectors = VectorIndex.load(path.join(config.index, VECTORS_FILE_NAME), embedder.identity.dimensions);
    expect(vectors.size).toBe(12);
    expect((await footnote.retrieve('zebra', { k: 1 }))[0]?.source).toBe('f03.md');
  });

  it('keeps a small index flat: no vector file, and questions scan the database', async () => {
    const files = Object.fromEntries(
      Array.from({ length: 20 }, (_, i) => [`f${String(i).padStart(2, '0')}.md`, paragraph(`topic${i}`)]),
    );
    const { footnote, config } = setup(files);
    await drain(footnote.ingest());
    const vectorsPath = path.join(config.index, VECTORS_FILE_NAME);
    expect(fs.existsSync(vectorsPath)).toBe(false);
    expect((await footnote.retrieve('topic7', { k: 1 }))[0]?.source).toBe('f07.md');

    corpus.write('f03.md', paragraph('zebra'));
    corpus.remove('f04.md');
    const { value: report } = await drain(footnote.ingest());
    expect(report).toMatchObject({ changed: 1, removed: 1, chunks: 19 });
    expect(fs.existsSync(vectorsPath)).toBe(false);
    const db = openDatabase(config.index, { readonly: true });
    try {
      const repo = new ChunkRepository(db);
      expect(isFlat(repo)).toBe(true);
      expect(repo.vectorRemovals()).toEqual([]);
    } finally {
      db.close();
    }
    expect((await footnote.retrieve('zebra', { k: 1 }))[0]?.source).toBe('f03.md');
    expect((await footnote.retrieve('topic4', { k: 20 })).map((passage) => passage.source)).not.toContain('f04.md');
  });

  it('drops the graph of an index made before flat indexes, on a run with nothing to index', async () => {
    const files = { 'a.md': paragraph('alpha'), 'b.md': paragraph('beta') };
    const { footnote: before, config } = setup(files, undefined, { graph: true });
    await drain(before.ingest());
    before.close();
    const vectorsPath = path.join(config.index, VECTORS_FILE_NAME);
    expect(fs.existsSync(vectorsPath)).toBe(true);

    const footnote = createFootnote(config, { embedder: new FakeEmbedder() });
    const { value: report } = await drain(footnote.ingest());
    expect(report).toMatchObject({ unchanged: 2, chunks: 2 });
    expect(fs.existsSync(vectorsPath)).toBe(false);
    expect((await footnote.retrieve('beta', { k: 1 }))[0]?.source).toBe('b.md');
    footnote.close();
  });

  it('builds a graph once a flat index outgrows the limit, and drops it below 3/4 of the limit', async () => {
    const name = topicFile;
    const config = topicCorpus(10);
    const embedder = new FakeEmbedder();
    // Room for 20 chunks of the fake embedder's 32 dimensions.
    const footnote = createFootnote(config, { embedder, flatMaxNumbers: 20 * embedder.identity.dimensions });
    const vectorsPath = path.join(config.index, VECTORS_FILE_NAME);
    const state = () => {
      const db = openDatabase(config.index, { readonly: true });
      try {
        return new ChunkRepository(db).getMeta('vectors_state');
      } finally {
        db.close();
      }
    };
    await drain(footnote.ingest());
    expect([state(), fs.existsSync(vectorsPath)]).toEqual(['flat', false]);

    for (let i = 10; i < 30; i++) corpus.write(name(i), paragraph(`topic${i}`));
    await drain(footnote.ingest());
    expect(state()).toBe('clean');
    expect(VectorIndex.load(vectorsPath, embedder.identity.dimensions).size).toBe(30);
    expect((await footnote.retrieve('topic25', { k: 1 }))[0]?.source).toBe(name(25));
    expect((await footnote.retrieve('topic5', { k: 1 }))[0]?.source).toBe(name(5));

    // 17 chunks: under the limit, but not under 3/4 of it.
    for (let i = 17; i < 30; i++) corpus.remove(name(i));
    await drain(footnote.ingest());
    expect([state(), fs.existsSync(vectorsPath)]).toEqual(['clean', true]);

    for (let i = 14; i < 17; i++) corpus.remove(name(i));
    await drain(footnote.ingest());
    expect([state(), fs.existsSync(vectorsPath)]).toEqual(['flat', false]);
    expect((await footnote.retrieve('topic13', { k: 1 }))[0]?.source).toBe(name(13));
    footnote.close();
  });

  it('keeps a scan file rather than a graph for the local embedder past the flat limit, and changes kind both ways', async () => {
    const name = topicFile;
    const config = topicCorpus(30);
    const embedder = new LocalEmbedder({ dimensions: 64 });
    const scanning = createFootnote(config, { embedder, flatMaxNumbers: 0 });
    const scanPath = path.join(config.index, SCAN_FILE_NAME);
    const graphPath = path.join(config.index, VECTORS_FILE_NAME);
    const meta = () => {
      const db = openDatabase(config.index, { readonly: true });
      try {
        const repository = new ChunkRepository(db);
        return [repository.getMeta('vectors_state'), repository.getMeta('vectors_kind'), fs.existsSync(scanPath), fs.existsSync(graphPath)];
      } finally {
        db.close();
      }
    };
    await drain(scanning.ingest());
    expect(meta()).toEqual(['clean', 'scan', true, false]);
    expect(ScanVectorIndex.load(scanPath, 64).size).toBe(30);
    expect((await scanning.retrieve('topic25', { k: 1 }))[0]?.source).toBe(name(25));

    // A small change is journalled: the file stays as it was, and readers see the new passage.
    const saved = fs.readFileSync(scanPath);
    corpus.write(name(3), paragraph('zebrafish'));
    await drain(scanning.ingest());
    expect(fs.readFileSync(scanPath).equals(saved)).toBe(true);
    expect((await scanning.retrieve('zebrafish', { k: 1 }))[0]?.source).toBe(name(3));
    scanning.close();

    // Past the scan limit the same index keeps a graph, and the scan file goes; then back.
    const graphing = createFootnote(config, { embedder, flatMaxNumbers: 0, scanMaxNumbers: 0 });
    await drain(graphing.ingest());
    expect(meta()).toEqual(['clean', 'graph', false, true]);
    expect((await graphing.retrieve('zebrafish', { k: 1 }))[0]?.source).toBe(name(3));
    graphing.close();
    const again = createFootnote(config, { embedder, flatMaxNumbers: 0 });
    await drain(again.ingest());
    expect(meta()).toEqual(['clean', 'scan', true, false]);

    // A run killed before its save leaves the file untrusted: the next run, with nothing to index, saves it.
    markVectorsDirty(config.index);
    fs.rmSync(scanPath);
    expect((await again.retrieve('topic7', { k: 1 }))[0]?.source).toBe(name(7));
    await drain(again.ingest());
    expect(meta()).toEqual(['clean', 'scan', true, false]);
    expect((await again.retrieve('topic7', { k: 1 }))[0]?.source).toBe(name(7));
    again.close();
  });

  it('closes the scan file it loads to update, so that no helper thread outlives the run', async () => {
    const name = topicFile;
    const config = topicCorpus(30);
    const footnote = createFootnote(config, { embedder: new LocalEmbedder({ dimensions: 64 }), flatMaxNumbers: 0 });
    await drain(footnote.ingest());
    // Too many changes for the journal: the run loads the file, updates it and saves it.
    for (let i = 0; i < 10; i++) corpus.write(name(i), paragraph(`changed${i}`));
    const load = vi.spyOn(ScanVectorIndex, 'load');
    const close = vi.spyOn(ScanVectorIndex.prototype, 'close');
    try {
      await drain(footnote.ingest());
      expect(load).toHaveBeenCalledTimes(1);
      expect(close).toHaveBeenCalledTimes(1);
      expect((await footnote.retrieve('changed4', { k: 1 }))[0]?.source).toBe(name(4));
    } finally {
      load.mockRestore();
      close.mockRestore();
      footnote.close();
    }
  });

  it('names the index folder it cannot create', async () => {
    const { config } = setup({ 'a.md': paragraph('alpha') });
    const blocker = path.join(config.index, 'a-file');
    fs.mkdirSync(config.index, { recursive: true });
    fs.writeFileSync(blocker, '');
    const footnote = createFootnote({ ...config, index: path.join(blocker, 'index') }, { embedder: new FakeEmbedder() });
    await expect(drain(footnote.ingest())).rejects.toMatchObject({ code: 'INDEX_UNWRITABLE', exitCode: 1 });
  });

  it('says so when the index folder is a file, rather than failing on its lock file', async () => {
    const { config } = setup({ 'a.md': paragraph('alpha') });
    const file = `${config.index}.txt`;
    fs.writeFileSync(file, 'not an index');
    const footnote = createFootnote({ ...config, index: file }, { embedder: new FakeEmbedder() });
    await expect(drain(footnote.ingest())).rejects.toMatchObject({
      code: 'INDEX_UNWRITABLE',
      message: `cannot write the index folder ${file}: it is a file, not a folder`,
    });
    expect(fs.readFileSync(file, 'utf8')).toBe('not an index');
  });

  it('refuses a second writer while the lock is held', async () => {
    const { footnote, config } = setup({ 'a.md': paragraph('alpha') });
    fs.mkdirSync(config.index, { recursive: true });
    const lock = acquireIndexLock(config.index);
    try {
      const error = await drain(footnote.ingest()).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(FootnoteError);
      expect((error as FootnoteError).code).toBe('INDEX_LOCKED');
      expect((error as FootnoteError).message).toContain(String(process.pid));
    } finally {
      lock.release();
    }
    await drain(footnote.ingest());
  });

  it('asks for a rebuild when the index was built with another embedder', async () => {
    const { footnote, config } = setup({ 'a.md': paragraph('alpha') });
    await drain(footnote.ingest());
    const other = createFootnote(config, { embedder: new FakeEmbedder({ id: 'other' }) });
    await expect(drain(other.ingest())).rejects.toMatchObject({ code: 'EMBEDDER_MISMATCH' });
    await expect(other.retrieve('alpha')).rejects.toMatchObject({ code: 'EMBEDDER_MISMATCH' });
    const { value: report } = await drain(other.ingest({ full: true }));
    expect(report).toMatchObject({ full: true, added: 1, chunks: 1 });
    expect(await other.retrieve('alpha')).toHaveLength(1);
  });

  it('says so in one line, then rebuilds unasked, when the index was made by another tokenizer version', async () => {
    const { footnote, config } = setup({ 'a.md': paragraph('alpha') });
    await drain(footnote.ingest());
    const db = openDatabase(config.index);
    new ChunkRepository(db).setMeta('tokenizer', '1');
    db.close();
    const reopened = createFootnote(config, { embedder: new FakeEmbedder() });
    const error = await reopened.retrieve('alpha').catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'TOKENIZER_MISMATCH',
      exitCode: 1,
      message: `the index was built with tokenizer version 1, but this footnote splits words with version ${TOKENIZER_VERSION}`,
      hint: 'run `footnote index` to rebuild the index with the current tokenizer',
    });
    expect(await reopened.status()).toMatchObject({ outdated: true, stale: true, embedderMismatch: false });
    const { value: report } = await drain(reopened.ingest());
    expect(report).toMatchObject({ full: true, added: 1, chunks: 1 });
    expect(await reopened.retrieve('alpha')).toHaveLength(1);
    expect(await reopened.status()).toMatchObject({ outdated: false, stale: false });
  });

  it('rebuilds unasked an index of another size of the offline embedder, but not of another embedder', async () => {
    const { config } = setup({ 'a.md': paragraph('alpha') });
    await drain(createFootnote(config, { embedder: new LocalEmbedder({ dimensions: 64 }) }).ingest());
    const upgraded = createFootnote(config, { embedder: new LocalEmbedder() });
    expect(await upgraded.status()).toMatchObject({ outdated: true, stale: true, embedderMismatch: false });
    const { value: report } = await drain(upgraded.ingest());
    expect(report).toMatchObject({ full: true, added: 1, chunks: 1 });
    expect(await upgraded.retrieve('alpha')).toHaveLength(1);

    const other = createFootnote(config, { embedder: new FakeEmbedder() });
    expect(await other.status()).toMatchObject({ outdated: false, stale: false, embedderMismatch: true });
    await expect(drain(other.ingest())).rejects.toMatchObject({ code: 'EMBEDDER_MISMATCH' });
  });

  it('takes an index that never recorded its tokenizer for version 1', async () => {
    const { footnote, config } = setup({ 'a.md': paragraph('alpha') });
    await drain(footnote.ingest());
    const db = openDatabase(config.index);
    db.prepare("DELETE FROM meta WHERE key = 'tokenizer'").run();
    db.close();
    const reopened = createFootnote(config, { embedder: new FakeEmbedder() });
    await expect(reopened.retrieve('alpha')).rejects.toMatchObject({ code: 'TOKENIZER_MISMATCH', facts: { indexed: '1' } });
  });

  it('re-chunks every file when the chunk size changes, reusing identical embeddings', async () => {
    const text = [paragraph('alpha'), paragraph('beta')].join('\n\n');
    const { config, embedder } = setup({ 'doc.md': text });
    await drain(createFootnote(config, { embedder }).ingest());
    embedder.calls.length = 0;
    const bigger = createFootnote({ ...config, chunkSize: 1000 }, { embedder });
    const { value: report } = await drain(bigger.ingest());
    expect(report).toMatchObject({ changed: 1, chunks: 1 });
    expect(embedder.calls.flat()).toEqual([`doc\n\n${text}`]);
  });
});

describe('runIngest and what it embeds', () => {
  // With 200-character passages, the setup paragraph is a passage of its own, below its headings.
  const guide = (heading: string) => `# Guide\n\n## ${heading}\n\n${paragraph('intro')}\n\n${paragraph('setup')}`;

  it('embeds a Markdown passage under its section, an HTML passage under the page title, a text one under its file name', async () => {
    const { footnote, embedder } = setup({
      'guide.md': guide('Install'),
      'page.html': `<title>Harbor page</title><p>${paragraph('intro')}</p><p>${paragraph('harbor')}</p>`,
      'plain.txt': paragraph('plain'),
    });
    await drain(footnote.ingest());
    const embedded = embedder.calls.flat();
    expect(embedded).toContain(`Guide › Install\n\n${paragraph('setup')}`);
    expect(embedded).toContain(`Harbor page\n\n${paragraph('harbor')}`);
    expect(embedded).toContain(`plain\n\n${paragraph('plain')}`);
  });

  it('embeds an HTML page\'s first passage under its title once, and keeps the title out of the cited text', async () => {
    const { footnote, embedder } = setup({
      'page.html': `<title>Harbor page</title><p>${paragraph('intro')}</p><p>${paragraph('harbor')}</p>`,
    });
    await drain(footnote.ingest());
    expect(embedder.calls.flat()).toEqual([
      `Harbor page\n\n${paragraph('intro')}`,
      `Harbor page\n\n${paragraph('harbor')}`,
    ]);
    const [first] = await footnote.retrieve('intro paragraph', { k: 1 });
    expect(first).toMatchObject({ title: 'Harbor page', text: paragraph('intro'), startLine: 1, startOffset: 0 });
    footnote.close();
  });

  it('embeds a passage again when only its heading changed, and reuses it when only its lines moved', async () => {
    const { footnote, embedder } = setup({ 'guide.md': guide('Install') });
    await drain(footnote.ingest());
    embedder.calls.length = 0;

    corpus.write('guide.md', guide('Setup'));
    await drain(footnote.ingest());
    expect(embedder.calls.flat()).toContain(`Guide › Setup\n\n${paragraph('setup')}`);
    embedder.calls.length = 0;

    corpus.write('guide.md', `\n\n${guide('Setup')}`);
    const { value: report } = await drain(footnote.ingest());
    expect(embedder.calls).toEqual([]);
    expect(report).toMatchObject({ changed: 1, embeddingsComputed: 0, embeddingsReused: 2 });
  });
});

describe('runIngest and a file it could not read', () => {
  it('indexes it once it can be read again, though its size and mtime did not change (chmod)', async () => {
    corpus = createTempCorpus({ 'a.md': paragraph('alpha'), 'locked.md': paragraph('caracal') });
    const folder = createFolderSource(corpus.root);
    let locked = true;
    const denied = () => Promise.reject(Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' }));
    // As root (CI) chmod does not stop reads, so the source refuses as the file system would.
    const source: DocumentSource = {
      ...folder,
      hash: (document, signal) => (locked && document.source === 'locked.md' ? denied() : folder.hash(document, signal)),
      read: (document, signal) => (locked && document.source === 'locked.md'
        ? Promise.resolve({
          hash: `unreadable:${document.mtimeMs}`,
          outcome: { kind: 'skipped', skipped: { source: document.source, reason: 'unreadable', detail: 'EACCES' } },
        })
        : folder.read(document, signal)),
    };
    const settings = { indexDir: makeTestConfig(corpus.root).index, source, embedder: new FakeEmbedder(), chunking: { chunkSize: 200, chunkOverlap: 0 } };
    const { value: first } = await drain(runIngest(settings));
    expect(first.failed.map((file) => file.reason)).toEqual(['unreadable']);
    const { value: still } = await drain(runIngest(settings));
    expect(still).toMatchObject({ added: 0, unchanged: 1 });
    expect(still.failed.map((file) => file.source)).toEqual(['locked.md']);

    locked = false;
    const { value: fixed } = await drain(runIngest(settings));
    expect(fixed).toMatchObject({ added: 1, failed: [], chunks: 2 });
  });
});

describe('runIngest and files deleted while it runs', () => {
  it('treats a file deleted after the listing as removed, not as unreadable', async () => {
    corpus = createTempCorpus({ 'a.md': paragraph('alpha'), 'b.md': paragraph('beta') });
    const folder = createFolderSource(corpus.root);
    const deleteAfterListing: string[] = [];
    const source: DocumentSource = {
      ...folder,
      async list(signal) {
        const listed = await folder.list(signal);
        for (const file of deleteAfterListing) corpus.remove(file);
        return listed;
      },
    };
    const settings = { indexDir: makeTestConfig(corpus.root).index, source, embedder: new FakeEmbedder(), chunking: { chunkSize: 200, chunkOverlap: 0 } };
    await drain(runIngest(settings));

    corpus.write('b.md', paragraph('bravo'));
    corpus.write('c.md', paragraph('gamma'));
    deleteAfterListing.push('b.md', 'c.md');
    const { value: report, events } = await drain(runIngest(settings));
    expect(report).toMatchObject({ added: 0, changed: 0, removed: 1, unchanged: 1, failed: [], chunks: 1 });
    expect(events.filter((event) => event.type === 'file-removed')).toEqual([{ type: 'file-removed', source: 'b.md' }]);
  });
});

describe('runIngest and links that lead nowhere', () => {
  it('reports a broken link as skipped, once, and keeps the index fresh', async () => {
    const { footnote } = setup({ 'a.md': paragraph('alpha') });
    fs.symlinkSync(path.join(corpus.root, 'gone.md'), path.join(corpus.root, 'broken.md'));
    const { value: first } = await drain(footnote.ingest());
    expect(first.failed).toEqual([{ source: 'broken.md', reason: 'unreadable', detail: 'a link to nothing; fix or remove the link' }]);
    const { value: second } = await drain(footnote.ingest());
    expect(second).toMatchObject({ added: 0, unchanged: 1 });
    expect(second.failed.map((file) => file.source)).toEqual(['broken.md']);
    expect((await footnote.status()).stale).toBe(false);
    footnote.close();
  });
});

describe('runIngest and files that are not regular files', () => {
  it.skipIf(process.platform === 'win32')('lists a FIFO and a link to /dev/zero as skipped, never opening them', async () => {
    const { footnote } = setup({ 'a.md': paragraph('alpha') });
    execFileSync('mkfifo', [path.join(corpus.root, 'pipe.txt')]);
    fs.symlinkSync('/dev/zero', path.join(corpus.root, 'zero.txt'));
    const detail = 'not a regular file (a pipe, socket or device, or a link to one); footnote does not open it';
    const { value: first } = await drain(footnote.ingest());
    expect(first).toMatchObject({ added: 1, failed: [
      { source: 'pipe.txt', reason: 'unsupported', detail },
      { source: 'zero.txt', reason: 'unsupported', detail },
    ] });
    const { value: second } = await drain(footnote.ingest());
    expect(second).toMatchObject({ added: 0, unchanged: 1 });
    expect(second.failed.map((file) => file.source)).toEqual(['pipe.txt', 'zero.txt']);
    expect((await footnote.status()).stale).toBe(false);
    footnote.close();
  });
});

describe('runIngest with the index inside the corpus', () => {
  it.each([
    ['a folder of the corpus', 'embeddings'],
    ['the corpus folder itself', '.'],
  ])('leaves the index out when it is %s, so a second run finds nothing changed', async (_, indexFolder) => {
    corpus = createTempCorpus({ 'a.md': paragraph('alpha') });
    const config = makeTestConfig(corpus.root, { index: path.join(corpus.root, indexFolder), chunkSize: 200, chunkOverlap: 0 });
    const footnote = createFootnote(config, { embedder: new FakeEmbedder() });
    try {
      const { value: first } = await drain(footnote.ingest());
      expect(first).toMatchObject({ added: 1, failed: [] });
      const { value: second } = await drain(footnote.ingest());
      expect(second).toMatchObject({ added: 0, changed: 0, removed: 0, unchanged: 1, failed: [] });
      expect((await footnote.status()).stale).toBe(false);
    } finally {
      footnote.close();
    }
  });
});

describe('runIngest on a worker thread', () => {
  it('builds the vector file on a worker and answers like the in-process path', async () => {
    const files = Object.fromEntries(
      Array.from({ length: 30 }, (_, i) => [`f${String(i).padStart(2, '0')}.md`, paragraph(`topic${i}`)]),
    );
    corpus = createTempCorpus(files);
    const embedder = new FakeEmbedder();
    const reports = [];
    for (const workerMinBytes of [0, Number.POSITIVE_INFINITY]) {
      const indexDir = makeTestConfig(corpus.root).index;
      const { value } = await drain(runIngest({
        indexDir,
        source: createFolderSource(corpus.root),
        embedder,
        chunking: { chunkSize: 200, chunkOverlap: 0 },
        workerMinBytes,
        flatMaxNumbers: 0,
      }));
      const vectors = VectorIndex.load(path.join(indexDir, VECTORS_FILE_NAME), embedder.identity.dimensions);
      const query = embedder.vectorOf(paragraph('topic17'));
      reports.push({ chunks: value.chunks, size: vectors.size, nearest: vectors.search(query, 1)[0]?.id });
    }
    expect(reports[0]).toEqual({ chunks: 30, size: 30, nearest: 18 });
    expect(reports[1]).toEqual(reports[0]);
  });

  it('writes the same database with the text worker as without it, over several batches', async () => {
    const words = ['light', 'sound', 'heat', 'water', 'stone', 'glass', 'paper', 'metal'];
    const files = Object.fromEntries(Array.from({ length: 70 }, (_, i) => [
      `f${String(i).padStart(2, '0')}.md`,
      `# Notes ${i}\n\n` + words.map((word) => `${paragraph(`${word}${i}`)} 我们今天去公园${i}。`).join('\n\n'),
    ]));
    corpus = createTempCorpus(files);
    const dumps = [];
    for (const workerMinBytes of [0, Number.POSITIVE_INFINITY]) {
      const indexDir = makeTestConfig(corpus.root).index;
      const { value } = await drain(runIngest({
        indexDir,
        source: createFolderSource(corpus.root),
        embedder: new LocalEmbedder({ dimensions: 32 }),
        chunking: { chunkSize: 200, chunkOverlap: 0 },
        workerMinBytes,
      }));
      const db = openDatabase(indexDir, { readonly: true });
      dumps.push({
        report: { ...value, seconds: 0 },
        chunks: db.prepare('SELECT id, text, terms, embedding FROM chunks ORDER BY id').all(),
        fts: db.prepare('SELECT rowid, title, text FROM chunks_fts ORDER BY rowid').all(),
      });
      db.close();
    }
    expect(dumps[0]!.chunks.length).toBeGreaterThan(2 * 256);
    expect(dumps[0]).toEqual(dumps[1]);
  });

  it('builds the graph anew on the worker when an update replaces most of the index, and answers as a first run does', async () => {
    const files = Object.fromEntries(
      Array.from({ length: 40 }, (_, i) => [`f${String(i).padStart(2, '0')}.md`, paragraph(`topic${i}`)]),
    );
    corpus = createTempCorpus(files);
    const embedder = new FakeEmbedder();
    const settings = (indexDir: string) => ({
      indexDir, source: createFolderSource(corpus.root), embedder, chunking: { chunkSize: 200, chunkOverlap: 0 }, workerMinBytes: 0, flatMaxNumbers: 0,
    });
    const updated = makeTestConfig(corpus.root).index;
    await drain(runIngest(settings(updated)));
    // 30 of 40 files change: over half of the index is replaced.
    for (let i = 0; i < 30; i++) corpus.write(`f${String(i).padStart(2, '0')}.md`, paragraph(`changed${i}`));
    const { events, value: report } = await drain(runIngest(settings(updated)));
    expect(report).toMatchObject({ changed: 30, unchanged: 10, chunks: 40 });
    expect(events.filter((event) => event.type === 'file-indexed')).toHaveLength(30);
    const fresh = makeTestConfig(corpus.root).index;
    await drain(runIngest(settings(fresh)));

    const nearest = (indexDir: string, topic: string) => {
      const vectors = VectorIndex.load(path.join(indexDir, VECTORS_FILE_NAME), embedder.identity.dimensions);
      const db = openDatabase(indexDir, { readonly: true });
      const repo = new ChunkRepository(db);
      const id = vectors.search(embedder.vectorOf(paragraph(topic)), 1)[0]?.id;
      const text = repo.getChunks(id === undefined ? [] : [id])[0]?.text;
      const state = { size: vectors.size, deleted: vectors.deletedCount, clean: repo.getMeta('vectors_state') };
      db.close();
      return { text, ...state };
    };
    for (const topic of ['changed3', 'topic35', 'changed29']) {
      expect(nearest(updated, topic)).toEqual({ ...nearest(fresh, topic), deleted: 0 });
      expect(nearest(updated, topic)).toMatchObject({ text: paragraph(topic), size: 40, clean: 'clean' });
    }
  });

  it('reuses the embeddings of the index it replaces on --full', async () => {
    const { footnote, embedder } = setup({ 'a.md': paragraph('alpha'), 'b.md': paragraph('beta') });
    await drain(footnote.ingest());
    corpus.write('c.md', paragraph('gamma'));
    embedder.calls.length = 0;
    const { value: report } = await drain(footnote.ingest({ full: true }));
    expect(embedder.calls.flat()).toEqual([`c\n\n${paragraph('gamma')}`]);
    expect(report).toMatchObject({ full: true, added: 3, embeddingsComputed: 1, embeddingsReused: 2 });
    expect((await footnote.retrieve('beta', { k: 1 }))[0]?.source).toBe('b.md');
  });
});

describe('runIngest and the term counts', () => {
  /** The index's term counts and whether they wait for a rebuild, beside what FTS5's vocabulary says. */
  function termCounts(indexDir: string) {
    const db = openDatabase(indexDir, { readonly: true });
    try {
      db.exec("CREATE VIRTUAL TABLE temp.truth USING fts5vocab(main, 'chunks_fts', 'row')");
      const rows = (sql: string) => Object.fromEntries(db.prepare<[], { term: string; n: number }>(sql).all().map((row) => [row.term, row.n]));
      return {
        stored: rows('SELECT term, passages AS n FROM term_passages'),
        truth: rows('SELECT term, doc AS n FROM temp.truth'),
        suspended: areTermCountsSuspended(db),
      };
    } finally {
      db.close();
    }
  }

  it('counts the terms of a first run at its end, and of a small update as it writes', async () => {
    const config = topicCorpus(20);
    const footnote = createFootnote(config, { embedder: new FakeEmbedder() });
    const suspend = vi.spyOn(ChunkRepository.prototype, 'suspendTermCounts');
    await drain(footnote.ingest());
    expect(suspend).toHaveBeenCalledTimes(1);
    const first = termCounts(config.index);
    expect(first.stored).toEqual(first.truth);
    expect(first.stored['topic3']).toBe(1);

    corpus.write(topicFile(3), paragraph('heron'));
    await drain(footnote.ingest());
    footnote.close();
    expect(suspend).toHaveBeenCalledTimes(1);
    const updated = termCounts(config.index);
    expect(updated).toEqual({ stored: updated.truth, truth: updated.truth, suspended: false });
    expect(updated.stored['heron']).toBe(1);
    expect(updated.stored['topic3']).toBeUndefined();
    suspend.mockRestore();
  });

  it('leaves the counts of a stopped first run waiting, and the next run counts them though it writes nothing', async () => {
    const config = topicCorpus(20);
    const footnote = createFootnote(config, { embedder: new FakeEmbedder() });
    await expectCancelledAt(footnote, 'file-indexed');
    expect(termCounts(config.index)).toMatchObject({ stored: {}, suspended: true });

    const { value: report } = await drain(footnote.ingest());
    footnote.close();
    expect(report).toMatchObject({ added: 0, chunksWritten: 0 });
    const resumed = termCounts(config.index);
    expect(resumed).toEqual({ stored: resumed.truth, truth: resumed.truth, suspended: false });
    expect(resumed.stored['topic19']).toBe(1);
  });
});
