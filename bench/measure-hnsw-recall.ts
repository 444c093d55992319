/**
 * HNSW recall@10 against an exact scan, for several M / efConstruction pairs
 * and search ef values, on the embeddings of an existing index (the bench's
 * cached query index, say). Questions are made as query-child.ts makes them.
 * Prints build time, recall and ms per search for each setting.
 *
 * Usage: node bin/run-ts.js bench/measure-hnsw-recall.ts EVAL_DIR INDEX_DIR [16/40,16/100,32/60] [64,128,256,512,1024] [--plain]
 */
import hnswlib from 'hnswlib-node';
import { LocalEmbedder } from '../src/embed/local-embedder.js';
import { dot } from '../src/store/centred-vectors.js';
import { ChunkRepository } from '../src/store/chunk-repository.js';
import { CENTER_SAMPLE, estimateCenter, toStoredVector } from '../src/store/centred-vectors.js';
import { openDatabase } from '../src/store/database.js';
import { loadSentencePool } from './lib/generate-eval-corpus.js';
import { createSeededRandom } from './lib/seeded-random.js';

const QUESTIONS = 100;
const K = 10;

const [evalDir, indexDir, pairsArgument, efArgument] = process.argv.slice(2);
if (!evalDir || !indexDir) throw new Error('usage: measure-hnsw-recall.ts EVAL_DIR INDEX_DIR [M/EFC,…] [EF,…]');
const pool = loadSentencePool(evalDir);
const random = createSeededRandom(7);
const questions = Array.from({ length: QUESTIONS }, () => {
  const words = random.pick(pool.sentences).split(/\s+/u);
  const start = random.integer(0, Math.max(0, words.length - 6));
  return `What about ${words.slice(start, start + 6).join(' ')}?`;
});
const db = openDatabase(indexDir, { readonly: true });
const vectors: Float32Array[] = [];
for (const { embedding } of new ChunkRepository(db).allEmbeddings()) vectors.push(Float32Array.from(embedding));
db.close();
const embedder = new LocalEmbedder();
const queries = embedder.embedToFloat32(questions).map((vector) => Float32Array.from(vector));
const exact = queries.map((query) => new Set(
  vectors.map((vector, i) => [i, dot(query, vector)] as const).sort((a, b) => b[1] - a[1]).slice(0, K).map(([i]) => i),
));
// Centred as VectorIndex stores them (see its doc comment); `--plain` measures the plain cosine graph.
const plain = process.argv.includes('--plain');
const dimensions = vectors[0]?.length ?? 1;
const center = plain ? null : estimateCenter(vectors.slice(0, CENTER_SAMPLE), dimensions);
for (const pair of (pairsArgument ?? '16/40,16/100,32/60').split(',')) {
  const [m, efConstruction] = pair.split('/').map(Number) as [number, number];
  const hnsw = new hnswlib.HierarchicalNSW('ip', dimensions);
  hnsw.initIndex({ maxElements: vectors.length, m, efConstruction });
  const buildStarted = performance.now();
  vectors.forEach((vector, i) => hnsw.addPoint(Array.from(toStoredVector(vector, center)), i));
  const buildSeconds = (performance.now() - buildStarted) / 1000;
  for (const ef of (efArgument ?? '64,128,256,512,1024').split(',').map(Number)) {
    hnsw.setEf(ef);
    let hits = 0;
    const searchStarted = performance.now();
    queries.forEach((query, q) => {
      for (const id of hnsw.searchKnn(Array.from(query), K).neighbors) if (exact[q]!.has(id)) hits += 1;
    });
    const msPerSearch = (performance.now() - searchStarted) / queries.length;
    process.stdout.write(
      `M ${m} efConstruction ${efConstruction} (build ${buildSeconds.toFixed(1)} s) ef ${ef}: recall@10 ${(hits / (queries.length * K)).toFixed(3)}, ${msPerSearch.toFixed(2)} ms a search\n`,
    );
  }
}
