import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { startOpenAITestServer } from '../helpers/openai-test-server.js';
import { FOOTNOTE_BIN, makeCliEnv, runCli } from '../helpers/run-cli.js';
import { copySampleCorpus, SAMPLE_FILE } from '../helpers/sample-corpus.js';
import { waitFor } from '../helpers/wait-for.js';

const QUESTION = 'Who led the team that visited Safe-Run?';

/** util-linux `script` gives the chat a pseudo-terminal; without it the pty test is skipped. */
const scriptAvailable = spawnSync('script', ['--version'], { stdio: 'ignore' }).status === 0;
if (!scriptAvailable) {
  console.warn('chat-line-mode.e2e: util-linux `script` is not installed, so the pseudo-terminal chat test is skipped');
}

const workDirs: string[] = [];

function makeWorkDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'footnote-e2e-chat-'));
  workDirs.push(dir);
  copySampleCorpus(dir);
  return dir;
}

afterAll(() => {
  for (const dir of workDirs) fs.rmSync(dir, { recursive: true, force: true });
});

describe('footnote with piped stdin', () => {
  it('answers one question per line with citations and stops at /quit', async () => {
    const input = [QUESTION, '', 'What is the boiling point of mercury?', '/quit', 'Who visited after the quit?', ''].join('\n');
    const result = await runCli([], { cwd: makeWorkDir(), input });

    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('indexing');
    const [first = '', second = '', ...rest] = result.stdout.split(/^> /m).filter((part) => part !== '');
    expect(rest).toEqual([]);

    expect(first.startsWith(`${QUESTION}\n`)).toBe(true);
    expect(first).toContain('Guo Jun');
    expect(first).toMatch(/ \[1\]/);
    expect(first).toMatch(new RegExp(`^\\[1\\] ${SAMPLE_FILE.replace(/\./g, '\\.')}:\\d+(-\\d+)?$`, 'm'));

    expect(second.startsWith('What is the boiling point of mercury?\n')).toBe(true);
    expect(second).toContain('does not seem to answer');
    expect(second).toContain('Closest passages:');
    // Nothing after /quit is answered.
    expect(result.stdout).not.toContain('Who visited after the quit?');
  });

  it('ends with exit 0 at the end of input without /quit', async () => {
    const result = await runCli([], { cwd: makeWorkDir(), input: `${QUESTION}\n` });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(`> ${QUESTION}\n`);
    expect(result.stdout).toContain(`[1] ${SAMPLE_FILE}:`);
  });

  it('exits 1 when a question failed: an index built with another provider', async () => {
    const dir = makeWorkDir();
    expect((await runCli(['index'], { cwd: dir })).code).toBe(0);
    const server = await startOpenAITestServer();
    try {
      const env = {
        OPENAI_API_KEY: 'sk-test',
        OPENAI_BASE_URL: server.url,
        FOOTNOTE_MODEL: 'test-chat-model',
        FOOTNOTE_EMBEDDING_MODEL: 'test-embedding-model',
      };
      const result = await runCli([], { cwd: dir, env, input: `${QUESTION}\nWho else came?\n` });
      expect(result.code, result.stderr).toBe(1);
      expect(result.stderr).toContain('error: the index was built with embedder');
      expect(result.stderr).toContain('error: 2 of 2 questions failed\nhint: the error line under each failed question says why and what to do\n');
    } finally {
      await server.close();
    }
  });

  it('takes /k, /clear and /help, rejects other slash commands in one line, and exits 1 for them', async () => {
    const input = ['/help', '/k 1', QUESTION, '/clear', '/open 1', ''].join('\n');
    const result = await runCli([], { cwd: makeWorkDir(), input });
    expect(result.code, result.stderr).toBe(1);
    expect(result.stderr).toContain('/k <n> — Set passages retrieved per question (1-50)');
    expect(result.stderr).toContain('passages per question: 1\n');
    expect(result.stderr).toContain(
      'error: /open works only in the chat app (run footnote in a terminal); piped input takes /help, /k, /clear, /quit\n',
    );
    expect(result.stderr).toContain('error: 1 command was rejected\n');
    // One passage per question, and no slash command was searched for.
    expect(result.stdout.split(/^> /m).filter((part) => part !== '')).toHaveLength(1);
    expect(result.stdout).toContain('[1] ');
    expect(result.stdout).not.toContain('[2] ');
  });
});

/** Escape sequences (CSI, OSC, charset) removed: the text a user sees, in drawing order. */
function stripAnsi(text: string): string {
  return text
    .replace(/\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)/g, '')
    .replace(/\x1b\[[0-?]*[ -/]*[@-~]/g, '')
    .replace(/\x1b[()][0-9A-Za-z]/g, '')
    .replace(/\x1b[=>]/g, '');
}

/** The chat app running in a pseudo-terminal, driven by keystrokes. */
interface PtySession {
  child: ChildProcess;
  /** Everything written, escape sequences included. */
  raw(): string;
  /** Everything drawn so far, escape sequences removed. */
  screen(): string;
  /** What was drawn since `mark()` was last called. */
  sinceMark(): string;
  mark(): void;
  type(text: string): void;
  exited: Promise<number | null>;
}

function startChatInPty(cwd: string): PtySession {
  const quote = (value: string) => `'${value.replace(/'/g, `'\\''`)}'`;
  const command = `${quote(process.execPath)} ${quote(FOOTNOTE_BIN)}`;
  // -q quiet, -f flush at once, -e pass on the child's exit code, -c run the command.
  const child = spawn('script', ['-qfec', command, '/dev/null'], {
    cwd,
    // CI=true as on a CI runner: Ink would draw nothing until exit unless the chat opts out.
    env: makeCliEnv({ TERM: 'xterm-256color', COLUMNS: '100', LINES: '40', CI: 'true' }),
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let raw = '';
  let markAt = 0;
  child.stdout?.setEncoding('utf8').on('data', (text: string) => (raw += text));
  child.stderr?.setEncoding('utf8').on('data', (text: string) => (raw += text));
  child.stdin?.on('error', () => undefined);
  const exited = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
  return {
    child,
    raw: () => raw,
    screen: () => stripAnsi(raw),
    sinceMark: () => stripAnsi(raw.slice(markAt)),
    mark: () => {
      markAt = raw.length;
    },
    type: (text) => {
      child.stdin?.write(text);
    },
    exited,
  };
}

describe('footnote chat app in a pseudo-terminal', () => {
  let session: PtySession | null = null;

  afterEach(() => {
    // SIGTERM to `script` ends the chat it runs, too.
    if (session && session.child.exitCode === null && session.child.signalCode === null) session.child.kill('SIGTERM');
    session = null;
  });

  it.skipIf(!scriptAvailable)('indexes, answers a typed question with citations, and quits on /quit', async () => {
    const pty = startChatInPty(makeWorkDir());
    session = pty;
    // Waits for what the screen should show; fails at once, with the screen, if the app exits first.
    const waitForScreen = (check: () => void) =>
      Promise.race([
        waitFor(check, { timeoutMs: 20_000, intervalMs: 20 }),
        pty.exited.then((code) => {
          throw new Error(`the chat exited early with code ${code}`);
        }),
      ]).catch((error: unknown) => {
        throw new Error(`${String(error)}\n--- screen ---\n${pty.screen().slice(-3000)}`);
      });

    // First run: the app indexes the corpus, then offers the input line.
    await waitForScreen(() => {
      const screen = pty.screen();
      expect(screen).toMatch(/index updated in [\d.]+ s: 1 added/);
      expect(screen.slice(screen.lastIndexOf('index updated'))).toContain('Ask a question, or /help');
    });

    pty.mark();
    pty.type(QUESTION);
    await waitForScreen(() => expect(pty.sinceMark()).toContain(QUESTION));
    pty.mark();
    pty.type('\r');
    await waitForScreen(() => {
      const answer = pty.sinceMark();
      expect(answer).toContain('Guo Jun');
      expect(answer).toContain('[1]');
      expect(answer).toContain(SAMPLE_FILE);
    });

    pty.mark();
    pty.type('/quit');
    await waitForScreen(() => expect(pty.sinceMark()).toContain('/quit'));
    pty.type('\r');
    let timer: NodeJS.Timeout | undefined;
    const code = await Promise.race([
      pty.exited,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`the chat did not exit after /quit\n${pty.screen().slice(-2000)}`)), 10_000);
      }),
    ]).finally(() => clearTimeout(timer));
    expect(code, pty.screen().slice(-2000)).toBe(0);
  });

  it.skipIf(!scriptAvailable)('opens at once on a stale index, says so, and leaves on Ctrl+D', async () => {
    const cwd = makeWorkDir();
    const indexed = await runCli(['index'], { cwd });
    expect(indexed.code, indexed.stderr).toBe(0);
    fs.writeFileSync(path.join(cwd, 'corpus', 'added-later.txt'), 'Marta Velasquez repaired the lighthouse lens.\n');
    const pty = startChatInPty(cwd);
    session = pty;
    await Promise.race([
      waitFor(
        () => {
          const screen = pty.screen();
          expect(screen).toContain('the corpus changed since it was last indexed');
          expect(screen).toContain('files changed: /reindex');
          expect(screen).toContain('Ask a question, or /help');
        },
        { timeoutMs: 20_000, intervalMs: 20 },
      ),
      pty.exited.then((code) => {
        throw new Error(`the chat exited early with code ${code}\n${pty.screen().slice(-2000)}`);
      }),
    ]);
    expect(pty.screen()).not.toContain('index updated');
    pty.type('\u0004');
    expect(await pty.exited, pty.screen().slice(-2000)).toBe(0);
    // Bracketed paste is switched on for the chat and off again as it leaves.
    expect(pty.raw()).toContain('\u001B[?2004h');
    expect(pty.raw().lastIndexOf('\u001B[?2004l')).toBeGreaterThan(pty.raw().lastIndexOf('\u001B[?2004h'));
  });
});
