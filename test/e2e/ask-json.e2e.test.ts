import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerJsonSchema } from '../../src/cli/output/answer-json.js';
import { runCli, type CliResult } from '../helpers/run-cli.js';
import { copySampleCorpus, SAMPLE_FILE } from '../helpers/sample-corpus.js';
import { expectCitationsVerbatim, expectEveryMarkerCited } from '../helpers/verify-citation.js';

const QUESTION = 'Who led the team that visited Safe-Run?';

const workDirs: string[] = [];

/** A fresh working directory, with a copy of the project's sample corpus unless `withCorpus` is false. */
function makeWorkDir(withCorpus = true): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'footnote-e2e-ask-'));
  workDirs.push(dir);
  if (withCorpus) copySampleCorpus(dir);
  return dir;
}

/** Asserts stderr is exactly one `error:` line and one `hint:` line; returns them. */
function expectOneLineError(result: CliResult): { error: string; hint: string } {
  const lines = result.stderr.trimEnd().split('\n');
  expect(lines, `stderr: ${result.stderr}`).toHaveLength(2);
  const [error = '', hint = ''] = lines;
  expect(error).toMatch(/^error: \S/);
  expect(hint).toMatch(/^hint: \S/);
  return { error, hint };
}

let workDir: string;

beforeAll(() => {
  workDir = makeWorkDir();
});

afterAll(() => {
  for (const dir of workDirs) fs.rmSync(dir, { recursive: true, force: true });
});

describe('footnote ask --json on the sample corpus', () => {
  it('indexes on first use and prints only the schema-valid JSON answer on stdout', async () => {
    const result = await runCli(['ask', QUESTION, '--json'], { cwd: workDir });

    expect(result.code, result.stderr).toBe(0);
    // The whole of stdout is the JSON document: the indexing notice goes to stderr.
    const answer = answerJsonSchema.parse(JSON.parse(result.stdout));
    expect(result.stderr).toContain('indexing');
    expect(result.stdout).not.toContain('indexing');
    expect(fs.existsSync(path.join(workDir, 'embeddings'))).toBe(true);

    expect(answer).toMatchObject({ question: QUESTION, mode: 'extractive', model: null, abstained: false });
    expect(answer.answer).toContain('Guo Jun');
    expect(answer.answer).toMatch(/\[1\]/);
    expect(answer.citations[0]).toMatchObject({ id: 1, source: SAMPLE_FILE, page: null });
    expect(answer.citations[0]?.text).toContain('Guo Jun');
    expectEveryMarkerCited(answer);
    await expectCitationsVerbatim(path.join(workDir, 'corpus'), answer);
  });

  it('answers in plain text from the existing index without re-indexing', async () => {
    const result = await runCli(['ask', QUESTION], { cwd: workDir });

    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('Guo Jun');
    expect(result.stdout).toMatch(new RegExp(`^\\[1\\] ${SAMPLE_FILE.replace(/\./g, '\\.')}:\\d+(-\\d+)?$`, 'm'));
  });

  it('takes a question that starts with a dash after --', async () => {
    const question = `--${QUESTION}`;
    const result = await runCli(['ask', '--json', '--', question], { cwd: workDir });
    expect(result.code, result.stderr).toBe(0);
    expect(answerJsonSchema.parse(JSON.parse(result.stdout))).toMatchObject({ question });
  });
});

describe('footnote ask with other chunk settings than the index', () => {
  it('re-chunks the index first, reusing its embeddings, instead of ignoring --chunk-size', async () => {
    const dir = makeWorkDir();
    expect((await runCli(['index'], { cwd: dir })).code).toBe(0);
    const changed = await runCli(['ask', QUESTION, '--json', '--chunk-size', '400'], { cwd: dir });
    expect(changed.code, changed.stderr).toBe(0);
    expect(changed.stderr).toContain('re-chunking every file, reusing the embeddings of unchanged passages');
    const again = await runCli(['ask', QUESTION, '--json', '--chunk-size', '400'], { cwd: dir });
    expect(again.stderr).toBe('');
    const citations = answerJsonSchema.parse(JSON.parse(again.stdout)).citations;
    expect(Math.max(...citations.map((citation) => citation.text.length))).toBeLessThanOrEqual(400);
  });
});

describe('footnote --help', () => {
  it('prints help and exits 0 for every command', async () => {
    const [root, index, ask] = await Promise.all([
      runCli(['--help'], { cwd: workDir }),
      runCli(['index', '--help'], { cwd: workDir }),
      runCli(['ask', '--help'], { cwd: workDir }),
    ]);
    for (const result of [root, index, ask]) {
      expect(result.code, result.stderr).toBe(0);
      expect(result.stderr).toBe('');
      expect(result.stdout).toContain('--corpus');
      expect(result.stdout).toContain('--index');
      expect(result.stdout).toContain('--provider');
    }
    expect(root.stdout).toContain('footnote index');
    expect(root.stdout).toContain('footnote ask');
    expect(index.stdout).toContain('--full');
    expect(index.stdout).toContain('--json');
    expect(ask.stdout).toContain('--json');
  });
});

describe('footnote usage errors', () => {
  it('exits 2 with one error line and a hint when ask has no question', async () => {
    const result = await runCli(['ask'], { cwd: makeWorkDir() });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expectOneLineError(result);
  });

  it('says it in English whatever the locale, like every other line footnote prints', async () => {
    const result = await runCli(['ask', QUESTION, '--bogus'], { cwd: makeWorkDir(false), env: { LANG: 'de_DE.UTF-8', LC_ALL: 'de_DE.UTF-8' } });
    expect(result.code).toBe(2);
    expect(expectOneLineError(result).error).toBe('error: unknown option --bogus');
  });

  it('asks for one question, in quotes, when given more than one', async () => {
    const result = await runCli(['ask', 'Who', '--', 'led?'], { cwd: makeWorkDir(false) });
    expect(result.code).toBe(2);
    expect(expectOneLineError(result).error).toBe('error: ask takes one question, in quotes (got 2 words)');
  });

  it('says to quote a question typed without quotes, showing it quoted', async () => {
    const result = await runCli(['ask', 'who', 'is', 'the', 'chairman', '--json'], { cwd: makeWorkDir(false) });
    expect(result.code).toBe(2);
    expect(expectOneLineError(result)).toEqual({
      error: 'error: ask takes one question, in quotes (got 4 words)',
      hint: 'hint: quote it: footnote ask "who is the chairman"',
    });
  });

  it('says a file given as the corpus is not a folder', async () => {
    const dir = makeWorkDir();
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'The chairman is Zhang Yingzi.\n');
    const result = await runCli(['ask', QUESTION, '--corpus', 'notes.txt'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(expectOneLineError(result).error).toMatch(/^error: the corpus is a file, not a folder: .*notes\.txt$/);
  });

  it('exits 2 naming the k option when --k is not a number', async () => {
    const result = await runCli(['ask', QUESTION, '--k', 'ten'], { cwd: makeWorkDir() });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    const { error, hint } = expectOneLineError(result);
    expect(error).toContain('"k"');
    expect(hint).toContain('--k');
  });

  it('exits 2 on an unknown option without answering or indexing', async () => {
    const dir = makeWorkDir();
    const [ask, index] = await Promise.all([
      runCli(['ask', QUESTION, '--bogus'], { cwd: dir }),
      runCli(['index', '--fulll', '--index', 'other-index'], { cwd: dir }),
    ]);
    for (const result of [ask, index]) {
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      const { error } = expectOneLineError(result);
      expect(error).toMatch(/bogus|fulll/);
    }
    // A mistyped option must stop the command before it does any work.
    expect(fs.existsSync(path.join(dir, 'embeddings'))).toBe(false);
    expect(fs.existsSync(path.join(dir, 'other-index'))).toBe(false);
  });

  it('exits 2 when --provider openai is asked for without OPENAI_API_KEY', async () => {
    const result = await runCli(['ask', QUESTION, '--provider', 'openai'], { cwd: workDir });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    const { error, hint } = expectOneLineError(result);
    expect(error).toContain('OPENAI_API_KEY');
    expect(hint).toContain('--provider local');
  });
});

describe('footnote runtime errors', () => {
  it('exits 1 naming the missing corpus folder, with a hint', async () => {
    const dir = makeWorkDir(false);
    const [ask, index] = await Promise.all([
      runCli(['ask', QUESTION], { cwd: dir }),
      runCli(['index', '--corpus', 'no-such-folder'], { cwd: dir }),
    ]);
    for (const [result, folder] of [
      [ask, path.join(dir, 'corpus')],
      [index, path.join(dir, 'no-such-folder')],
    ] as const) {
      expect(result.code, result.stderr).toBe(1);
      expect(result.stdout).toBe('');
      const lines = result.stderr.trimEnd().split('\n');
      const errors = lines.filter((line) => line.startsWith('error:'));
      expect(errors, result.stderr).toHaveLength(1);
      const errorAt = lines.indexOf(errors[0] ?? '');
      expect(errors[0]).toContain(folder);
      expect(lines[errorAt + 1]).toMatch(/^hint: .*--corpus/);
      expect(lines.slice(errorAt + 2)).toEqual([]);
    }
  });
});
