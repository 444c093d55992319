/**
 * Runs one index run through the facade and prints every event as a JSON line
 * on stdout, so a test can kill the process at an exact point of the run.
 *
 *   node bin/run-ts.js test/e2e/helpers/print-ingest-events.ts CORPUS INDEX [--full] [--pause-after N]
 *
 * With `--pause-after N` it stops pulling events after the Nth `file-indexed`
 * event (that file's transaction is committed), prints `{"type":"paused"}` and
 * waits to be killed: the kill then lands at a known point of the run. Without
 * it, the run ends with a `{"type":"report", …}` line. Settings are the CLI's
 * defaults with the local provider, so the CLI can continue the index.
 */
import { loadConfig } from '../../../src/config/load-config.js';
import { createFootnote } from '../../../src/footnote.js';

const args = process.argv.slice(2);
const [corpus, index] = args;
if (corpus === undefined || index === undefined) {
  process.stderr.write('usage: print-ingest-events.ts CORPUS INDEX [--full] [--pause-after N]\n');
  process.exit(2);
}
const full = args.includes('--full');
const pauseAt = args.includes('--pause-after') ? Number(args[args.indexOf('--pause-after') + 1]) : null;

const config = loadConfig({ flags: { corpus, index, provider: 'local' }, env: {}, cwd: process.cwd() });
const footnote = createFootnote(config);
const run = footnote.ingest({ full });
let indexed = 0;
for (;;) {
  const step = await run.next();
  if (step.done) {
    process.stdout.write(`${JSON.stringify({ type: 'report', report: step.value })}\n`);
    break;
  }
  process.stdout.write(`${JSON.stringify(step.value)}\n`);
  if (step.value.type === 'file-indexed') indexed += 1;
  if (pauseAt !== null && indexed === pauseAt) {
    process.stdout.write(`${JSON.stringify({ type: 'paused', pid: process.pid })}\n`);
    // Hold the generator (and its lock and open database) where it is until SIGKILL.
    setInterval(() => undefined, 60_000);
    await new Promise(() => undefined);
  }
}
footnote.close();
