import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Embedder } from '../../src/embed/embedder.js';
import { LocalEmbedder } from '../../src/embed/local-embedder.js';
import {
  DEFAULT_RETRIEVAL,
  LEXICAL_VECTOR_CANDIDATES,
  retrievePassages,
  type SearchableIndex,
} from '../../src/retrieve/retrieve-passages.js';
import { ChunkRepository } from '../../src/store/chunk-repository.js';
import { openDatabase } from '../../src/store/database.js';
import { createTermStatistics } from '../../src/store/term-statistics.js';
import { VectorIndex } from '../../src/store/vector-index.js';
import { FakeEmbedder } from '../helpers/fake-embedder.js';

const TOPICS = ['harbour', 'lighthouse', 'glacier', 'orchard', 'volcano', 'library', 'railway', 'vineyard'];
/** 120 passages, so that a vector search could return more than 25 hits. */
const TEXTS = Array.from({ length: 120 }, (_, i) => `The ${TOPICS[i % TOPICS.length]} report number ${i} lists its keepers.`);

let indexDir: string;
let db: Database.Database;

beforeEach(() => {
  indexDir = fs.mkdtempSync(path.join(os.tmpdir(), 'footnote-retrieve-'));
  db = openDatabase(indexDir);
});

afterEach(() => {
  db.close();
  fs.rmSync(indexDir, { recursive: true, force: true });
});

/** A real index of `TEXTS` embedded by `embedder`, and the depth of each vector search made on it. */
async function buildIndex(embedder: Embedder): Promise<{ index: SearchableIndex; searchedDepths: () => number[] }> {
  const repo = new ChunkRepository(db);
  const embeddings = await embedder.embedDocuments(TEXTS);
  const { addedChunkIds } = repo.replaceFile(
    { path: 'a.txt', hash: 'h', size: 1, mtimeMs: 1, format: 'text', title: null },
    TEXTS.map((text, ordinal) => ({
      chunk: { source: 'a.txt', ordinal, text, startOffset: 0, endOffset: text.length, startLine: ordinal + 1, endLine: ordinal + 1, page: null, section: null },
      textHash: `th${ordinal}`,
      embedding: Float32Array.from(embeddings[ordinal]!),
    })),
  );
  const vectors = VectorIndex.create(embedder.identity.dimensions);
  addedChunkIds.forEach((id, i) => vectors.add(id, Float32Array.from(embeddings[i]!)));
  const search = vi.spyOn(vectors, 'search');
  return {
    index: { repo, vectors, embedder, statistics: createTermStatistics(db) },
    searchedDepths: () => search.mock.calls.map(([, k]) => k),
  };
}

describe('retrievePassages: vector hits the reranker takes', () => {
  it(`asks a lexical embedder's index for ${LEXICAL_VECTOR_CANDIDATES}, and still finds the passage`, async () => {
    const { index, searchedDepths } = await buildIndex(new LocalEmbedder({ dimensions: 256 }));

    const passages = await retrievePassages(index, 'Which glacier report is number 42?', { k: 5 });

    expect(searchedDepths()).toEqual([LEXICAL_VECTOR_CANDIDATES]);
    expect(passages[0]?.text).toBe(TEXTS[42]);
  });

  it('asks any other embedder for as many as the keyword candidates', async () => {
    const { index, searchedDepths } = await buildIndex(new FakeEmbedder());

    await retrievePassages(index, 'Which glacier report is number 42?', { k: 5 });

    expect(searchedDepths()).toEqual([100]);
  });

  it('takes the number the settings give', async () => {
    const { index, searchedDepths } = await buildIndex(new LocalEmbedder({ dimensions: 256 }));

    await retrievePassages(index, 'glacier keepers', { k: 5, settings: { ...DEFAULT_RETRIEVAL, vectorCandidates: 60 } });

    expect(searchedDepths()).toEqual([60]);
  });

  it('gives the vector ranker alone its full depth', async () => {
    const { index, searchedDepths } = await buildIndex(new LocalEmbedder({ dimensions: 256 }));

    await retrievePassages(index, 'glacier keepers', { k: 5, settings: { ...DEFAULT_RETRIEVAL, mode: 'vector' } });

    expect(searchedDepths()).toEqual([100]);
  });
});
