// node bin/run-ts.js bench/measure-ingest-stall.ts CORPUS_DIR
// How long an index run keeps the event loop busy at a stretch: the chat app
// redraws its progress and hears Ctrl+C only between stretches. Indexes
// CORPUS_DIR into a temp folder from scratch (offline embedder) and prints the
// longest stall and how many stalls passed 100 ms.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config/load-config.js';
import { createFootnote } from '../src/footnote.js';

/** How often the probe timer asks to run; a stall is the time it waited beyond that. */
const PROBE_MS = 5;
const REPORTED_STALL_MS = 100;

const corpus = process.argv[2];
if (corpus === undefined) {
  console.error('usage: measure-ingest-stall.ts CORPUS_DIR');
  process.exit(2);
}
const index = fs.mkdtempSync(path.join(os.tmpdir(), 'footnote-stall-'));
const config = loadConfig({ cwd: process.cwd(), env: {}, flags: { corpus, index, provider: 'local' } });
const footnote = createFootnote(config);
const stalls: number[] = [];
let last = performance.now();
const probe = setInterval(() => {
  const now = performance.now();
  stalls.push(now - last - PROBE_MS);
  last = now;
}, PROBE_MS);
try {
  const run = footnote.ingest();
  let step = await run.next();
  while (step.done !== true) step = await run.next();
  clearInterval(probe);
  const report = step.value;
  const worst = Math.max(0, ...stalls);
  const over = stalls.filter((stall) => stall > REPORTED_STALL_MS).length;
  console.log(
    `${report.added} files, ${report.chunks} chunks in ${report.seconds.toFixed(1)} s; ` +
      `longest event-loop stall ${worst.toFixed(0)} ms; ${over} stalls over ${REPORTED_STALL_MS} ms`,
  );
} finally {
  clearInterval(probe);
  footnote.close();
  fs.rmSync(index, { recursive: true, force: true });
}
