import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { collectOutput, FOOTNOTE_BIN, PROJECT_ROOT, runCli, spawnNode, type CliResult } from '../helpers/run-cli.js';

const workDirs: string[] = [];

/** An empty working directory, with `config` as its footnote.config.json when given. */
function makeWorkDir(config?: Record<string, unknown>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'footnote-e2e-usage-'));
  workDirs.push(dir);
  if (config !== undefined) fs.writeFileSync(path.join(dir, 'footnote.config.json'), JSON.stringify(config));
  return dir;
}

afterAll(() => {
  for (const dir of workDirs) fs.rmSync(dir, { recursive: true, force: true });
});

/** The `error:` and `hint:` lines of a run that failed with a usage error (exit 2) and printed nothing else. */
function usageError(result: CliResult): [string, string] {
  expect(result.code, result.stderr).toBe(2);
  expect(result.stdout).toBe('');
  const lines = result.stderr.trimEnd().split('\n');
  expect(lines, result.stderr).toHaveLength(2);
  return [lines[0] ?? '', lines[1] ?? ''];
}

describe('footnote config errors', () => {
  it('names an unknown key of footnote.config.json and suggests the key it resembles', async () => {
    const result = await runCli(['ask', 'Who?'], { cwd: makeWorkDir({ chatModell: 'llama3.2' }) });
    expect(usageError(result)).toEqual([
      'error: config: unknown key "chatModell" in footnote.config.json',
      'hint: did you mean "chatModel"? rename the key in footnote.config.json',
    ]);
  });

  it('takes a number in footnote.config.json only as a JSON number ("k": "5" is refused)', async () => {
    const result = await runCli(['ask', 'Who?', '--provider', 'local'], { cwd: makeWorkDir({ k: '5' }) });
    expect(usageError(result)).toEqual([
      'error: config: "k" must be a JSON number, not the string "5"',
      'hint: fix "k" in footnote.config.json',
    ]);
  });

  it('names the environment variable a bad value came from (FOOTNOTE_K=abc)', async () => {
    const result = await runCli(['ask', 'Who?'], { cwd: makeWorkDir(), env: { FOOTNOTE_K: 'abc' } });
    expect(usageError(result)[1]).toBe('hint: fix or unset the environment variable FOOTNOTE_K');
  });

  it('rejects a server URL that is not http(s) before reaching for it', async () => {
    const env = { OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: 'ftp://localhost:11434/v1' };
    const result = await runCli(['ask', 'Who?'], { cwd: makeWorkDir(), env });
    expect(usageError(result)).toEqual([
      'error: config: "openaiBaseUrl" must be an http:// or https:// URL, e.g. http://localhost:11434/v1',
      'hint: fix or unset the environment variable OPENAI_BASE_URL',
    ]);
  });

  it('answers offline with a bad OPENAI_BASE_URL, which only the openai provider reads', async () => {
    const cwd = makeWorkDir();
    fs.mkdirSync(path.join(cwd, 'corpus'));
    fs.writeFileSync(path.join(cwd, 'corpus', 'team.md'), 'The team visited Safe-Run.\n');
    const result = await runCli(['ask', 'Who visited Safe-Run?', '--provider', 'local'], { cwd, env: { OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: 'notaurl' } });
    expect([result.code, result.stdout.split('\n')[0]]).toEqual([0, 'The team visited Safe-Run. [1]']);
  });
});

describe('footnote option errors', () => {
  it.each(['1e1', '0x3'])('takes only a plain integer for --k, not %s', async (k) => {
    const result = await runCli(['ask', 'Who?', '--k', k], { cwd: makeWorkDir() });
    expect(usageError(result)).toEqual([
      `error: config: "k" must be an integer from 1 to 50 (got "${k}")`,
      'hint: fix the value of --k',
    ]);
  });

  it.each([
    [['ask', 'Who?', '--k'], '--k needs a value', 'put one after it (--k 8), or leave the option out'],
    [['ask', 'Who?', '--k', '--json'], '--k needs a value', 'put one after it (--k 8), or leave the option out'],
    [['ask', 'Who?', '--history'], '--history needs a value', 'put one after it (--history turns.json), or leave the option out'],
    [['index', '--corpus'], '--corpus needs a value', 'put one after it (--corpus docs), or leave the option out'],
    [['eval', 'scifact', '--sentences'], '--sentences needs a value', 'put one after it (--sentences 2), or leave the option out'],
  ])('says an option given no value needs one: %j', async (args, error, hint) => {
    expect(usageError(await runCli(args, { cwd: makeWorkDir() }))).toEqual([`error: ${error}`, `hint: ${hint}`]);
  });

  it('calls an unknown option with an empty value unknown, not short of a value', async () => {
    const result = await runCli(['ask', 'Who?', '--bogus='], { cwd: makeWorkDir() });
    expect(usageError(result)[0]).toBe('error: unknown option --bogus');
  });

  it('shows --sentences as typed when it is not a positive integer', async () => {
    const result = await runCli(['eval', 'scifact', '--sentences', 'abc'], { cwd: makeWorkDir() });
    expect(usageError(result)[0]).toBe('error: --sentences must be a positive integer (got "abc")');
  });

  it('says an unknown word is an unknown command, and lists the commands', async () => {
    const result = await runCli(['frobnicate'], { cwd: makeWorkDir() });
    expect(usageError(result)[0]).toBe('error: unknown command "frobnicate"; the commands are index, ask, eval');
  });

  it('refuses a passage overlap above half the passage size', async () => {
    const result = await runCli(['index', '--chunk-size', '200', '--chunk-overlap', '199'], { cwd: makeWorkDir() });
    expect(usageError(result)).toEqual([
      'error: config: "chunkOverlap" must be at most half of "chunkSize": 100 for 200 (got 199)',
      'hint: fix the value of --chunk-overlap',
    ]);
  });

  it('shows the passage size and overlap options in --help, as the README does', async () => {
    const result = await runCli(['index', '--help'], { cwd: makeWorkDir() });
    expect(result.stdout).toContain('--chunk-size');
    expect(result.stdout).toContain('--chunk-overlap');
  });

  it('says an option was given twice instead of calling both values "not a number"', async () => {
    const result = await runCli(['ask', 'Who?', '--k', '3', '--k', '4'], { cwd: makeWorkDir() });
    expect(usageError(result)[0]).toBe('error: --k was given twice ("3", "4"); give it once');
  });
});

describe('footnote --version', () => {
  it("prints footnote's version from its package.json, whatever the working directory", async () => {
    const { version } = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string };
    const cwd = makeWorkDir();
    fs.writeFileSync(path.join(cwd, 'package.json'), JSON.stringify({ name: 'someone-else', version: '9.9.9' }));
    const result = await runCli(['--version'], { cwd });
    expect(result).toMatchObject({ code: 0, stdout: `${version}\n`, stderr: '' });
  });
});

describe('footnote unexpected errors', () => {
  it('prints the first 300 characters of a one-line message of 100 KB, not the whole line', async () => {
    const cwd = makeWorkDir();
    fs.mkdirSync(path.join(cwd, 'corpus'));
    fs.writeFileSync(path.join(cwd, 'corpus', 'team.md'), 'The team visited Safe-Run.\n');
    const preload = path.join(PROJECT_ROOT, 'test', 'helpers', 'throw-unexpected-error.mjs');
    const child = spawnNode(['--import', preload, FOOTNOTE_BIN, 'index'], { cwd, env: { FOOTNOTE_TEST_ERROR_CHARS: '100000' } });
    const result = await collectOutput(child);
    expect([result.code, result.stdout]).toEqual([1, '']);
    expect(result.stderr.split('\n')).toEqual([
      `error: unexpected error: boom ${'x'.repeat(294)}…`,
      'hint: please report this with the command you ran',
      '',
    ]);
  });
});
