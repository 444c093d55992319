import path from 'node:path';
import { createFootnote } from '../../src/footnote.js';
import { makeBenchConfig } from './bench-config.js';
import type { BenchContext } from './bench-context.js';
import { makeChildEnvironment, runNode } from './run-node.js';

const SECTION = 'Ask';
const CLI_RUNS = 7;
export const SAMPLE_QUESTION = 'Who led the team that visited Safe-Run?';

interface CliVariant {
  id: string;
  label: string;
  entry: string;
  env: NodeJS.ProcessEnv;
  runs: number;
  note?: string;
}

/**
 * Times `footnote ask --json` spawned against the sample index, as shipped
 * (bin/footnote.js runs the dist/ that `npm install` builds) and, in
 * alternating rounds, through tsx as a checkout with edited sources runs it
 * (left out with `withTsx: false`, as `--quick` does).
 */
export async function benchCliAsk(
  context: BenchContext,
  sampleIndex: string,
  built: boolean,
  { withTsx }: { withTsx: boolean },
): Promise<void> {
  const shipped: CliVariant = {
    id: 'ask.cli', label: `\`footnote ask --json\`, CLI as shipped (${built ? 'prebuilt dist/' : 'tsx: dist/ could not be built'})`,
    entry: 'bin/footnote.js', env: makeChildEnvironment(), runs: CLI_RUNS,
  };
  const throughTsx: CliVariant = {
    id: 'ask.cli-tsx', label: '`footnote ask --json` through tsx (sources newer than dist/)', entry: 'bin/footnote.js',
    env: makeChildEnvironment({ FOOTNOTE_NO_DIST: '1' }), runs: CLI_RUNS,
  };
  const variants = withTsx ? [shipped, throughTsx] : [shipped];
  const samples = new Map<string, number[]>(variants.map((variant) => [variant.id, []]));
  // Alternating rounds spread background load evenly over the variants.
  for (let round = 0; round < CLI_RUNS; round++) {
    for (const variant of variants) {
      if (round >= variant.runs) continue;
      const run = runNode(
        [path.resolve(context.repoRoot, variant.entry), 'ask', SAMPLE_QUESTION, '--corpus', context.sampleCorpus,
          '--index', sampleIndex, '--provider', 'local', '--json'],
        { cwd: context.repoRoot, env: variant.env },
      );
      if (!run.stdout.includes('"citations"')) throw new Error(`${variant.id} printed no answer:\n${run.stdout}`);
      samples.get(variant.id)!.push(run.wallMs);
    }
  }
  const shippedRow = context.log.add(SECTION, 'ask.cli', shipped.label, 'ms', samples.get('ask.cli')!);
  for (const variant of variants.slice(1)) {
    const row = context.log.add(SECTION, variant.id, variant.label, 'ms', samples.get(variant.id)!, variant.note);
    const ratio = shippedRow.summary.median / row.summary.median;
    row.note = `${row.note ? `${row.note}; ` : ''}shipped ÷ this = ${ratio.toFixed(2)}×`;
  }
}

/**
 * In-process latency against the generated corpus's index: the first ask
 * (which opens the index), then every question through `ask` (retrieve +
 * answer), then through `retrieve` alone.
 */
export async function benchInProcessAsk(
  context: BenchContext,
  corpus: { corpusDir: string; indexDir: string; questions: readonly string[] },
): Promise<Record<string, unknown>> {
  const footnote = createFootnote(makeBenchConfig(corpus.corpusDir, corpus.indexDir));
  const count = corpus.questions.length;
  let abstained = 0;
  async function askOnce(question: string): Promise<number> {
    const startedAt = performance.now();
    const run = footnote.ask(question);
    let step = await run.next();
    while (!step.done) step = await run.next();
    if (step.value.abstained) abstained += 1;
    return performance.now() - startedAt;
  }
  try {
    const first = await askOnce(corpus.questions[0]!);
    abstained = 0;
    const askMs: number[] = [];
    const retrieveMs: number[] = [];
    // Interleaved, so background load and GC fall on both alike.
    for (const question of corpus.questions) {
      askMs.push(await askOnce(question));
      const startedAt = performance.now();
      await footnote.retrieve(question);
      retrieveMs.push(performance.now() - startedAt);
    }
    const { log } = context;
    log.add(SECTION, 'ask.in-process.first', 'first ask in a process (opens the index)', 'ms', [first]);
    log.add(SECTION, 'ask.in-process', `ask in-process (retrieve + answer), ${count} questions`, 'ms', askMs,
      `${abstained} of ${count} abstained`);
    log.add(SECTION, 'ask.retrieve', `retrieve alone, ${count} questions`, 'ms', retrieveMs);
    return { questions: count, abstained };
  } finally {
    footnote.close();
  }
}
