import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerJsonSchema } from '../../src/cli/output/answer-json.js';
import { loadConfig } from '../../src/config/load-config.js';
import { createFootnote } from '../../src/footnote.js';
import type { IngestReport } from '../../src/ingest/ingest-report.js';
import type { Answer } from '../../src/shared/types.js';
import { collectOutput, PROJECT_ROOT, RUN_TS_BIN, runCli, spawnCli, spawnNode } from '../helpers/run-cli.js';
import { drain } from '../helpers/test-config.js';
import { waitFor } from '../helpers/wait-for.js';
import { expectCitationsVerbatim } from '../helpers/verify-citation.js';

/**
 * An index run killed with SIGKILL leaves the previous index answering, and the
 * next run finishes the work. A first version of the corpus (100 files) is
 * indexed with the CLI; 200 files are added; then a run is killed at a known
 * point (after its Nth committed file) by a helper that drives the same facade
 * and pauses there, and once more at an arbitrary moment of a real `footnote index`.
 */

const FIRST_VERSION_FILES = 100;
/**
 * Enough for four batches of 256 chunks: a kill sent when the first batch
 * commits then lands mid-run even on a loaded machine (with 200, two batches,
 * the run could end before the kill arrived).
 */
const ADDED_FILES = 500;
const TOTAL_FILES = FIRST_VERSION_FILES + ADDED_FILES;
const HELPER = path.join(PROJECT_ROOT, 'test', 'e2e', 'helpers', 'print-ingest-events.ts');

/** A fact in the first version of the corpus. */
const OLD_FACT = {
  source: 'doc-007.txt',
  text: 'The lighthouse keeper of Varnholm Island was Edda Lindqvist.',
  question: 'Who was the lighthouse keeper of Varnholm Island?',
};
/** A fact in one of the added files. */
const NEW_FACT = {
  source: 'doc-250.txt',
  text: 'The Quillon ferry crossing takes exactly forty-seven minutes.',
  question: 'How long does the Quillon ferry crossing take?',
};

const WORDS = (
  'alpha beta gamma delta river mountain copper silver harbor lantern meadow orchard quarry saddle timber ' +
  'valley willow zephyr amber basalt cedar dune ember fjord granite heron iris juniper kelp lichen'
).split(' ');

/** Four paragraphs of seeded pseudo-random words (two passages with the default settings). */
function fillerText(seed: number): string {
  let state = seed + 1;
  const next = (): number => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
  const sentence = () => `${Array.from({ length: 14 }, () => WORDS[Math.floor(next() * WORDS.length)]).join(' ')}.`;
  return Array.from({ length: 4 }, () => [sentence(), sentence(), sentence()].join(' ')).join('\n\n');
}

function fileName(index: number): string {
  return `doc-${String(index).padStart(3, '0')}.txt`;
}

function writeCorpusFile(index: number): void {
  const name = fileName(index);
  let text = fillerText(index);
  if (name === OLD_FACT.source) text += `\n\n${OLD_FACT.text}\n`;
  if (name === NEW_FACT.source) text += `\n\n${NEW_FACT.text}\n`;
  fs.writeFileSync(path.join(corpusDir, name), text);
}

let workDir: string;
let corpusDir: string;
/** The index of the first version, built by the CLI; each scenario works on a copy. */
let baseIndex: string;

beforeAll(async () => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'footnote-e2e-crash-'));
  corpusDir = path.join(workDir, 'corpus');
  baseIndex = path.join(workDir, 'base-index');
  fs.mkdirSync(corpusDir);
  for (let i = 0; i < FIRST_VERSION_FILES; i++) writeCorpusFile(i);
  const first = await runCli(['index', '--json', '--index', baseIndex], { cwd: workDir });
  expect(first.code, first.stderr).toBe(0);
  expect(JSON.parse(first.stdout)).toMatchObject({ added: FIRST_VERSION_FILES, failed: [] });
  for (let i = FIRST_VERSION_FILES; i < TOTAL_FILES; i++) writeCorpusFile(i);
});

afterAll(() => {
  if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
});

/** A copy of the first version's index, for one scenario. */
function copyBaseIndex(name: string): string {
  const target = path.join(workDir, name);
  fs.cpSync(baseIndex, target, { recursive: true });
  return target;
}

/** Answers a question in this process through the facade, on the index as it is (no re-indexing first). */
async function askInProcess(indexDir: string, question: string): Promise<Answer> {
  const config = loadConfig({ flags: { corpus: corpusDir, index: indexDir, provider: 'local' }, env: {}, cwd: workDir });
  const footnote = createFootnote(config);
  try {
    return (await drain(footnote.ask(question))).value;
  } finally {
    footnote.close();
  }
}

async function expectAnswersFact(answer: Answer, fact: { source: string; text: string }): Promise<void> {
  expect(answer.abstained, answer.answer).toBe(false);
  expect(answer.answer).toContain(fact.text);
  expect(answer.citations[0]).toMatchObject({ id: 1, source: fact.source });
  await expectCitationsVerbatim(corpusDir, answer);
}

/** The JSON event lines a helper run printed so far, as they arrive. */
function readEvents(child: ChildProcess): { type: string; [key: string]: unknown }[] {
  const events: { type: string; [key: string]: unknown }[] = [];
  if (child.stdout) readline.createInterface({ input: child.stdout }).on('line', (line) => events.push(JSON.parse(line)));
  return events;
}

/**
 * Starts the helper on `indexDir`, waits until it has committed `files` files
 * and paused, and kills it with SIGKILL. Returns the killed pid.
 */
async function killAfterFiles(indexDir: string, files: number, options: { full?: boolean } = {}): Promise<number> {
  const child = spawnNode(
    [RUN_TS_BIN, HELPER, corpusDir, indexDir, ...(options.full ? ['--full'] : []), '--pause-after', String(files)],
    { cwd: workDir },
  );
  const events = readEvents(child);
  const ended = collectOutput(child, { timeoutMs: 30_000 });
  await waitFor(() => expect(events.at(-1)?.type).toBe('paused'), { timeoutMs: 20_000, intervalMs: 10 });
  expect(events.filter((event) => event.type === 'file-indexed')).toHaveLength(files);
  child.kill('SIGKILL');
  const result = await ended;
  expect(result.signal).toBe('SIGKILL');
  return child.pid ?? -1;
}

/**
 * How many added files the killed run committed: at least the files it had
 * reported, and the rest of their batch, which commits at once (run-ingest.ts).
 */
function committedAddedFiles(indexDir: string): number {
  const db = new Database(path.join(indexDir, 'footnote.sqlite'), { readonly: true, fileMustExist: true });
  try {
    const { files } = db.prepare('SELECT count(*) AS files FROM files').get() as { files: number };
    return files - FIRST_VERSION_FILES;
  } finally {
    db.close();
  }
}

/** Asserts the killed run's lock file is still there and names a dead process. */
function expectLockLeftBy(indexDir: string, pid: number): void {
  const lock = JSON.parse(fs.readFileSync(path.join(indexDir, 'index.lock'), 'utf8')) as { pid: number };
  expect(lock.pid).toBe(pid);
  expect(() => process.kill(pid, 0)).toThrow(expect.objectContaining({ code: 'ESRCH' }));
}

async function runIndexJson(indexDir: string, extra: string[] = []): Promise<IngestReport> {
  const result = await runCli(['index', '--json', '--index', indexDir, ...extra], { cwd: workDir });
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as IngestReport;
}

describe.concurrent('an index run killed with SIGKILL', () => {
  it.each([
    ['10%', ADDED_FILES * 0.1],
    ['90%', ADDED_FILES * 0.9],
  ])('after %s of the added files: the old index answers and the next `index` finishes the rest', async (_, files) => {
    const indexDir = copyBaseIndex(`index-killed-at-${files}`);
    const pid = await killAfterFiles(indexDir, files);
    expectLockLeftBy(indexDir, pid);
    const committed = committedAddedFiles(indexDir);
    expect(committed).toBeGreaterThanOrEqual(files);

    // The index the killed run left answers a question about the first version.
    await expectAnswersFact(await askInProcess(indexDir, OLD_FACT.question), OLD_FACT);

    // The next run takes over the dead run's lock and indexes exactly what the killed run had not committed.
    const resumed = await runIndexJson(indexDir);
    expect(resumed).toMatchObject({
      added: ADDED_FILES - committed,
      changed: 0,
      removed: 0,
      unchanged: FIRST_VERSION_FILES + committed,
      failed: [],
      chunks: TOTAL_FILES * 2,
    });
    expect(fs.existsSync(path.join(indexDir, 'index.lock'))).toBe(false);
    await expectAnswersFact(await askInProcess(indexDir, NEW_FACT.question), NEW_FACT);

    const again = await runIndexJson(indexDir);
    expect(again).toMatchObject({ added: 0, changed: 0, removed: 0, unchanged: TOTAL_FILES, chunks: TOTAL_FILES * 2 });
  });

  it('after 50% of the added files: `ask --json` finishes the index run and answers', async () => {
    const files = ADDED_FILES / 2;
    const indexDir = copyBaseIndex('index-killed-at-half');
    const pid = await killAfterFiles(indexDir, files);
    expectLockLeftBy(indexDir, pid);
    const committed = committedAddedFiles(indexDir);
    expect(committed).toBeLessThan(ADDED_FILES);
    await expectAnswersFact(await askInProcess(indexDir, OLD_FACT.question), OLD_FACT);

    // `ask` sees the corpus ahead of the index, takes over the lock, finishes the work, then answers.
    const asked = await runCli(['ask', NEW_FACT.question, '--json', '--index', indexDir], { cwd: workDir });
    expect(asked.code, asked.stderr).toBe(0);
    expect(asked.stderr).toContain(`indexed ${ADDED_FILES - committed} files`);
    await expectAnswersFact(answerJsonSchema.parse(JSON.parse(asked.stdout)), NEW_FACT);
    expect(fs.existsSync(path.join(indexDir, 'index.lock'))).toBe(false);

    const again = await runIndexJson(indexDir);
    expect(again).toMatchObject({ added: 0, changed: 0, removed: 0, unchanged: TOTAL_FILES, chunks: TOTAL_FILES * 2 });
  });

  it('half-way through a --full rebuild: the old index answers, and the next --full completes and clears the leftovers', async () => {
    const indexDir = copyBaseIndex('index-killed-in-full');
    // Bring the old index up to the whole corpus, so `ask` will not re-index before answering.
    const config = loadConfig({ flags: { corpus: corpusDir, index: indexDir, provider: 'local' }, env: {}, cwd: workDir });
    const footnote = createFootnote(config);
    expect((await drain(footnote.ingest())).value).toMatchObject({ added: ADDED_FILES });
    footnote.close();

    const pid = await killAfterFiles(indexDir, TOTAL_FILES / 2, { full: true });
    expectLockLeftBy(indexDir, pid);
    await expectAnswersFact(await askInProcess(indexDir, NEW_FACT.question), NEW_FACT);
    const asked = await runCli(['ask', OLD_FACT.question, '--json', '--index', indexDir], { cwd: workDir });
    expect(asked.code, asked.stderr).toBe(0);
    expect(asked.stderr).toBe('');
    await expectAnswersFact(answerJsonSchema.parse(JSON.parse(asked.stdout)), OLD_FACT);

    const rebuilt = await runIndexJson(indexDir, ['--full']);
    expect(rebuilt).toMatchObject({ full: true, added: TOTAL_FILES, failed: [], chunks: TOTAL_FILES * 2 });
    expect(fs.existsSync(path.join(indexDir, 'index.lock'))).toBe(false);
    await expectAnswersFact(await askInProcess(indexDir, OLD_FACT.question), OLD_FACT);
    expect(await runIndexJson(indexDir)).toMatchObject({ added: 0, changed: 0, removed: 0, unchanged: TOTAL_FILES });
    // The killed rebuild's staging folder (a whole second database) does not outlive the runs that follow.
    expect(fs.readdirSync(indexDir).filter((name) => name.startsWith('.staging'))).toEqual([]);
  });

  it('at an arbitrary moment of a real `footnote index`: the old index answers and the next run completes', async () => {
    const indexDir = copyBaseIndex('index-killed-binary');
    const child = spawnCli(['index', '--json', '--index', indexDir], { cwd: workDir });
    const ended = collectOutput(child, { timeoutMs: 30_000 });
    // Kill as soon as the run has committed its first added file: SQLite is
    // read from this process while the run writes to it.
    await waitFor(
      () => {
        const db = new Database(path.join(indexDir, 'footnote.sqlite'), { readonly: true, fileMustExist: true });
        try {
          const { files } = db.prepare('SELECT count(*) AS files FROM files').get() as { files: number };
          expect(files).toBeGreaterThan(FIRST_VERSION_FILES);
        } finally {
          db.close();
        }
      },
      { timeoutMs: 20_000, intervalMs: 2 },
    );
    child.kill('SIGKILL');
    expect((await ended).signal).toBe('SIGKILL');

    await expectAnswersFact(await askInProcess(indexDir, OLD_FACT.question), OLD_FACT);
    const resumed = await runIndexJson(indexDir);
    // The kill landed mid-run, after a batch of added files was committed
    // (a batch commits at once, so it may have been the last): the rest are added now.
    expect(resumed.unchanged).toBeGreaterThan(FIRST_VERSION_FILES);
    expect(resumed.added + resumed.unchanged).toBe(TOTAL_FILES);
    expect(resumed).toMatchObject({ changed: 0, removed: 0, failed: [], chunks: TOTAL_FILES * 2 });
    await expectAnswersFact(await askInProcess(indexDir, NEW_FACT.question), NEW_FACT);
  });
});
