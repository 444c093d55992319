// npm run bench [-- --markdown-mb 20 --keep]
// Speed and memory of footnote, measured side by side in one run. Writes
// bench/results/bench.json (every sample) and bench/results/bench.md, and
// prints the markdown. See bench/README.md for what each number means.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { benchAskBreakdown } from './lib/bench-ask-breakdown.js';
import { benchCliAsk, benchInProcessAsk } from './lib/bench-ask.js';
import type { BenchContext } from './lib/bench-context.js';
import { benchIncrementalIndex, benchLargeIndex } from './lib/bench-large-index.js';
import { benchSampleIndex } from './lib/bench-sample-index.js';
import { formatReport } from './lib/format-report.js';
import type { CorpusOptions } from './lib/generate-corpus.js';
import { MeasurementLog } from './lib/measurement-log.js';
import { describeSystem } from './lib/system-info.js';

const SEED = 20240611;

async function runBench(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'markdown-files': { type: 'string', default: '2000' },
      // 5 MB keeps the whole bench near 5 minutes on 2 cores; see README for 20 MB.
      'markdown-mb': { type: 'string', default: '5' },
      'html-files': { type: 'string', default: '20' },
      questions: { type: 'string', default: '200' },
      keep: { type: 'boolean', default: false },
    },
  });
  const corpusOptions: CorpusOptions = {
    seed: SEED,
    markdownFiles: Number(values['markdown-files']),
    markdownBytes: Number(values['markdown-mb']) * 1e6,
    htmlFiles: Number(values['html-files']),
    questions: Number(values.questions),
  };
  const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const startedAt = performance.now();
  const system = describeSystem();
  const context: BenchContext = {
    repoRoot,
    tempRoot: fs.mkdtempSync(path.join(os.tmpdir(), 'footnote-bench-')),
    sampleCorpus: path.join(repoRoot, 'corpus'),
    log: new MeasurementLog(),
    progress: (line) => process.stderr.write(`${line}\n`),
  };
  try {
    context.progress('1/5 sample corpus: index via CLI and in-process');
    const sample = await benchSampleIndex(context);
    context.progress('2/5 generated corpus: full, no-op re-index');
    const large = benchLargeIndex(context, corpusOptions);
    context.progress('3/5 ask: CLI (as shipped and what-ifs), in-process latency');
    await benchCliAsk(context, sample.indexDir);
    const inProcess = await benchInProcessAsk(context, large);
    context.progress('4/5 generated corpus: incremental re-index');
    const incremental = benchIncrementalIndex(context, large, SEED);
    context.progress('5/5 ask breakdown');
    const breakdown = benchAskBreakdown(context, sample.indexDir);

    const totalSeconds = (performance.now() - startedAt) / 1000;
    const loadAverageAtEnd = os.loadavg();
    const markdown = formatReport(system, context.log.rows, breakdown, totalSeconds, loadAverageAtEnd);
    const resultsDir = path.join(repoRoot, 'bench/results');
    fs.mkdirSync(resultsDir, { recursive: true });
    const json = {
      system: { ...system, loadAverageAtEnd },
      totalSeconds,
      measurements: context.log.rows,
      askBreakdown: breakdown,
      details: { largeCorpus: large.details, inProcessAsk: inProcess, incrementalRuns: incremental },
    };
    fs.writeFileSync(path.join(resultsDir, 'bench.json'), `${JSON.stringify(json, null, 2)}\n`);
    fs.writeFileSync(path.join(resultsDir, 'bench.md'), markdown);
    process.stdout.write(markdown);
  } finally {
    if (values.keep) context.progress(`kept ${context.tempRoot}`);
    else fs.rmSync(context.tempRoot, { recursive: true, force: true });
  }
}

await runBench();
