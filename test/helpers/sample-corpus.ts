import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from './run-cli.js';

/** The sample document shipped in `corpus/`. */
export const SAMPLE_FILE = 'guo-jun-cppcc-visit-to-safe-run.txt';

/**
 * Makes `dir/corpus` holding the sample document alone: the project's
 * `corpus/` is the user's to fill, and tests must not count what they add.
 */
export function copySampleCorpus(dir: string): void {
  fs.mkdirSync(path.join(dir, 'corpus'), { recursive: true });
  fs.copyFileSync(path.join(PROJECT_ROOT, 'corpus', SAMPLE_FILE), path.join(dir, 'corpus', SAMPLE_FILE));
}
