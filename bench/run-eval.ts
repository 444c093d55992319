/**
 * `npm run eval`: footnote on public benchmarks, every retrieval variant side by
 * side on the same index, plus extractive answers on the SQuAD-format sets.
 * Writes bench/results/eval.json and eval.md and prints the markdown.
 *
 * The work is split into parts (a share of one dataset's retrieval variants,
 * or its answers), run by a pool of child processes, one per core: each part
 * indexes its dataset itself (indexing is deterministic, so every part of a
 * dataset sees the same index), which costs far less than the queries it then runs.
 *
 * `npm run eval -- squad` runs only the datasets whose name contains "squad"
 * (printed, not written to bench/results).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_MAX_SENTENCES } from '../src/answer/extractive-answerer.js';
import { loadDataset } from '../src/eval/datasets/load-dataset.js';
import { evaluateAnswers } from '../src/eval/evaluate-answers.js';
import { evaluateRetrieval, type RetrievalResult } from '../src/eval/evaluate-retrieval.js';
import type { AnswerMetrics, EvalReport } from '../src/eval/eval-report.js';
import { prepareEvalIndex } from '../src/eval/prepare-eval-index.js';
import { buildEvalReport } from '../src/eval/run-eval.js';
import { DEFAULT_RETRIEVAL, type RetrievalSettings } from '../src/retrieve/retrieve-passages.js';
import { makeBenchConfig } from './lib/bench-config.js';
import { findEvalDir } from './lib/find-eval-dir.js';
import { describeSystem } from './lib/system-info.js';
import { drain } from './lib/drain.js';

/** A retrieval variant, measured on the same index as the others. */
interface RetrievalVariant {
  name: string;
  settings: RetrievalSettings;
}

/**
 * The variants compared on every dataset. Add a line to compare another one;
 * variants that change the embedder or chunking need an index of their own
 * (a `config` per part in `runPart`).
 */
const VARIANTS: RetrievalVariant[] = [
  // The anchor: plain FTS5 BM25 over title and text with equal column weights,
  // spelled out so that tuning the defaults never moves it.
  { name: 'fts5-bm25', settings: { ...DEFAULT_RETRIEVAL, mode: 'keyword', keywordWeights: { titleWeight: 1, textWeight: 1 }, matchRowBudget: Infinity, correctSpelling: false } },
  { name: 'fts5-bm25 title×2', settings: { ...DEFAULT_RETRIEVAL, mode: 'keyword', keywordWeights: { titleWeight: 2, textWeight: 1 }, matchRowBudget: Infinity, correctSpelling: false } },
  { name: 'vector', settings: { ...DEFAULT_RETRIEVAL, mode: 'vector' } },
  { name: 'hybrid-rrf', settings: { ...DEFAULT_RETRIEVAL, mode: 'hybrid' } },
  { name: 'rerank: bm25+cosine', settings: { ...DEFAULT_RETRIEVAL, rerank: { cosine: 0.25, sentence: 0, proximity: 0, local: 0 } } },
  { name: 'rerank: bm25+sentence+proximity', settings: { ...DEFAULT_RETRIEVAL, rerank: { cosine: 0, sentence: 0.2, proximity: 0.2, local: 0 } } },
  { name: 'rerank: no local weighting', settings: { ...DEFAULT_RETRIEVAL, rerank: { ...DEFAULT_RETRIEVAL.rerank, local: 0 } } },
  // The row budget only bites beyond these corpora's sizes; a small one shows
  // what leaving the commonest words to the reranker costs.
  { name: 'rerank: row budget 1,000', settings: { ...DEFAULT_RETRIEVAL, matchRowBudget: 1_000 } },
  // The local embedder's hashed vectors overlap BM25: the default takes 25 of its hits (LEXICAL_VECTOR_CANDIDATES).
  // Words no passage holds are read as the nearest known word (correct-spelling.ts).
  { name: 'rerank: no spelling correction', settings: { ...DEFAULT_RETRIEVAL, correctSpelling: false } },
  { name: 'rerank: 100 vector candidates', settings: { ...DEFAULT_RETRIEVAL, vectorCandidates: 100 } },
  { name: 'rerank: no row budget', settings: { ...DEFAULT_RETRIEVAL, matchRowBudget: Infinity } },
  // What `ask` uses; answers are measured on it.
  { name: `default (${DEFAULT_RETRIEVAL.mode})`, settings: DEFAULT_RETRIEVAL },
];

/** What `ask` uses, compared on every dataset too; answers are measured on it. */
const DEFAULT_VARIANT: RetrievalVariant = { name: `default (${DEFAULT_RETRIEVAL.mode})`, settings: DEFAULT_RETRIEVAL };

/** A benchmark under ../shared/eval and what to run on it. */
interface BenchDataset {
  name: string;
  /** Path below ../shared/eval. */
  path: string;
  /** Sentence caps to answer with (`undefined` = the answerer's default); empty for none. */
  answerSentences: (number | undefined)[];
  /**
   * Processes its retrieval variants are spread over (each indexes the
   * dataset itself, which costs seconds against minutes of questions).
   */
  retrievalParts: number;
}

/** Costliest first (SQuAD dev has 10,570 questions), so that the pool of processes stays balanced. */
const DATASETS: BenchDataset[] = [
  // Its variants alone took 11 minutes of one core: two processes share them.
  { name: 'squad', path: 'squad/dev-v1.1.json', answerSentences: [1, 2, 3, undefined], retrievalParts: 2 },
  { name: 'scifact', path: 'scifact', answerSentences: [], retrievalParts: 1 },
  // Chinese: checks that nothing assumes English. Words are counted as the tokenizer segments them.
  { name: 'cmrc2018', path: 'cmrc2018/cmrc2018_trial.json', answerSentences: [1, undefined], retrievalParts: 1 },
];

/** What a child prints: its runs and the CPU time of the whole process (start-up and indexing included). */
interface PartResult {
  cpuSeconds: number;
  runs: BenchRun[];
}

/**
 * What a child process measures: every `of`-th of one dataset's retrieval
 * variants from the `index`-th on, or its answers and the variant they use.
 */
interface Part {
  dataset: BenchDataset;
  kind: 'retrieval' | 'answers';
  index: number;
  of: number;
}

/** One measured run: a retrieval variant, or answers with one sentence cap. */
type BenchRun = {
  dataset: string;
  variant: string;
  /** Wall time of this run alone, in seconds. */
  seconds: number;
  /** CPU time of this run (user + system), in seconds: the cost when other work shares the cores. */
  cpuSeconds: number;
} & (
  | { kind: 'retrieval'; report: EvalReport }
  | { kind: 'answers'; k: number; answers: AnswerMetrics }
);

const projectRoot = fileURLToPath(new URL('..', import.meta.url));
// FOOTNOTE_EVAL_DIR points elsewhere; a git worktree in a sub-folder finds ../../shared as the bench does.
const sharedEvalDir =
  process.env['FOOTNOTE_EVAL_DIR'] ?? findEvalDir(projectRoot) ?? path.resolve(projectRoot, '..', 'shared', 'eval');
const resultsDir = path.join(projectRoot, 'bench', 'results');

async function main(): Promise<void> {
  if (!fs.existsSync(sharedEvalDir)) {
    console.log('skipping: ../shared/eval not found');
    return;
  }
  const [first, second] = process.argv.slice(2);
  if (first === '--part') {
    // Stopped by the pool (SIGTERM) or Ctrl+C: abort, so the temporary index is removed.
    const controller = new AbortController();
    for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => controller.abort());
    const runs = await runPart(findPart(second ?? ''), controller.signal);
    const cpu = process.cpuUsage();
    const result: PartResult = { cpuSeconds: (cpu.user + cpu.system) / 1e6, runs };
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return;
  }
  const filter = first;
  const system = describeSystem();
  const startedAt = performance.now();
  const parts = listParts(filter);
  const results = await runInPool(parts, os.availableParallelism());
  const runs = orderRuns(results.flatMap((result) => result.runs));
  const wallSeconds = (performance.now() - startedAt) / 1000;
  const cpuSeconds = results.reduce((total, result) => total + result.cpuSeconds, 0);
  const markdown = formatMarkdown(runs, wallSeconds, cpuSeconds);
  if (filter === undefined) {
    fs.mkdirSync(resultsDir, { recursive: true });
    const results = { ...system, wallSeconds, cpuSeconds, runs };
    // NaN (a metric over no queries) is written as null by JSON.stringify.
    fs.writeFileSync(path.join(resultsDir, 'eval.json'), `${JSON.stringify(results, null, 2)}\n`);
    fs.writeFileSync(path.join(resultsDir, 'eval.md'), markdown);
  } else log(`filtered run ("${filter}"): bench/results not written`);
  console.log(markdown);
}

/**
 * The parts to run, in the order of DATASETS. A dataset's answers form a part
 * of their own, with the retrieval of the variant they are measured on (they
 * answer from its passages); the other variants are the retrieval part.
 */
function listParts(filter: string | undefined): Part[] {
  const parts: Part[] = [];
  for (const dataset of DATASETS) {
    if (filter !== undefined && !dataset.name.includes(filter)) continue;
    if (!fs.existsSync(path.join(sharedEvalDir, dataset.path))) {
      log(`skipping ${dataset.name}: ${path.join(sharedEvalDir, dataset.path)} not found`);
      continue;
    }
    for (let index = 0; index < dataset.retrievalParts; index++) {
      parts.push({ dataset, kind: 'retrieval', index, of: dataset.retrievalParts });
    }
    if (hasAnswerPart(dataset)) parts.push({ dataset, kind: 'answers', index: 0, of: 1 });
  }
  return parts;
}

function hasAnswerPart(dataset: BenchDataset): boolean {
  return dataset.answerSentences.length > 0;
}

function partId(part: Part): string {
  return `${part.dataset.name}:${part.kind}:${part.index}/${part.of}`;
}

function findPart(id: string): Part {
  const [name, kind, share = ''] = id.split(':');
  const [index = NaN, of = NaN] = share.split('/').map(Number);
  const dataset = DATASETS.find((candidate) => candidate.name === name);
  const validShare = Number.isInteger(index) && Number.isInteger(of) && index >= 0 && index < of;
  if (dataset === undefined || (kind !== 'retrieval' && kind !== 'answers') || !validShare) {
    throw new Error(`unknown part ${id}`);
  }
  return { dataset, kind, index, of };
}

/**
 * Runs the parts in child processes, at most `concurrency` at a time; results
 * in the order of `parts`. When one part fails, the others are stopped.
 */
async function runInPool(parts: readonly Part[], concurrency: number): Promise<PartResult[]> {
  const results: PartResult[] = new Array(parts.length);
  const running = new Set<ChildProcess>();
  let next = 0;
  async function worker(): Promise<void> {
    for (let i = next++; i < parts.length; i = next++) results[i] = await runChild(parts[i]!, running);
  }
  try {
    await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, parts.length)) }, worker));
  } catch (error) {
    next = parts.length;
    for (const child of running) child.kill();
    throw error;
  }
  return results;
}

function runChild(part: Part, running: Set<ChildProcess>): Promise<PartResult> {
  const child = spawn(
    process.execPath,
    [path.join(projectRoot, 'bin', 'run-ts.js'), fileURLToPath(import.meta.url), '--part', partId(part)],
    { cwd: projectRoot, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  running.add(child);
  let stdout = '';
  child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      running.delete(child);
      if (code !== 0) reject(new Error(`part ${partId(part)} exited with ${code}`));
      else resolve(JSON.parse(stdout.trim().split('\n').at(-1) ?? '') as PartResult);
    });
  });
}

/** Runs in declaration order: dataset, then variant, then answers by sentence cap. */
function orderRuns(runs: BenchRun[]): BenchRun[] {
  const rank = (run: BenchRun) => [
    DATASETS.findIndex((dataset) => dataset.name === run.dataset),
    run.kind === 'retrieval' ? 0 : 1,
    [...VARIANTS, DEFAULT_VARIANT].findIndex((variant) => variant.name === run.variant),
    run.kind === 'answers' ? (run.answers.sentences ?? 0) : 0,
  ];
  return [...runs].sort((left, right) => {
    const a = rank(left);
    const b = rank(right);
    const index = a.findIndex((value, i) => value !== b[i]);
    return index === -1 ? 0 : a[index]! - b[index]!;
  });
}

/** In a child: indexes the part's dataset once, then measures its variants or answer settings on that index. */
async function runPart(part: Part, signal: AbortSignal): Promise<BenchRun[]> {
  const name = part.dataset.name;
  const dataset = await loadDataset(path.join(sharedEvalDir, part.dataset.path));
  const config = makeBenchConfig(os.tmpdir(), os.tmpdir());
  const indexTimer = startTimer();
  const index = await drain(prepareEvalIndex(dataset, { config, signal }));
  const indexCpuSeconds = indexTimer().cpuSeconds;
  log(
    `${name} (${part.kind}): ${index.records} records → ${index.chunks} chunks in ` +
      `${index.indexSeconds.toFixed(1)} s (cpu ${indexCpuSeconds.toFixed(1)} s)`,
  );
  const runs: BenchRun[] = [];
  try {
    // The answers part measures the default's retrieval itself and answers from its passages.
    const variants =
      part.kind === 'answers'
        ? [DEFAULT_VARIANT]
        : (hasAnswerPart(part.dataset) ? VARIANTS : [...VARIANTS, DEFAULT_VARIANT]).filter(
            (_, i) => i % part.of === part.index,
          );
    let retrieved: RetrievalResult['passages'];
    for (const variant of variants) {
      const timer = startTimer();
      const keepPassages = part.kind === 'answers' ? config.k : undefined;
      const result = await drain(evaluateRetrieval(index, dataset, { settings: variant.settings, keepPassages, signal }));
      const { seconds, cpuSeconds } = timer();
      retrieved = result.passages;
      const report = buildEvalReport(index, dataset, { k: config.k, retrieval: variant.settings, ...result });
      runs.push({ kind: 'retrieval', dataset: name, variant: variant.name, seconds, cpuSeconds, report });
      log(`${name} ${variant.name}: nDCG@10 ${fixed3(report.metrics.ndcgAt10)} in ${seconds.toFixed(1)} s (cpu ${cpuSeconds.toFixed(1)} s)`);
    }
    if (part.kind === 'retrieval') return runs;
    // 'default' and an explicit cap equal to it would measure the same thing twice.
    const caps = [...new Set(part.dataset.answerSentences.map((cap) => cap ?? DEFAULT_MAX_SENTENCES))];
    for (const sentences of caps) {
      const timer = startTimer();
      const answers = await drain(
        evaluateAnswers(index, dataset, { k: config.k, sentences, settings: DEFAULT_VARIANT.settings, retrieved, signal }),
      );
      const { seconds, cpuSeconds } = timer();
      runs.push({ kind: 'answers', dataset: name, variant: DEFAULT_VARIANT.name, seconds, cpuSeconds, k: config.k, answers });
      log(`${name} answers ≤${sentences}: hit ${fixed3(answers.answerHit)} in ${seconds.toFixed(1)} s (cpu ${cpuSeconds.toFixed(1)} s)`);
    }
    return runs;
  } finally {
    index.close();
  }
}

function formatMarkdown(runs: readonly BenchRun[], wallSeconds: number, cpuSeconds: number): string {
  const lines = [
    '# footnote eval',
    '',
    `${new Date().toISOString().slice(0, 10)} · node ${process.version} · ${os.availableParallelism()} cores · ` +
      `wall time ${wallSeconds.toFixed(0)} s · CPU time ${cpuSeconds.toFixed(0)} s (all processes). ` +
      'Index s and p50 ms are wall times of processes that share the cores.',
    '',
    '| dataset | variant | nDCG@10 | R@1 | R@5 | R@10 | R@100 | MRR@10 | p50 ms | index s |',
    '|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const run of runs) {
    if (run.kind !== 'retrieval') continue;
    const { metrics: m, latencyMs, indexSeconds } = run.report;
    const figures = [m.ndcgAt10, m.recallAt1, m.recallAt5, m.recallAt10, m.recallAt100, m.mrrAt10].map(fixed3);
    lines.push(`| ${run.dataset} | ${run.variant} | ${figures.join(' | ')} | ${latencyMs.p50.toFixed(1)} | ${indexSeconds.toFixed(1)} |`);
  }
  const answerRuns = runs.flatMap((run) => (run.kind === 'answers' ? [run] : []));
  if (answerRuns.length > 0) {
    lines.push(
      '',
      `Answers: extractive, retrieval \`${DEFAULT_VARIANT.name}\`, k ${answerRuns[0]!.k}; mean words over the answered questions (Chinese: segmented words, as the tokenizer splits them).`,
      '',
      '| dataset | sentences | answer hit | cited hit | abstained | mean words |',
      '|---|---|---|---|---|---|',
    );
    for (const { dataset, answers: a } of answerRuns) {
      const cap = a.sentences === DEFAULT_MAX_SENTENCES ? `${a.sentences} (default)` : String(a.sentences);
      const figures = [a.answerHit, a.citedHit, a.abstentionRate].map(fixed3);
      lines.push(`| ${dataset} | ${cap} | ${figures.join(' | ')} | ${a.meanWords.toFixed(1)} |`);
    }
  }
  return `${lines.join('\n')}\n`;
}

function fixed3(value: number): string {
  return Number.isFinite(value) ? value.toFixed(3) : 'n/a';
}

/** Starts measuring; the returned function gives wall and CPU seconds since. */
function startTimer(): () => { seconds: number; cpuSeconds: number } {
  const startedAt = performance.now();
  const cpuAtStart = process.cpuUsage();
  return () => {
    const cpu = process.cpuUsage(cpuAtStart);
    return { seconds: (performance.now() - startedAt) / 1000, cpuSeconds: (cpu.user + cpu.system) / 1e6 };
  };
}

function log(line: string): void {
  process.stderr.write(`${line}\n`);
}

await main();
