import fs from 'node:fs';
import path from 'node:path';
import { childArgs, makeTempDir, type BenchContext } from './bench-context.js';
import { createTextSource, generateCorpus, makeMarkdownDocument, type CorpusOptions } from './generate-corpus.js';
import type { IndexChildResult } from './index-child.js';
import { BYTES_PER_MB } from './measurement-log.js';
import { measureFolder } from './measure-folder.js';
import { parseLastJsonLine, runNode } from './run-node.js';

const SECTION = 'Generated corpus';
const FULL_RUNS = 3;
const NO_OP_RUNS = 3;
const INCREMENTAL_RUNS = 3;

/** The generated corpus and its index, for the ask benches and the incremental runs. */
export interface LargeCorpus {
  corpusDir: string;
  indexDir: string;
  bytes: number;
  files: number;
  questions: string[];
  /** Facts for bench.json: generation time, index files, sizes. */
  details: Record<string, unknown>;
}

function indexInChild(context: BenchContext, corpusDir: string, indexDir: string): IndexChildResult & { spawnMs: number } {
  const run = runNode(childArgs(context, 'index-child.ts', [corpusDir, indexDir]), { cwd: context.repoRoot });
  return { ...parseLastJsonLine<IndexChildResult>(run.stdout), spawnMs: run.wallMs };
}

/** Indexes `corpusDir` from scratch `runs` times in child processes and records time, throughput and peak RSS. */
function benchFullIndex(
  context: BenchContext,
  corpus: { dir: string; bytes: number; files: number },
  idPrefix: string,
  name: string,
  runs: number,
): { indexDir: string; chunks: number } {
  const results: (IndexChildResult & { spawnMs: number })[] = [];
  let indexDir = '';
  for (let run = 0; run < runs; run++) {
    indexDir = makeTempDir(context, `${idPrefix}-index`);
    results.push(indexInChild(context, corpus.dir, indexDir));
    context.progress(`  ${name}: full index ${run + 1}/${runs}: ${(results.at(-1)!.wallMs / 1000).toFixed(1)} s`);
  }
  const chunks = results[0]!.report.chunks;
  const size = `${corpus.files} files, ${(corpus.bytes / BYTES_PER_MB).toFixed(1)} MB, ${chunks} chunks`;
  const { log } = context;
  log.add(SECTION, `${idPrefix}.index.full`, `${name}: full index (${size})`, 's',
    results.map((result) => result.wallMs / 1000), 'in the child, start-up excluded');
  log.add(SECTION, `${idPrefix}.index.full-throughput-mb`, `${name}: full index throughput`, 'MB/s',
    results.map((result) => corpus.bytes / BYTES_PER_MB / (result.wallMs / 1000)));
  log.add(SECTION, `${idPrefix}.index.full-throughput-chunks`, `${name}: full index throughput`, 'chunks/s',
    results.map((result) => result.report.chunks / (result.wallMs / 1000)));
  log.add(SECTION, `${idPrefix}.index.full-rss`, `${name}: full index peak RSS`, 'MB',
    results.map((result) => result.maxRssBytes / BYTES_PER_MB), 'process.resourceUsage().maxRSS of the child');
  return { indexDir, chunks };
}

/**
 * Generates the corpus (and one a quarter of its size, to show how indexing
 * scales), indexes both from scratch, measures the index on disk, then a
 * no-op re-index of the larger one.
 */
export function benchLargeIndex(context: BenchContext, options: CorpusOptions): LargeCorpus {
  const generateStarted = performance.now();
  const corpusDir = path.join(context.tempRoot, 'large-corpus');
  const generated = generateCorpus(corpusDir, options);
  const generateSeconds = (performance.now() - generateStarted) / 1000;
  const quarterDir = path.join(context.tempRoot, 'quarter-corpus');
  const quarter = generateCorpus(quarterDir, {
    ...options,
    seed: options.seed + 1,
    markdownFiles: Math.round(options.markdownFiles / 4),
    htmlFiles: Math.round(options.htmlFiles / 4),
    markdownBytes: options.markdownBytes / 4,
  });
  context.progress(`  generated ${generated.files} files (${(generated.bytes / BYTES_PER_MB).toFixed(1)} MB) in ${generateSeconds.toFixed(1)} s`);

  const small = benchFullIndex(context, { dir: quarterDir, bytes: quarter.bytes, files: quarter.files },
    'quarter', 'quarter corpus', FULL_RUNS);
  const large = benchFullIndex(context, { dir: corpusDir, bytes: generated.bytes, files: generated.files },
    'large', 'full corpus', FULL_RUNS);
  const { log } = context;
  log.add(SECTION, 'large.index.scaling', 'chunks/s, quarter corpus ÷ full corpus (1 = linear)', 'ratio',
    [log.get('quarter.index.full-throughput-chunks').summary.median /
      log.get('large.index.full-throughput-chunks').summary.median],
    `${small.chunks} vs ${large.chunks} chunks`);

  const onDisk = measureFolder(large.indexDir);
  log.add(SECTION, 'large.index.size', 'index size on disk (sqlite + hnsw)', 'MB', [onDisk.totalBytes / BYTES_PER_MB],
    Object.entries(onDisk.files).map(([name, bytes]) => `${name} ${(bytes / BYTES_PER_MB).toFixed(1)}`).join(', '));

  const noOps: (IndexChildResult & { spawnMs: number })[] = [];
  for (let run = 0; run < NO_OP_RUNS; run++) noOps.push(indexInChild(context, corpusDir, large.indexDir));
  log.add(SECTION, 'large.index.no-op', 'no-op re-index (nothing changed)', 'ms', noOps.map((result) => result.wallMs),
    `embeddings computed: ${noOps.map((result) => result.report.embeddingsComputed).join(', ')}`);
  log.add(SECTION, 'large.index.no-op-spawned', 'no-op re-index, spawned (start-up included)', 'ms',
    noOps.map((result) => result.spawnMs));

  return {
    corpusDir,
    indexDir: large.indexDir,
    bytes: generated.bytes,
    files: generated.files,
    questions: generated.questions,
    details: {
      corpusOptions: options,
      generateSeconds,
      quarterCorpus: { files: quarter.files, bytes: quarter.bytes, chunks: small.chunks },
      fullCorpus: { files: generated.files, bytes: generated.bytes, chunks: large.chunks },
      indexFiles: onDisk.files,
    },
  };
}

/**
 * Changes one file, adds one and removes one, then re-indexes; repeated with
 * different files each time. Reports time and how much was embedded again.
 */
export function benchIncrementalIndex(context: BenchContext, corpus: LargeCorpus, seed: number): Record<string, unknown>[] {
  const results: (IndexChildResult & { spawnMs: number })[] = [];
  for (let run = 0; run < INCREMENTAL_RUNS; run++) {
    const { random, vocabulary } = createTextSource(seed + 1000 + run);
    const notes = path.join(corpus.corpusDir, 'notes');
    const changed = path.join(notes, '000', `note-${run}.md`);
    fs.appendFileSync(changed, `\n${makeMarkdownDocument(random, vocabulary, 1500)}`);
    fs.writeFileSync(path.join(notes, `added-${run}.md`), makeMarkdownDocument(random, vocabulary, 10_000));
    fs.rmSync(path.join(notes, '001', `note-${100 + run}.md`));
    results.push(indexInChild(context, corpus.corpusDir, corpus.indexDir));
  }
  const { log } = context;
  log.add(SECTION, 'large.index.incremental', 'incremental re-index (1 changed, 1 added, 1 removed)', 'ms',
    results.map((result) => result.wallMs),
    `embeddings computed: ${results.map((result) => result.report.embeddingsComputed).join(', ')}; ` +
      `reused: ${results.map((result) => result.report.embeddingsReused).join(', ')}`);
  log.add(SECTION, 'large.index.incremental-embeddings', 'incremental re-index: embeddings computed', 'count',
    results.map((result) => result.report.embeddingsComputed));
  return results.map((result) => ({ ...result.report, wallMs: result.wallMs, spawnMs: result.spawnMs }));
}
