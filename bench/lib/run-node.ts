import { spawnSync } from 'node:child_process';

/** One finished child process: wall time from spawn to exit, in milliseconds, and its output. */
export interface NodeRun {
  wallMs: number;
  stdout: string;
  stderr: string;
}

/** The environment children run with: offline, whatever the caller's shell has set. */
export function makeChildEnvironment(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const environment: NodeJS.ProcessEnv = { ...process.env };
  // The bench measures the offline path; a key in the shell would switch providers.
  for (const name of Object.keys(environment)) {
    if (name.startsWith('OPENAI_') || name.startsWith('FOOTNOTE_')) delete environment[name];
  }
  return { ...environment, ...extra };
}

/**
 * Runs `node ARGS…` to completion and times it from spawn to exit, so the
 * number includes everything a user waits for (process start-up and exit).
 * Throws with the child's stderr when it exits non-zero.
 */
export function runNode(args: readonly string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): NodeRun {
  const startedAt = performance.now();
  const result = spawnSync(process.execPath, args, {
    cwd: options.cwd,
    env: options.env ?? makeChildEnvironment(),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const wallMs = performance.now() - startedAt;
  if (result.error) throw result.error;
  if (result.status !== 0) {
    throw new Error(`node ${args.join(' ')} exited with ${result.status}:\n${result.stderr}`);
  }
  return { wallMs, stdout: result.stdout, stderr: result.stderr };
}

/** Parses the last non-empty line of a child's stdout as JSON (children print one result line). */
export function parseLastJsonLine<T>(stdout: string): T {
  const lines = stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1] ?? '') as T;
}
