import path from 'node:path';
import { createFootnote } from '../../src/footnote.js';
import { makeBenchConfig } from './bench-config.js';
import { makeTempDir, type BenchContext } from './bench-context.js';
import { runNode } from './run-node.js';

const SECTION = 'Sample corpus (./corpus)';
const RUNS = 5;

/**
 * Indexes the sample corpus from scratch, through the CLI (spawned: start-up
 * included) and in-process (createFootnote + ingest), RUNS times each,
 * alternating. Returns an index folder the ask benches can use.
 */
export async function benchSampleIndex(context: BenchContext): Promise<{ indexDir: string }> {
  const cliMs: number[] = [];
  const inProcessMs: number[] = [];
  let indexDir = '';
  for (let run = 0; run < RUNS; run++) {
    indexDir = makeTempDir(context, 'sample-cli');
    const cli = runNode(
      [path.join(context.repoRoot, 'bin/footnote.js'), 'index', '--corpus', context.sampleCorpus,
        '--index', indexDir, '--provider', 'local', '--json'],
      { cwd: context.repoRoot },
    );
    cliMs.push(cli.wallMs);

    const footnote = createFootnote(makeBenchConfig(context.sampleCorpus, makeTempDir(context, 'sample-in')));
    const startedAt = performance.now();
    const ingest = footnote.ingest();
    let step = await ingest.next();
    while (!step.done) step = await ingest.next();
    inProcessMs.push(performance.now() - startedAt);
    footnote.close();
  }
  const { log } = context;
  const cli = log.add(SECTION, 'sample.index.cli', 'index from scratch, CLI (spawned)', 'ms', cliMs);
  const inProcess = log.add(SECTION, 'sample.index.in-process', 'index from scratch, in-process', 'ms', inProcessMs);
  log.add(SECTION, 'sample.index.startup', 'CLI start-up cost (CLI − in-process medians)', 'ms',
    [cli.summary.median - inProcess.summary.median], 'node, module loading (prebuilt dist/), exit');
  return { indexDir };
}
