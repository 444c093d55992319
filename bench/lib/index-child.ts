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
  /** User + system CPU time of the run, all threads, in milliseconds. */
  cpuMs: number;
}

async function runChild(): Promise<void> {
  const [corpus, index, flag] = process.argv.slice(2);
  if (!corpus || !index) throw new Error('usage: index-child.ts CORPUS INDEX [--full]');
  const startupMs = performance.now();
  const cpuBefore = process.cpuUsage();
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
    cpuMs: cpuMillis(process.cpuUsage(cpuBefore)),
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

await runChild();

function cpuMillis(usage: NodeJS.CpuUsage): number {
  return (usage.user + usage.system) / 1000;
}
