import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import type { BenchContext } from './bench-context.js';
import { makeChildEnvironment } from './run-node.js';

const SECTION = 'Ask';
const RUNS = 5;
/** What the chat app shows once its input line takes keystrokes. */
const READY_TEXT = 'Ask a question, or /help';
const TIMEOUT_MS = 30_000;

const ANSI = /\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b[()][A-Z0-9]|\x1b[=>]/gu;

/** Spawn to the input line of the chat app, in a pseudo-terminal (util-linux `script`), in ms. */
function timeChatStartup(context: BenchContext, sampleIndex: string, env: NodeJS.ProcessEnv): Promise<number> {
  const quote = (value: string) => `'${value.replace(/'/gu, `'\\''`)}'`;
  const command = [process.execPath, path.join(context.repoRoot, 'bin/footnote.js'), '--corpus', context.sampleCorpus,
    '--index', sampleIndex, '--provider', 'local'].map(quote).join(' ');
  const startedAt = performance.now();
  const child = spawn('script', ['-qfec', command, '/dev/null'], {
    cwd: context.repoRoot,
    env: { ...env, TERM: 'xterm-256color', COLUMNS: '100', LINES: '40' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let screen = '';
    let readyMs: number | null = null;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the chat app showed no input line in ${TIMEOUT_MS} ms:\n${screen.slice(-2000)}`));
    }, TIMEOUT_MS);
    child.stdout.setEncoding('utf8').on('data', (text: string) => {
      screen += text.replace(ANSI, '');
      if (readyMs === null && screen.includes(READY_TEXT)) {
        readyMs = performance.now() - startedAt;
        child.stdin.write('/quit\r');
      }
    });
    child.stdin.on('error', () => undefined);
    child.once('close', () => {
      clearTimeout(timer);
      if (readyMs === null) reject(new Error(`the chat app exited before its input line:\n${screen.slice(-2000)}`));
      else resolve(readyMs);
    });
  });
}

/**
 * Time until the chat app accepts input on the sample index, as shipped
 * (prebuilt dist/) and, unless `withTsx` is false, through tsx, alternating.
 * Skipped without `script`.
 */
export async function benchChatStartup(
  context: BenchContext,
  sampleIndex: string,
  { withTsx }: { withTsx: boolean },
): Promise<void> {
  if (spawnSync('script', ['--version'], { stdio: 'ignore' }).status !== 0) {
    context.progress('  util-linux `script` not found: skipping the chat start-up');
    return;
  }
  const shipped: number[] = [];
  const tsx: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    shipped.push(await timeChatStartup(context, sampleIndex, makeChildEnvironment()));
    if (withTsx) tsx.push(await timeChatStartup(context, sampleIndex, makeChildEnvironment({ FOOTNOTE_NO_DIST: '1' })));
  }
  context.log.add(SECTION, 'chat.startup', 'chat app: spawn → input line accepts keys (as shipped)', 'ms', shipped,
    'in a pseudo-terminal, sample index already built');
  if (withTsx) {
    context.log.add(SECTION, 'chat.startup-tsx', 'chat app: spawn → input line accepts keys (through tsx)', 'ms', tsx);
  }
}
