// Child process for one index run, so the parent can read this process's peak RSS.
// Usage: node bin/run-ts.js bench/lib/index-child.ts CORPUS INDEX [--full]
// Prints one JSON line: { report, wallMs, maxRssBytes, processUptimeMs }.
import { createFootnote } from '../../src/footnote.js';
import type { IngestReport } from '../../src/ingest/ingest-report.js';
import { makeBenchConfig } from './bench-config.js';

/** What the child prints; `wallMs` covers createFootnote + ingest only, not start-up. */
export interface IndexChildResult {
  report: IngestReport;
  wallMs: number;
  /** Peak resident set size of the whole child process, in bytes. */
  maxRssBytes: number;
  /** Milliseconds from process start until the run began (node + tsx + imports). */
  startupMs: number;
}

async function runChild(): Promise<void> {
  const [corpus, index, flag] = process.argv.slice(2);
  if (!corpus || !index) throw new Error('usage: index-child.ts CORPUS INDEX [--full]');
  const startupMs = performance.now();
  const footnote = createFootnote(makeBenchConfig(corpus, index));
  const run = footnote.ingest({ full: flag === '--full' });
  let step = await run.next();
  while (!step.done) step = await run.next();
  footnote.close();
  const result: IndexChildResult = {
    report: step.value,
    wallMs: performance.now() - startupMs,
    // resourceUsage reports kilobytes.
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
    startupMs,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

await runChild();
