// Child process: retrieval latency and vector search recall on a built index.
// Usage: node bin/run-ts.js bench/lib/query-child.ts EVAL_DIR INDEX_DIR QUESTIONS RECALL_QUERIES [no-warm-up]
// Questions are made from SciFact/SQuAD sentences ("What about w1 … w6?").
// Latency goes through the facade's retrieve (the product's default hybrid
// path: FTS5 BM25 + vector search + rerank), warm: the index is opened, its
// database file read through once, warmed up as the chat warms it while the
// user types (`footnote.warmUp`; `no-warm-up` skips it, for side-by-side
// runs) and 20 questions asked before timing. Recall compares the vector search with an exact scan
// of every stored embedding. Prints one JSON line (see QueryChildResult).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LocalEmbedder } from '../../src/embed/local-embedder.js';
import { createFootnote } from '../../src/footnote.js';
import { ChunkRepository } from '../../src/store/chunk-repository.js';
import { openDatabase } from '../../src/store/database.js';
import { openSearchableVectors } from '../../src/store/index-state.js';
import { ScanVectorIndex } from '../../src/store/scan-vector-index.js';
import { VectorIndex } from '../../src/store/vector-index.js';
import { LEXICAL_VECTOR_CANDIDATES } from '../../src/retrieve/retrieve-passages.js';
import { dot } from '../../src/store/centred-vectors.js';
import { makeBenchConfig } from './bench-config.js';
import { loadSentencePool } from './generate-eval-corpus.js';
import { createSeededRandom } from './seeded-random.js';

const WARM_UP_QUESTIONS = 20;
const RECALL_K = 10;

/** What the child prints. */
export interface QueryChildResult {
  latenciesMs: number[];
  openMs: number;
  /** How long `footnote.warmUp` took after the first question, or null when skipped. */
  warmUpMs: number | null;
  /** RSS after serving every question, and the process's peak, in bytes. */
  rssBytes: number;
  maxRssBytes: number;
  /**
   * recall@10 of `search(q, 10)` (ef = the shipped efSearch) and of the top 10
   * of `search(q, LEXICAL_VECTOR_CANDIDATES)`, what retrieval asks the local
   * embedder's index for.
   */
  recallAt10: number;
  recallAt10AsRetrieved: number;
  recallQueries: number;
  /** What retrieval searched: the HNSW graph, a scan file's codes, or the exact scan of an index too small for a file. */
  vectorSearch: 'graph' | 'scan' | 'flat';
  /**
   * Share of the timed questions whose source words (the six words each was
   * made from; an index of 100k chunks or more holds nearly every sentence of
   * the pool, one of 10k only about half) are in the first passage, and
   * in any of the passages retrieval returns: a check that speed-ups keep the
   * right passage at sizes the eval datasets do not reach.
   */
  sourceAt1: number;
  sourceAtK: number;
}

/** Questions made from six words of a sentence of the pool, with those words. */
function makeQuestions(sentences: readonly string[], count: number, seed: number): { question: string; source: string }[] {
  const random = createSeededRandom(seed);
  return Array.from({ length: count }, () => {
    const words = random.pick(sentences).split(/\s+/u);
    const start = random.integer(0, Math.max(0, words.length - 6));
    const source = words.slice(start, start + 6).join(' ');
    return { question: `What about ${source}?`, source };
  });
}

/**
 * Reads a file once so that the OS caches it, as it ends up cached in a
 * process that has served questions for a while. Twenty warm-up questions
 * touch a few thousand rows; at 1M chunks the database is 7 GB, and without
 * this the timed questions measured the disk as much as footnote (p95 34–36 ms
 * against 27 ms once the file was cached).
 */
function readThrough(file: string): void {
  const buffer = Buffer.alloc(8 * 1024 * 1024);
  const fd = fs.openSync(file, 'r');
  try {
    while (fs.readSync(fd, buffer, 0, buffer.length, null) > 0);
  } finally {
    fs.closeSync(fd);
  }
}

/** Exact top-k ids by dot product (the vectors are unit length) for every query, in one pass over the store. */
function exactTopK(repo: ChunkRepository, queries: readonly Float32Array[], k: number): Set<number>[] {
  const best = queries.map(() => [] as { id: number; score: number }[]);
  for (const { id, embedding } of repo.allEmbeddings()) {
    queries.forEach((query, q) => {
      const score = dot(query, embedding);
      const list = best[q]!;
      if (list.length === k && score <= list[k - 1]!.score) return;
      list.push({ id, score });
      list.sort((a, b) => b.score - a.score);
      if (list.length > k) list.pop();
    });
  }
  return best.map((list) => new Set(list.map((entry) => entry.id)));
}

async function runQueries(): Promise<void> {
  const [evalDir, indexDir, questionsArgument, recallArgument, warmUpArgument] = process.argv.slice(2);
  if (!evalDir || !indexDir) throw new Error('usage: EVAL_DIR INDEX_DIR QUESTIONS RECALL_QUERIES');
  const pool = loadSentencePool(evalDir);
  const questions = makeQuestions(pool.sentences, Number(questionsArgument ?? 200), 99);
  const corpusDir = fs.mkdtempSync(path.join(os.tmpdir(), 'footnote-query-corpus-'));
  const footnote = createFootnote(makeBenchConfig(corpusDir, indexDir));
  try {
    const openStarted = performance.now();
    await footnote.retrieve(questions[0]!.question);
    const openMs = performance.now() - openStarted;
    readThrough(path.join(indexDir, 'footnote.sqlite'));
    const warmUpStarted = performance.now();
    const warmUpMs = warmUpArgument === 'no-warm-up' ? null : (await footnote.warmUp(), performance.now() - warmUpStarted);
    for (const { question } of questions.slice(0, WARM_UP_QUESTIONS)) await footnote.retrieve(question);
    const latenciesMs: number[] = [];
    let sourceAt1 = 0;
    let sourceAtK = 0;
    for (const { question, source } of questions) {
      const startedAt = performance.now();
      const passages = await footnote.retrieve(question);
      latenciesMs.push(performance.now() - startedAt);
      const holds = passages.map((passage) => passage.text.replace(/\s+/gu, ' ').includes(source));
      if (holds[0]) sourceAt1 += 1;
      if (holds.includes(true)) sourceAtK += 1;
    }
    const rssBytes = process.memoryUsage().rss;
    const maxRssBytes = process.resourceUsage().maxRSS * 1024;

    const db = openDatabase(indexDir, { readonly: true });
    const repo = new ChunkRepository(db);
    const embedder = new LocalEmbedder();
    const vectors = openSearchableVectors(indexDir, repo, embedder.identity.dimensions);
    const recallQueries = makeQuestions(pool.sentences, Number(recallArgument ?? 50), 7)
      .map(({ question }) => Float32Array.from(embedder.embedToFloat32([question])[0]!));
    const exact = exactTopK(repo, recallQueries, RECALL_K);
    let hits = 0;
    let hitsAsRetrieved = 0;
    recallQueries.forEach((query, q) => {
      for (const match of vectors.search(query, RECALL_K)) if (exact[q]!.has(match.id)) hits += 1;
      for (const match of vectors.search(query, LEXICAL_VECTOR_CANDIDATES).slice(0, RECALL_K)) {
        if (exact[q]!.has(match.id)) hitsAsRetrieved += 1;
      }
    });
    vectors.close?.();
    db.close();
    const result: QueryChildResult = {
      latenciesMs,
      openMs,
      warmUpMs,
      rssBytes,
      maxRssBytes,
      recallAt10: hits / (recallQueries.length * RECALL_K),
      recallAt10AsRetrieved: hitsAsRetrieved / (recallQueries.length * RECALL_K),
      recallQueries: recallQueries.length,
      vectorSearch: vectors instanceof VectorIndex ? 'graph' : vectors instanceof ScanVectorIndex ? 'scan' : 'flat',
      sourceAt1: sourceAt1 / questions.length,
      sourceAtK: sourceAtK / questions.length,
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    footnote.close();
    fs.rmSync(corpusDir, { recursive: true, force: true });
  }
}

await runQueries();
