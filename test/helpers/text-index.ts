import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { ChunkRepository } from '../../src/store/chunk-repository.js';
import { openDatabase } from '../../src/store/database.js';

/** A real index in a temp folder. */
export interface TextIndex {
  db: Database.Database;
  repo: ChunkRepository;
  /** Chunk ids of the texts, in order. */
  ids: number[];
  cleanup(): void;
}

/** An index of one file whose chunks are `texts`, one per line, with the same 2-d embedding. */
export function createTextIndex(texts: readonly string[]): TextIndex {
  const indexDir = fs.mkdtempSync(path.join(os.tmpdir(), 'footnote-text-index-'));
  const db = openDatabase(indexDir);
  const repo = new ChunkRepository(db);
  const { addedChunkIds } = repo.replaceFile(
    { path: 'a.txt', hash: 'h', size: 1, mtimeMs: 1, format: 'text', title: null },
    texts.map((text, ordinal) => ({
      chunk: { source: 'a.txt', ordinal, text, startOffset: 0, endOffset: text.length, startLine: ordinal + 1, endLine: ordinal + 1, page: null, section: null },
      textHash: `th${ordinal}`,
      embedding: Float32Array.from([1, 0]),
    })),
  );
  return {
    db,
    repo,
    ids: addedChunkIds,
    cleanup() {
      db.close();
      fs.rmSync(indexDir, { recursive: true, force: true });
    },
  };
}
