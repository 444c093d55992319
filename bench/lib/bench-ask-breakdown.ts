import path from 'node:path';
import type { AskBreakdown } from './ask-breakdown-child.js';
import { SAMPLE_QUESTION } from './bench-ask.js';
import { childArgs, type BenchContext } from './bench-context.js';
import { buildImportTimingScript, IMPORT_GROUPS, type ImportTimings } from './import-groups.js';
import { parseLastJsonLine, runNode } from './run-node.js';
import { summarizeSamples } from './summarize-samples.js';

const RUNS = 5;

/** One step of `footnote ask`'s wall time: medians in ms, with the same step under plain node where it applies. */
export interface BreakdownRow {
  step: string;
  samples: number[];
  medianMs: number;
  /** The same imports without tsx's loader hooks, when measured. */
  plainNodeMedianMs?: number;
  /** Share of the CLI's median wall time (measured in the same rounds), 0–1. */
  shareOfCli: number;
}

/**
 * Splits `footnote ask --json`'s wall time into steps. Each of RUNS rounds
 * spawns, one after the other: the real CLI; a child that walks the ask path
 * with timestamps (tsx registered as bin/footnote.js does; third-party
 * imports group by group, footnote's own modules, status check, retrieval,
 * answer, output); and an import-timing script with and without tsx, which
 * gives node's bootstrap, tsx's registration and each group's import cost
 * without tsx's loader hooks.
 */
export function benchAskBreakdown(context: BenchContext, sampleIndex: string): BreakdownRow[] {
  const cliMs: number[] = [];
  const walkWallMs: number[] = [];
  const walks: AskBreakdown[] = [];
  const plain: ImportTimings[] = [];
  const withTsx: ImportTimings[] = [];
  const options = { cwd: context.repoRoot };
  for (let round = 0; round < RUNS; round++) {
    cliMs.push(runNode([path.join(context.repoRoot, 'bin/footnote.js'), 'ask', SAMPLE_QUESTION, '--corpus',
      context.sampleCorpus, '--index', sampleIndex, '--provider', 'local', '--json'], options).wallMs);
    const walk = runNode(childArgs(context, 'ask-breakdown-child.ts', [context.sampleCorpus, sampleIndex, SAMPLE_QUESTION]), options);
    walks.push(parseLastJsonLine(walk.stdout));
    walkWallMs.push(walk.wallMs);
    plain.push(parseLastJsonLine(runNode(['--input-type=module', '-e', buildImportTimingScript(false)], options).stdout));
    withTsx.push(parseLastJsonLine(runNode(['--input-type=module', '-e', buildImportTimingScript(true)], options).stdout));
  }

  const cliMedianMs = summarizeSamples(cliMs).median;
  const rows: BreakdownRow[] = [];
  function addRow(step: string, samples: number[], plainSamples?: number[]): void {
    const medianMs = summarizeSamples(samples).median;
    rows.push({
      step,
      samples,
      medianMs,
      ...(plainSamples ? { plainNodeMedianMs: summarizeSamples(plainSamples).median } : {}),
      shareOfCli: medianMs / cliMedianMs,
    });
  }
  addRow('process start → first line of the entry (node bootstrap, tsx, entry module)',
    walks.map((walk) => walk.entryMs), plain.map((timing) => timing.entryMs));
  addRow('… of which tsx import + register loader hooks (measured in a script)',
    withTsx.map((timing) => timing.tsxRegisterMs));
  walks[0]!.steps.forEach((step, stepIndex) => {
    const groupIndex = IMPORT_GROUPS.findIndex((group) => group.name === step.name);
    addRow(
      groupIndex >= 0 ? `import ${step.name}` : step.name,
      walks.map((walk) => walk.steps[stepIndex]!.ms),
      groupIndex >= 0 ? plain.map((timing) => timing.groups[groupIndex]!.ms) : undefined,
    );
  });
  addRow('process exit + spawn overhead (child wall − its last stamp)', walks.map((walk, i) =>
    walkWallMs[i]! - walk.entryMs - walk.steps.reduce((sum, step) => sum + step.ms, 0)));
  addRow('= the timestamped walk, spawn to exit', walkWallMs);
  addRow('CLI wall − walk wall (CLI also parses argv; the walk imports one group at a time, so this can be < 0)', cliMs.map((ms, i) => ms - walkWallMs[i]!));
  addRow('= `footnote ask --json` wall, same rounds', cliMs);
  return rows;
}
