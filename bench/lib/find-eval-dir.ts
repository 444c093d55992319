import fs from 'node:fs';
import path from 'node:path';

/**
 * The shared eval datasets: `../shared/eval` beside the checkout (as on CI and
 * in the main clone), or one level further up for a git worktree in a
 * sub-folder. Null when neither exists.
 */
export function findEvalDir(repoRoot: string): string | null {
  for (const candidate of [path.resolve(repoRoot, '../shared/eval'), path.resolve(repoRoot, '../../shared/eval')]) {
    if (fs.existsSync(path.join(candidate, 'scifact/corpus.jsonl'))) return candidate;
  }
  return null;
}
