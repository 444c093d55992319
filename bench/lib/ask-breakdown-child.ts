// Child process that walks the path of `footnote ask --json` step by step and
// timestamps each step, so the parent can say where the CLI's wall time goes.
// Usage: node bin/run-ts.js bench/lib/ask-breakdown-child.ts CORPUS INDEX QUESTION
// Every import below is dynamic: static imports would run before the first stamp.
import { IMPORT_GROUPS } from './import-groups.js';

/** Milliseconds spent in each step, in order; `entryMs` is time from process start to this file's first line. */
export interface AskBreakdown {
  entryMs: number;
  steps: { name: string; ms: number }[];
}

async function runChild(): Promise<void> {
  const entryMs = performance.now();
  const [corpus, index, question] = process.argv.slice(2);
  if (!corpus || !index || !question) throw new Error('usage: ask-breakdown-child.ts CORPUS INDEX QUESTION');
  const steps: { name: string; ms: number }[] = [];
  let last = performance.now();
  function stamp(name: string): void {
    const now = performance.now();
    steps.push({ name, ms: now - last });
    last = now;
  }

  for (const group of IMPORT_GROUPS) {
    for (const specifier of group.specifiers) await import(specifier);
    stamp(group.name);
  }
  // The modules cli/main.ts imports (main.ts itself would run the CLI on import).
  await import('../../src/cli/commands/ask-command.js');
  await import('../../src/cli/commands/index-command.js');
  await import('../../src/cli/commands/default-command.js');
  const { createFootnote } = await import('../../src/footnote.js');
  const { makeBenchConfig } = await import('./bench-config.js');
  stamp('footnote modules (src/, through tsx)');

  const footnote = createFootnote(makeBenchConfig(corpus, index));
  const status = await footnote.status();
  if (!status.exists || status.stale) throw new Error('the index must be up to date before the breakdown');
  stamp('status check (ensureIndex: open database, walk corpus)');

  const run = footnote.ask(question);
  // The answerer's first event comes right after retrieval.
  let step = await run.next();
  stamp('open index + retrieve + term weights (to first event)');
  while (!step.done) step = await run.next();
  stamp('answer (extractive)');
  process.stdout.write(`${JSON.stringify(step.value, null, 2)}\n`);
  footnote.close();
  stamp('print JSON + close');

  const breakdown: AskBreakdown = { entryMs, steps };
  process.stdout.write(`${JSON.stringify(breakdown)}\n`);
}

await runChild();
