import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Installs the peer pipeline's packages into bench/peer/node_modules when they
 * are missing. `--legacy-peer-deps` because @langchain/community's optional
 * peer dependencies conflict with the current openai package and npm refuses
 * with ERESOLVE; the peer never joins footnote's own dependency tree.
 *
 * @returns null when ready, else why the peer cannot run (the bench then skips it).
 */
export function ensurePeerInstalled(repoRoot: string, progress: (line: string) => void): string | null {
  const peerDir = path.join(repoRoot, 'bench/peer');
  if (fs.existsSync(path.join(peerDir, 'node_modules/@langchain/community/package.json'))) return null;
  progress('  installing the peer pipeline (bench/peer: npm install --legacy-peer-deps)');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['install', '--legacy-peer-deps', '--no-audit', '--no-fund'], {
    cwd: peerDir,
    encoding: 'utf8',
  });
  if (result.status === 0) return null;
  return `npm install in bench/peer failed: ${(result.stderr || String(result.error)).trim().split('\n').at(-1)}`;
}
