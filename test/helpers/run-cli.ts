import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project's root folder (this file lives in `test/helpers/`). */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Absolute path of the real `footnote` binary. */
export const FOOTNOTE_BIN = path.join(PROJECT_ROOT, 'bin', 'footnote.js');

/** Absolute path of the script that runs a TypeScript file through tsx. */
export const RUN_TS_BIN = path.join(PROJECT_ROOT, 'bin', 'run-ts.js');

/** How a finished CLI run ended. */
export interface CliResult {
  /** Exit code, or `null` when a signal ended the process. */
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Options for {@link runCli} and {@link spawnCli}. */
export interface RunCliOptions {
  /** Working directory of the run (where `./corpus` and `./embeddings` are looked up). */
  cwd: string;
  /**
   * Variables added to the child's environment; `undefined` removes one.
   * OPENAI_API_KEY, OPENAI_BASE_URL and FOOTNOTE_* are removed unless given here,
   * so a developer's own settings never leak into a test.
   */
  env?: Record<string, string | undefined>;
  /** Written to stdin, which is then closed. Without it stdin is closed at once. */
  input?: string;
  /** Kill the run (SIGKILL) and fail after this long; default 30 s. */
  timeoutMs?: number;
}

const REMOVED_VARIABLES = /^(OPENAI_|FOOTNOTE_)/;

/** The environment for a child run: ours, minus provider settings, plus `extra`. */
export function makeCliEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (!REMOVED_VARIABLES.test(name)) env[name] = value;
  }
  // Colours would sprinkle escape codes through the output the tests read.
  env['NO_COLOR'] = '1';
  env['FORCE_COLOR'] = '0';
  for (const [name, value] of Object.entries(extra)) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  return env;
}

/**
 * Starts `node bin/footnote.js …args` (the real binary) without waiting for it.
 * Use {@link runCli} unless the test needs to talk to or kill the process.
 */
export function spawnCli(args: string[], options: RunCliOptions): ChildProcess {
  return spawnNode([FOOTNOTE_BIN, ...args], options);
}

/** Starts `node <args>` with the test environment of {@link makeCliEnv}. */
export function spawnNode(args: string[], options: RunCliOptions): ChildProcess {
  return spawn(process.execPath, args, {
    cwd: options.cwd,
    env: makeCliEnv(options.env),
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}

/**
 * Runs the real `footnote` binary to the end and collects its output.
 *
 * @example
 * const { code, stdout } = await runCli(['ask', 'Who?', '--json'], { cwd: workDir });
 */
export function runCli(args: string[], options: RunCliOptions): Promise<CliResult> {
  return collectOutput(spawnCli(args, options), options);
}

/** Waits for a started child to end, collecting its output; kills it on timeout. */
export function collectOutput(child: ChildProcess, options: Pick<RunCliOptions, 'input' | 'timeoutMs'> = {}): Promise<CliResult> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (text: string) => (stdout += text));
  child.stderr?.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  // A child that exits before reading its input must not fail the test with EPIPE.
  child.stdin?.on('error', () => undefined);
  if (options.input !== undefined) child.stdin?.end(options.input);
  else child.stdin?.end();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`footnote did not finish within ${timeoutMs} ms\nstdout: ${stdout}\nstderr: ${stderr}`));
    }, timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}
