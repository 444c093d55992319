import fs from 'node:fs';
import path from 'node:path';
import { runNode } from './run-node.js';

/**
 * Runs bin/build-cli.js (what `npm install` runs as `prepare`) so that dist/
 * matches the sources and every spawned `footnote` runs as shipped.
 * Returns false when it did not produce dist/ (the CLI then runs through tsx).
 */
export function buildDist(repoRoot: string): boolean {
  runNode([path.join(repoRoot, 'bin/build-cli.js')], { cwd: repoRoot });
  return fs.existsSync(path.join(repoRoot, 'dist/cli/main.js'));
}
