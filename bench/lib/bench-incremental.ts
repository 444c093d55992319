import path from 'node:path';
import type { BenchContext } from './bench-context.js';
import { indexWithFootnote, type IndexedCorpus } from './bench-throughput.js';
import { rewriteFile, type SentencePool } from './generate-eval-corpus.js';
import { runNode } from './run-node.js';

const SECTION = 'Incremental re-index';

/**
 * Re-indexes an indexed corpus after changing one file (in-process and via
 * the spawned CLI, alternating, a different file each run), after changing 1%
 * of the files, and with nothing changed.
 */
export function benchIncremental(
  context: BenchContext,
  pool: SentencePool,
  indexed: IndexedCorpus,
  options: { oneFileRuns: number; onePercentRuns: number; seed: number },
): Record<string, unknown> {
  const { corpus, indexDir } = indexed;
  const { log } = context;
  const files = corpus.paths.length;
  let next = 0;
  // Files spread over the corpus, a new one each time, never the same twice.
  const pickFile = () => corpus.paths[(next++ * 7919) % files]!;
  const change = (count: number) => {
    for (let i = 0; i < count; i++) rewriteFile(corpus, pool, pickFile(), options.seed + next);
  };
  const label = (what: string) => `${files.toLocaleString('en-US')} files, ${indexed.chunks.toLocaleString('en-US')} chunks: ${what}`;

  const noOp = indexWithFootnote(context, corpus.dir, indexDir);
  const inProcess: number[] = [];
  const spawned: number[] = [];
  const computed: number[] = [];
  for (let run = 0; run < options.oneFileRuns; run++) {
    change(1);
    const result = indexWithFootnote(context, corpus.dir, indexDir);
    inProcess.push(result.wallMs);
    computed.push(result.report.embeddingsComputed);
    change(1);
    const cli = runNode(
      [path.join(context.repoRoot, 'bin/footnote.js'), 'index', '--corpus', corpus.dir, '--index', indexDir,
        '--provider', 'local', '--json'],
      { cwd: context.repoRoot },
    );
    spawned.push(cli.wallMs);
  }
  const goal = (row: { summary: { median: number } }) => (row.summary.median <= 1000 ? 'goal ≤ 1 s met' : 'goal ≤ 1 s not met');
  log.add(SECTION, 'incremental.no-op', label('nothing changed, in-process'), 'ms', [noOp.wallMs]);
  const oneIn = log.add(SECTION, 'incremental.one-file', label('1 file changed, in-process'), 'ms', inProcess,
    `embeddings computed: ${computed.join(', ')}`);
  oneIn.note += `; ${goal(oneIn)}`;
  const oneCli = log.add(SECTION, 'incremental.one-file-cli', label('1 file changed, `footnote index` spawned'), 'ms',
    spawned, 'includes node start-up, module loading and exit');
  oneCli.note += `; ${goal(oneCli)}`;

  const percent: number[] = [];
  const percentComputed: number[] = [];
  const changedFiles = Math.max(1, Math.round(files / 100));
  for (let run = 0; run < options.onePercentRuns; run++) {
    change(changedFiles);
    const result = indexWithFootnote(context, corpus.dir, indexDir);
    percent.push(result.wallMs);
    percentComputed.push(result.report.embeddingsComputed);
  }
  log.add(SECTION, 'incremental.one-percent', label(`1% of files (${changedFiles}) changed, in-process`), 'ms', percent,
    `embeddings computed: ${percentComputed.join(', ')}`);
  return { files, chunks: indexed.chunks, noOpMs: noOp.wallMs, inProcess, spawned, percent };
}
