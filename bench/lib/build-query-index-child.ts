// Child process: builds a synthetic index of N chunks directly through the
// store modules (no files, no chunker), for the query-latency section.
// Usage: node bin/run-ts.js bench/lib/build-query-index-child.ts EVAL_DIR INDEX_DIR CHUNKS SEED
// Each chunk is 2–7 sentences of SciFact/SQuAD prose, so FTS5 and the vectors
// have real text behind them. The vectors are kept as an index run keeps
// them for the local embedder: none beside the database for an index small
// enough (FLAT_MAX_NUMBERS), a scan file up to SCAN_MAX_NUMBERS, a graph beyond.
// Prints one JSON line: { chunks, wallMs, maxRssBytes }.
import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_CHUNK_OVERLAP_CHARS, DEFAULT_CHUNK_SIZE_CHARS } from '../../src/config/config-schema.js';
import { formatEmbedderIdentity } from '../../src/embed/embedder.js';
import { LocalEmbedder } from '../../src/embed/local-embedder.js';
import { hashBytes } from '../../src/ingest/document-source.js';
import { CHUNKER_VERSION } from '../../src/ingest/run-ingest.js';
import { ChunkRepository, type NewChunk } from '../../src/store/chunk-repository.js';
import { openDatabase } from '../../src/store/database.js';
import { recordTokenizerVersion } from '../../src/store/tokenizer-version.js';
import {
  chooseVectorsKind,
  fitsFlat,
  markVectorsClean,
  markVectorsDirty,
  markVectorsFlat,
  vectorsFileName,
} from '../../src/store/index-state.js';
import { ScanVectorIndex } from '../../src/store/scan-vector-index.js';
import { VectorIndexBuilder } from '../../src/store/vector-index-builder.js';
import { loadSentencePool } from './generate-eval-corpus.js';
import { createSeededRandom } from './seeded-random.js';

const CHUNKS_PER_FILE = 100;

async function buildIndex(): Promise<void> {
  const [evalDir, indexDir, chunksArgument, seedArgument] = process.argv.slice(2);
  const total = Number(chunksArgument);
  if (!evalDir || !indexDir || !Number.isInteger(total) || total < 1) throw new Error('usage: EVAL_DIR INDEX_DIR CHUNKS SEED');
  const startedAt = performance.now();
  const pool = loadSentencePool(evalDir);
  const random = createSeededRandom(Number(seedArgument ?? 1));
  const embedder = new LocalEmbedder();
  fs.mkdirSync(indexDir, { recursive: true });
  const db = openDatabase(indexDir, { create: true });
  const repo = new ChunkRepository(db);
  repo.setMeta('embedder', formatEmbedderIdentity(embedder.identity));
  repo.setMeta('chunking', `${DEFAULT_CHUNK_SIZE_CHARS}/${DEFAULT_CHUNK_OVERLAP_CHARS}/v${CHUNKER_VERSION}`);
  recordTokenizerVersion(repo);
  const { dimensions } = embedder.identity;
  const flat = fitsFlat(total, dimensions);
  const kind = chooseVectorsKind(total, dimensions, embedder.lexical);
  if (flat) markVectorsFlat(repo);
  else markVectorsDirty(repo);
  const scan = !flat && kind === 'scan' ? ScanVectorIndex.create(dimensions) : null;
  const builder = flat || scan !== null ? null : VectorIndexBuilder.start(dimensions, total);
  try {
    for (let file = 0; file * CHUNKS_PER_FILE < total; file++) {
      const source = `synthetic/${String(file).padStart(5, '0')}.txt`;
      const texts: string[] = [];
      for (let i = 0; i < CHUNKS_PER_FILE && file * CHUNKS_PER_FILE + i < total; i++) {
        const sentences: string[] = [];
        for (let count = random.integer(2, 7); count > 0; count--) sentences.push(random.pick(pool.sentences));
        texts.push(sentences.join(' '));
      }
      const vectors = embedder.embedToFloat32(texts);
      const chunks: NewChunk[] = texts.map((text, ordinal) => ({
        chunk: { source, ordinal, text, startOffset: 0, endOffset: text.length, startLine: ordinal + 1, endLine: ordinal + 1, page: null, section: null },
        textHash: hashBytes(text),
        embedding: vectors[ordinal]!,
      }));
      const { addedChunkIds } = repo.replaceFile(
        { path: source, hash: hashBytes(texts.join('\n')), size: 0, mtimeMs: 0, format: 'text', title: null },
        chunks,
      );
      if (builder !== null) addedChunkIds.forEach((id, i) => builder.add(id, vectors[i]!));
      if (scan !== null) addedChunkIds.forEach((id, i) => scan.add(id, vectors[i]!));
    }
    if (builder !== null) {
      await builder.save(path.join(indexDir, vectorsFileName('graph')));
      markVectorsClean(repo, builder.size);
    }
    if (scan !== null) {
      scan.save(path.join(indexDir, vectorsFileName('scan')));
      markVectorsClean(repo, scan.size, 'scan');
    }
  } finally {
    await builder?.close();
    db.close();
  }
  process.stdout.write(`${JSON.stringify({
    chunks: total,
    wallMs: performance.now() - startedAt,
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
  })}\n`);
}

await buildIndex();
