import path from 'node:path';
import { childArgs, makeTempDir, type BenchContext } from './bench-context.js';
import { ensurePeerInstalled } from './ensure-peer.js';
import { generateEvalCorpus, type EvalCorpus, type SentencePool } from './generate-eval-corpus.js';
import type { IndexChildResult } from './index-child.js';
import { BYTES_PER_MB } from './measurement-log.js';
import { measureFolder } from './measure-folder.js';
import { parseLastJsonLine, runNode } from './run-node.js';

const SECTION = 'Indexing throughput: footnote vs the LangChain.js peer';

/** One corpus size of the throughput section. */
export interface ThroughputPlan {
  megabytes: number;
  files: number;
  /** Rounds of (footnote cold, peer, footnote warm); each round alternates the three. */
  rounds: number;
  /** Index it with the peer too (false when the peer would not fit the time budget). */
  peer: boolean;
  /** Measure the warm-cache `--full` run too. */
  warm: boolean;
}

/** A corpus that was indexed, with its footnote index, for the sections that follow. */
export interface IndexedCorpus {
  corpus: EvalCorpus;
  indexDir: string;
  chunks: number;
}

type FootnoteRun = IndexChildResult & { spawnMs: number };

/** The JSON line bench/peer/index-peer.ts prints (declared here: the peer is outside footnote's type check). */
interface PeerChildResult {
  files: number;
  chunks: number;
  wallMs: number;
  maxRssBytes: number;
  cpuMs: number;
}

/** Indexes `corpusDir` into `indexDir` in a child process (footnote's own code, in-process timing). */
export function indexWithFootnote(context: BenchContext, corpusDir: string, indexDir: string, full = false): FootnoteRun {
  const run = runNode(childArgs(context, 'index-child.ts', [corpusDir, indexDir, ...(full ? ['--full'] : [])]),
    { cwd: context.repoRoot });
  return { ...parseLastJsonLine<IndexChildResult>(run.stdout), spawnMs: run.wallMs };
}

function indexWithPeer(context: BenchContext, corpusDir: string, outDir: string): PeerChildResult {
  const run = runNode(
    [path.join(context.repoRoot, 'bin/run-ts.js'), path.join(context.repoRoot, 'bench/peer/index-peer.ts'), corpusDir, outDir],
    { cwd: context.repoRoot },
  );
  return parseLastJsonLine<PeerChildResult>(run.stdout);
}

/**
 * For each planned size: generates the corpus from the eval text, then in
 * alternating rounds indexes it with footnote from scratch (cold), with the
 * peer, and with footnote `index --full` over the cold index (warm: every
 * embedding is reused by content hash, so this is chunking, SQLite, FTS5 and
 * the vector graph alone). Returns the largest corpus and its index.
 */
export function benchThroughput(
  context: BenchContext,
  pool: SentencePool,
  plans: readonly ThroughputPlan[],
  seed: number,
): { largest: IndexedCorpus; bySize: IndexedCorpus[]; details: Record<string, unknown>[] } {
  const peerProblem = plans.some((plan) => plan.peer) ? ensurePeerInstalled(context.repoRoot, context.progress) : null;
  if (peerProblem !== null) context.progress(`  peer skipped: ${peerProblem}`);
  const { log } = context;
  const bySize: IndexedCorpus[] = [];
  const details: Record<string, unknown>[] = [];
  for (const plan of plans) {
    let name = `${plan.megabytes} MB`;
    const generateStarted = performance.now();
    const corpus = generateEvalCorpus(path.join(context.tempRoot, `corpus-${plan.megabytes}mb`), pool, {
      seed: seed + plan.megabytes,
      totalBytes: plan.megabytes * BYTES_PER_MB,
      files: plan.files,
      questions: 200,
    });
    const megabytes = corpus.bytes / BYTES_PER_MB;
    name = `${megabytes.toFixed(1)} MB`;
    context.progress(`  ${name}: generated ${corpus.files} files (${megabytes.toFixed(1)} MB) in ` +
      `${((performance.now() - generateStarted) / 1000).toFixed(1)} s`);
    const cold: FootnoteRun[] = [];
    const warm: FootnoteRun[] = [];
    const peer: PeerChildResult[] = [];
    let indexDir = '';
    let peerDir = '';
    for (let round = 0; round < plan.rounds; round++) {
      indexDir = makeTempDir(context, `index-${plan.megabytes}mb`);
      cold.push(indexWithFootnote(context, corpus.dir, indexDir));
      context.progress(`  ${name} round ${round + 1}/${plan.rounds}: footnote ${(cold.at(-1)!.wallMs / 1000).toFixed(1)} s`);
      if (plan.peer && peerProblem === null) {
        peerDir = makeTempDir(context, `peer-${plan.megabytes}mb`);
        peer.push(indexWithPeer(context, corpus.dir, peerDir));
        context.progress(`  ${name} round ${round + 1}/${plan.rounds}: peer ${(peer.at(-1)!.wallMs / 1000).toFixed(1)} s`);
      }
      if (plan.warm) {
        warm.push(indexWithFootnote(context, corpus.dir, indexDir, true));
        context.progress(`  ${name} round ${round + 1}/${plan.rounds}: footnote warm ${(warm.at(-1)!.wallMs / 1000).toFixed(1)} s`);
      }
    }
    const chunks = cold[0]!.report.chunks;
    const label = (who: string) => `${name} (${corpus.files.toLocaleString('en-US')} files): ${who}`;
    const addRuns = (id: string, who: string, runs: { wallMs: number; cpuMs: number; maxRssBytes: number }[],
      chunkCount: number, note?: string) => {
      log.add(SECTION, `${id}.mb`, label(who), 'MB/s', runs.map((run) => megabytes / (run.wallMs / 1000)), note);
      log.add(SECTION, `${id}.chunks`, label(who), 'chunks/s', runs.map((run) => chunkCount / (run.wallMs / 1000)),
        `${chunkCount} chunks`);
      log.add(SECTION, `${id}.wall`, label(`${who}, wall time`), 's', runs.map((run) => run.wallMs / 1000),
        `CPU ${(median(runs.map((run) => run.cpuMs)) / 1000).toFixed(1)} s (all threads)`);
      log.add(SECTION, `${id}.rss`, label(`${who}, peak RSS`), 'MB', runs.map((run) => run.maxRssBytes / BYTES_PER_MB));
    };
    const id = `throughput.${plan.megabytes}mb`;
    addRuns(`${id}.footnote`, 'footnote, cold', cold, chunks, 'empty index, every chunk embedded');
    if (peer.length > 0) {
      addRuns(`${id}.peer`, 'peer (LangChain.js)', peer, peer[0]!.chunks, 'RecursiveCharacterTextSplitter + HNSWLib.fromDocuments + save');
      // Paired by round: each ratio compares runs that shared the machine's load.
      log.add(SECTION, `${id}.ratio`, label('footnote ÷ peer, wall time (goal ≥ 3×)'), 'ratio',
        cold.map((run, i) => peer[i]!.wallMs / run.wallMs), 'same as the MB/s ratio; paired by round');
      log.add(SECTION, `${id}.cpu-ratio`, label('footnote ÷ peer, CPU time'), 'ratio',
        cold.map((run, i) => peer[i]!.cpuMs / run.cpuMs),
        'what the ratio tends to when other work keeps both cores busy (footnote uses up to 3 threads, the peer 1)');
    } else {
      log.add(SECTION, `${id}.peer-skipped`, label('peer'), 'count', [0],
        peerProblem ?? 'skipped: would not fit the 15-minute budget (see bench/README.md)');
    }
    if (warm.length > 0) {
      addRuns(`${id}.warm`, 'footnote, warm embeddings (`index --full`)', warm, chunks,
        `embeddings computed: ${warm.map((run) => run.report.embeddingsComputed).join(', ')}`);
    }
    const onDisk = measureFolder(indexDir);
    log.add(SECTION, `${id}.disk`, label('footnote index on disk per chunk'), 'bytes', [onDisk.totalBytes / chunks],
      `${Object.entries(onDisk.files).map(([file, bytes]) => `${file} ${(bytes / BYTES_PER_MB).toFixed(1)} MB`).join(', ')}`);
    if (peerDir !== '') {
      const peerDisk = measureFolder(peerDir);
      log.add(SECTION, `${id}.peer-disk`, label('peer index on disk per chunk'), 'bytes',
        [peerDisk.totalBytes / peer[0]!.chunks], 'docstore.json + hnswlib.index');
    }
    bySize.push({ corpus, indexDir, chunks });
    details.push({ plan, files: corpus.files, bytes: corpus.bytes, chunks, cold, warm, peer });
  }
  return { largest: bySize.at(-1)!, bySize, details };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
