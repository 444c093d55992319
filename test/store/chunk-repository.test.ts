import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ChunkRepository,
  type NewChunk,
  type NewFile,
} from '../../src/store/chunk-repository.js';
import { openDatabase } from '../../src/store/database.js';
import { toSearchText } from '../../src/store/search-text.js';
import { formatSentenceTerms, tokenizePassage } from '../../src/text/sentence-terms.js';

let indexDir: string;
let db: Database.Database;
let repository: ChunkRepository;

beforeEach(() => {
  indexDir = fs.mkdtempSync(path.join(os.tmpdir(), 'footnote-repo-'));
  db = openDatabase(indexDir);
  repository = new ChunkRepository(db);
});

afterEach(() => {
  db.close();
  fs.rmSync(indexDir, { recursive: true, force: true });
});

function file(filePath: string, overrides: Partial<NewFile> = {}): NewFile {
  return {
    path: filePath,
    hash: `hash-of-${filePath}`,
    size: 100,
    mtimeMs: 1_700_000_000_000.5,
    format: 'text',
    title: null,
    ...overrides,
  };
}

/** One chunk per text, laid out on consecutive lines. */
function chunks(source: string, texts: string[]): NewChunk[] {
  let offset = 0;
  return texts.map((text, ordinal) => {
    const startOffset = offset;
    offset += text.length + 1;
    return {
      chunk: {
        source,
        ordinal,
        text,
        startOffset,
        endOffset: startOffset + text.length,
        startLine: ordinal + 1,
        endLine: ordinal + 1,
        page: null,
        section: null,
      },
      textHash: `th:${text}`,
      embedding: Float32Array.from([ordinal, 0.5, -1]),
    };
  });
}

function searchIds(match: string): number[] {
  return repository.searchText(match, 10).map((hit) => hit.id);
}

describe('ChunkRepository', () => {
  it('stores and reads meta values', () => {
    expect(repository.getMeta('embedder')).toBeNull();
    repository.setMeta('embedder', 'local@1');
    repository.setMeta('embedder', 'local@2');
    expect(repository.getMeta('embedder')).toBe('local@2');
  });

  it('lists the files it stores, by path', () => {
    repository.replaceFile(file('b.md', { format: 'markdown', title: 'B' }), []);
    repository.replaceFile(file('a.txt'), chunks('a.txt', ['alpha']));
    expect(repository.listFiles().map(({ id: _id, ...rest }) => rest)).toEqual([
      { path: 'a.txt', hash: 'hash-of-a.txt', size: 100, mtimeMs: 1_700_000_000_000.5, format: 'text', title: null },
      { path: 'b.md', hash: 'hash-of-b.md', size: 100, mtimeMs: 1_700_000_000_000.5, format: 'markdown', title: 'B' },
    ]);
    expect(repository.counts()).toEqual({ files: 2, chunks: 1 });
  });

  it('updates size and mtime of an unchanged file, keeping its chunks', () => {
    repository.replaceFile(file('a.txt'), chunks('a.txt', ['kept']));
    repository.touchFile('a.txt', 7, 42.5);
    repository.touchFile('missing.txt', 1, 1);
    expect(repository.listFiles().map((f) => [f.path, f.hash, f.size, f.mtimeMs])).toEqual([
      ['a.txt', 'hash-of-a.txt', 7, 42.5],
    ]);
    expect(repository.counts()).toEqual({ files: 1, chunks: 1 });
  });

  it('returns stored chunks in the order asked, with source and title, dropping unknown ids', () => {
    const { addedChunkIds } = repository.replaceFile(
      file('notes/a.md', { title: 'Notes', format: 'markdown' }),
      chunks('notes/a.md', ['first line', 'second line']),
    );
    const [first, second] = addedChunkIds as [number, number];
    expect(repository.getChunks([second, 9999, first])).toEqual([
      { id: second, source: 'notes/a.md', title: 'Notes', format: 'markdown', ordinal: 1, text: 'second line', startOffset: 11, endOffset: 22, startLine: 2, endLine: 2, page: null, section: null },
      { id: first, source: 'notes/a.md', title: 'Notes', format: 'markdown', ordinal: 0, text: 'first line', startOffset: 0, endOffset: 10, startLine: 1, endLine: 1, page: null, section: null },
    ]);
  });

  it('replaces the chunks and FTS rows of a file written twice', () => {
    const before = repository.replaceFile(file('a.txt'), chunks('a.txt', ['old giraffe text']));
    const after = repository.replaceFile(
      file('a.txt', { hash: 'new' }),
      chunks('a.txt', ['new zebra text', 'more zebra']),
    );
    expect(after.removedChunkIds).toEqual(before.addedChunkIds);
    expect(searchIds('giraffe')).toEqual([]);
    expect(searchIds('zebra').sort()).toEqual([...after.addedChunkIds].sort());
    expect(repository.getChunks(before.addedChunkIds)).toEqual([]);
    expect(repository.counts()).toEqual({ files: 1, chunks: 2 });
    expect(repository.listFiles().map((f) => f.hash)).toEqual(['new']);
  });

  it('removes a file with its chunks and FTS rows', () => {
    const { addedChunkIds } = repository.replaceFile(file('a.txt'), chunks('a.txt', ['walrus one', 'walrus two']));
    repository.replaceFile(file('b.txt'), chunks('b.txt', ['walrus three']));
    expect(repository.removeFile('a.txt')).toEqual(addedChunkIds);
    expect(searchIds('walrus')).toHaveLength(1);
    expect(repository.listFiles().map((f) => f.path)).toEqual(['b.txt']);
    expect(repository.removeFile('a.txt')).toEqual([]);
  });

  it('never reuses a chunk id after deletion', () => {
    const first = repository.replaceFile(file('a.txt'), chunks('a.txt', ['one', 'two']));
    repository.removeFile('a.txt');
    repository.clear();
    const second = repository.replaceFile(file('a.txt'), chunks('a.txt', ['one', 'two']));
    const highestOld = Math.max(...first.addedChunkIds);
    expect(Math.min(...second.addedChunkIds)).toBeGreaterThan(highestOld);
  });

  it('round-trips embeddings exactly, found by text hash', () => {
    const exact = Float32Array.from([0.1, -2.5e-8, 3.4028234663852886e38, Math.PI]);
    repository.replaceFile(file('a.txt'), [
      { ...chunks('a.txt', ['x'])[0]!, textHash: 'h1', embedding: exact },
    ]);
    const found = repository.findEmbeddings(['h1', 'missing']);
    expect([...found.keys()]).toEqual(['h1']);
    expect(Array.from(found.get('h1')!)).toEqual(Array.from(exact));
  });

  it('finds embeddings for more hashes than one IN batch holds', () => {
    const many = Array.from({ length: 1200 }, (_, i) => `text ${i}`);
    repository.replaceFile(file('a.txt'), chunks('a.txt', many));
    const found = repository.findEmbeddings(many.map((text) => `th:${text}`));
    expect(found.size).toBe(1200);
    expect(Array.from(found.get('th:text 1199')!)).toEqual([1199, 0.5, -1]);
  });

  it('yields every embedding for a rebuild', () => {
    const { addedChunkIds } = repository.replaceFile(file('a.txt'), chunks('a.txt', ['p', 'q']));
    expect([...repository.allEmbeddings()].map(({ id, embedding }) => [id, Array.from(embedding)])).toEqual([
      [addedChunkIds[0], [0, 0.5, -1]],
      [addedChunkIds[1], [1, 0.5, -1]],
    ]);
  });

  it('ranks text matches by BM25, higher scores first', () => {
    const { addedChunkIds } = repository.replaceFile(
      file('a.txt'),
      chunks('a.txt', ['otter', 'otter otter otter swims', 'nothing here']),
    );
    const hits = repository.searchText('otter', 10);
    expect(hits.map((hit) => hit.id)).toEqual([addedChunkIds[1], addedChunkIds[0]]);
    expect(hits[0]!.score).toBeGreaterThan(hits[1]!.score);
    expect(hits[1]!.score).toBeGreaterThan(0);
  });

  it('weights title matches by titleWeight', () => {
    const titled = repository.replaceFile(file('a.txt', { title: 'Badger' }), chunks('a.txt', ['plain words']));
    const plain = repository.replaceFile(file('b.txt'), chunks('b.txt', ['badger mentioned once among many other words']));
    expect(searchIds('badger')[0]).toBe(titled.addedChunkIds[0]);
    const textOnly = repository.searchText('badger', 10, { titleWeight: 0, textWeight: 1 });
    expect(textOnly[0]!.id).toBe(plain.addedChunkIds[0]);
  });

  it('returns no hits for a malformed MATCH expression', () => {
    repository.replaceFile(file('a.txt'), chunks('a.txt', ['hello world']));
    expect(repository.searchText('"unterminated', 10)).toEqual([]);
    expect(repository.searchText('AND OR (', 10)).toEqual([]);
    expect(repository.searchText('nocolumn: hello', 10)).toEqual([]);
  });

  it('finds a Chinese word inside a clause', () => {
    const { addedChunkIds } = repository.replaceFile(file('zh.txt'), chunks('zh.txt', ['我们今天去公园散步。']));
    expect(searchIds(`"${toSearchText('公园')}"`)).toEqual(addedChunkIds);
  });

  it('clears files and chunks but keeps meta', () => {
    repository.setMeta('embedder', 'local@1');
    repository.replaceFile(file('a.txt'), chunks('a.txt', ['heron']));
    repository.clear();
    expect(repository.counts()).toEqual({ files: 0, chunks: 0 });
    expect(searchIds('heron')).toEqual([]);
    expect(repository.getMeta('embedder')).toBe('local@1');
  });

  it('rolls back every write of a failed transaction', () => {
    expect(() =>
      repository.transaction(() => {
        repository.replaceFile(file('a.txt'), chunks('a.txt', ['lynx']));
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(repository.counts()).toEqual({ files: 0, chunks: 0 });
    expect(searchIds('lynx')).toEqual([]);
  });

  it('stores each chunk\'s sentence terms, with the title, for the reranker', () => {
    const { addedChunkIds } = repository.replaceFile(
      file('herons.md', { title: 'Grey herons' }),
      chunks('herons.md', ['Herons wade. They were fishing!', 'Nothing else.']),
    );
    const terms = repository.getSentenceTerms([...addedChunkIds, 999]);
    expect([...terms.keys()]).toEqual(addedChunkIds);
    expect(terms.get(addedChunkIds[0]!)).toBe('grei heron heron wade\nfish');
    expect(terms.get(addedChunkIds[1]!)).toBe(formatSentenceTerms(tokenizePassage('Grey herons', 'Nothing else.')));
  });

  it('searches a Markdown passage by its visible text, not by its link targets', () => {
    const line = '- fix reader ([abc1234](https://github.com/openai/openai-node/commit/abc1234))';
    const [markdown] = repository.replaceFile(file('CHANGELOG.md', { format: 'markdown' }), chunks('CHANGELOG.md', [line])).addedChunkIds;
    const [text] = repository.replaceFile(file('log.txt'), chunks('log.txt', [line])).addedChunkIds;
    expect(searchIds('openai')).toEqual([text]);
    expect(searchIds('reader').sort()).toEqual([markdown, text].sort());
    expect(repository.getSentenceTerms([markdown!]).get(markdown!)).toBe('fix reader abc1234');
    expect(repository.getChunks([markdown!])[0]?.text).toBe(line);
  });

  it('fills the sentence terms of chunks stored before they existed, once (of Markdown, its visible text)', () => {
    const { addedChunkIds } = repository.replaceFile(file('a.md', { format: 'markdown' }), chunks('a.md', ['Herons [wade](https://birds.example/fish).']));
    db.exec('DELETE FROM chunk_terms');
    repository.setMeta('terms_missing', '1');
    expect(repository.getSentenceTerms(addedChunkIds)).toEqual(new Map());
    repository.fillMissingSentenceTerms();
    expect(repository.getSentenceTerms(addedChunkIds)).toEqual(new Map([[addedChunkIds[0]!, 'heron wade']]));
    expect(repository.getMeta('terms_missing')).toBeNull();
  });

  it('reads a version-1 index read-only, whose chunks have no sentence terms', () => {
    const { addedChunkIds } = repository.replaceFile(file('a.txt'), chunks('a.txt', ['heron']));
    db.exec(
      'DROP TRIGGER chunks_delete_terms; DROP TABLE chunk_terms; ' +
        'DROP TRIGGER chunks_journal_removal; DROP TABLE vector_removals; ' +
        'ALTER TABLE chunks DROP COLUMN terms; ALTER TABLE chunks DROP COLUMN section',
    );
    db.pragma('user_version = 1');
    const reader = openDatabase(indexDir, { readonly: true });
    try {
      const old = new ChunkRepository(reader);
      expect(old.getSentenceTerms(addedChunkIds)).toEqual(new Map());
      expect(old.getChunks(addedChunkIds).map((chunk) => chunk.text)).toEqual(['heron']);
    } finally {
      reader.close();
    }
  });

  it('reads a version-3 index read-only, whose sentence terms are in chunks.terms', () => {
    const { addedChunkIds } = repository.replaceFile(file('a.txt'), chunks('a.txt', ['Herons wade.']));
    db.exec(
      'UPDATE chunks SET terms = (SELECT terms FROM chunk_terms WHERE chunk_terms.id = chunks.id); ' +
        'DROP TRIGGER chunks_delete_terms; DROP TABLE chunk_terms',
    );
    db.pragma('user_version = 3');
    const reader = openDatabase(indexDir, { readonly: true });
    try {
      expect(new ChunkRepository(reader).getSentenceTerms(addedChunkIds)).toEqual(new Map([[addedChunkIds[0]!, 'heron wade']]));
    } finally {
      reader.close();
    }
  });

  it('deletes a chunk\'s sentence terms with the chunk', () => {
    const { addedChunkIds } = repository.replaceFile(file('a.txt'), chunks('a.txt', ['Herons wade.']));
    repository.removeFile('a.txt');
    expect(repository.getSentenceTerms(addedChunkIds)).toEqual(new Map());
    expect(db.prepare('SELECT count(*) AS n FROM chunk_terms').get()).toEqual({ n: 0 });
  });

  it('reads a version-2 index read-only, whose chunks have no section', () => {
    const [written] = chunks('guide.md', ['Run the installer.']);
    const { addedChunkIds } = repository.replaceFile(file('guide.md', { format: 'markdown' }), [
      { ...written!, chunk: { ...written!.chunk, section: 'Install › Windows' } },
    ]);
    db.exec('ALTER TABLE chunks DROP COLUMN section');
    db.pragma('user_version = 2');
    const reader = openDatabase(indexDir, { readonly: true });
    try {
      const old = new ChunkRepository(reader);
      expect(old.getChunks(addedChunkIds).map((chunk) => [chunk.text, chunk.section])).toEqual([
        ['Run the installer.', null],
      ]);
    } finally {
      reader.close();
    }
  });
});

describe('ChunkRepository heading lines', () => {
  const headings = [{ start: 0, end: 7, section: 'Install' }];

  it('stores a chunk\'s heading lines and reads them back; none for a chunk without', () => {
    const [marked, plain] = chunks('guide.html', ['Install\n\nRun it.', 'Plain.']);
    const { addedChunkIds } = repository.replaceFile(file('guide.html', { format: 'html' }), [
      { ...marked!, chunk: { ...marked!.chunk, headings } },
      plain!,
    ]);
    expect(repository.getChunks(addedChunkIds).map((chunk) => chunk.headings)).toEqual([headings, undefined]);
  });

  it('reads a version-5 index read-only, whose chunks mark no heading lines', () => {
    const [written] = chunks('guide.html', ['Install\n\nRun it.']);
    const { addedChunkIds } = repository.replaceFile(file('guide.html', { format: 'html' }), [
      { ...written!, chunk: { ...written!.chunk, headings } },
    ]);
    db.exec('ALTER TABLE chunks DROP COLUMN headings');
    db.pragma('user_version = 5');
    const reader = openDatabase(indexDir, { readonly: true });
    try {
      expect(new ChunkRepository(reader).getChunks(addedChunkIds).map((chunk) => chunk.headings)).toEqual([undefined]);
    } finally {
      reader.close();
    }
  });
});

describe('ChunkRepository sections', () => {
  function writeSection(section: string | null, title: string | null = null): number {
    const [written] = chunks('guide.md', ['Run the installer.']);
    const { addedChunkIds } = repository.replaceFile(file('guide.md', { format: 'markdown', title }), [
      { ...written!, chunk: { ...written!.chunk, section } },
    ]);
    return addedChunkIds[0]!;
  }

  it('stores a chunk\'s section and reads it back', () => {
    const id = writeSection('Install › Windows');
    expect(repository.getChunks([id]).map((chunk) => chunk.section)).toEqual(['Install › Windows']);
  });

  it('indexes the section in the title column, after the file title', () => {
    const id = writeSection('Install › Windows', 'Guide');
    expect(db.prepare('SELECT title FROM chunks_fts WHERE rowid = ?').pluck().get(id)).toBe(
      toSearchText('Guide Install Windows'),
    );
    expect(searchIds('title:windows')).toEqual([id]);
  });

  it('gives the reranker the section\'s words with the title\'s', () => {
    const id = writeSection('Install › Windows');
    expect(repository.getSentenceTerms([id]).get(id)).toBe(
      formatSentenceTerms(tokenizePassage('Install › Windows', 'Run the installer.')),
    );
  });
});
