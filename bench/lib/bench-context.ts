import fs from 'node:fs';
import path from 'node:path';
import type { MeasurementLog } from './measurement-log.js';

/** What every bench section works with. */
export interface BenchContext {
  repoRoot: string;
  /** Scratch folder for corpora and indexes; removed at the end unless --keep. */
  tempRoot: string;
  /** The checked-in sample corpus (./corpus); read, never written. */
  sampleCorpus: string;
  log: MeasurementLog;
  /** Writes a progress line to stderr. */
  progress(line: string): void;
}

/** A new empty folder under the bench's scratch folder. */
export function makeTempDir(context: BenchContext, prefix: string): string {
  return fs.mkdtempSync(path.join(context.tempRoot, `${prefix}-`));
}

/** `node bin/run-ts.js FILE` arguments for a bench child file under bench/lib. */
export function childArgs(context: BenchContext, file: string, args: readonly string[]): string[] {
  return [
    path.join(context.repoRoot, 'bin/run-ts.js'),
    path.join(context.repoRoot, 'bench/lib', file),
    ...args,
  ];
}
