import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerJsonSchema, type AnswerJson } from '../../src/cli/output/answer-json.js';
import { CHUNKER_VERSION } from '../../src/ingest/run-ingest.js';
import { runCli } from '../helpers/run-cli.js';
import { expectCitationsVerbatim } from '../helpers/verify-citation.js';

/** Windows steps that only the headings above them name (see test/markdown-sections.test.ts). */
const GUIDE = [
  '# Install',
  '',
  '## Windows',
  '',
  'Close every other program first, because the setup wizard replaces shared files and waits for them to be released before it copies anything.',
  '',
  'Double-click setup.exe and accept the licence; the wizard then copies the files and adds a shortcut to the Start menu.',
  '',
  '## Linux',
  '',
  'Install the harbor package with apt install harbor, or link the unpacked binary into a folder on your PATH.',
].join('\n');
const STEPS = 'Double-click setup.exe';
const QUESTION = 'How do I install on Windows?';
/** Small passages, so the steps start one of their own. */
const CHUNKING = ['--chunk-size', '200', '--chunk-overlap', '0'];

let workDir: string;

beforeAll(() => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'footnote-e2e-sections-'));
  fs.mkdirSync(path.join(workDir, 'corpus'));
  fs.writeFileSync(path.join(workDir, 'corpus', 'guide.md'), GUIDE);
});

afterAll(() => {
  fs.rmSync(workDir, { recursive: true, force: true });
});

async function askJson(): Promise<AnswerJson> {
  const result = await runCli(['ask', QUESTION, '--json', ...CHUNKING], { cwd: workDir });
  expect(result.code, result.stderr).toBe(0);
  return answerJsonSchema.parse(JSON.parse(result.stdout));
}

/**
 * Turns the index into one written before sections: schema 2, no
 * `chunks.section`, the section's words gone from the FTS5 title column, and
 * the chunker version of then in meta `chunking`.
 */
function downgradeToSchema2(): void {
  const db = new Database(path.join(workDir, 'embeddings', 'footnote.sqlite'));
  try {
    db.exec(`
      UPDATE chunks SET terms = (SELECT terms FROM chunk_terms WHERE chunk_terms.id = chunks.id);
      DROP TABLE term_passages;
      DROP TRIGGER chunks_delete_terms;
      DROP TABLE chunk_terms;
      ALTER TABLE chunks DROP COLUMN section;
      ALTER TABLE chunks DROP COLUMN headings;
      UPDATE chunks_fts SET title = '';
      UPDATE meta SET value = replace(value, '/v${CHUNKER_VERSION}', '/v2') WHERE key = 'chunking';
    `);
    db.pragma('user_version = 2');
  } finally {
    db.close();
  }
}

describe('Markdown sections through the CLI', () => {
  it('cites the steps under a heading, with the section, in ask --json and plain ask', async () => {
    const indexed = await runCli(['index', ...CHUNKING], { cwd: workDir });
    expect(indexed.code, indexed.stderr).toBe(0);

    const answer = await askJson();
    const cited = answer.citations.find((citation) => citation.text.startsWith(STEPS));
    expect(cited).toMatchObject({ source: 'guide.md', section: 'Install › Windows' });
    await expectCitationsVerbatim(path.join(workDir, 'corpus'), answer);

    const plain = await runCli(['ask', QUESTION, ...CHUNKING], { cwd: workDir });
    expect(plain.stdout).toMatch(/^\[\d\] guide\.md:7(-\d+)? › Install › Windows$/m);
    // The heading line in the passage is no sentence of the answer.
    expect(answer.answer).not.toContain('## Linux');
  });

  it('re-chunks an index of schema 2 before answering, reusing its embeddings, so citations gain their sections', async () => {
    downgradeToSchema2();

    const asked = await runCli(['ask', QUESTION, '--json', ...CHUNKING], { cwd: workDir });
    expect(asked.code, asked.stderr).toBe(0);
    expect(asked.stderr).toContain('re-chunking every file, reusing the embeddings of unchanged passages');
    const answer = answerJsonSchema.parse(JSON.parse(asked.stdout));
    expect(answer.citations.find((citation) => citation.text.startsWith(STEPS))).toMatchObject({
      section: 'Install › Windows',
    });

    const reindexed = await runCli(['index', '--json', ...CHUNKING], { cwd: workDir });
    expect(JSON.parse(reindexed.stdout)).toMatchObject({ changed: 0, embeddingsComputed: 0 });
  });
});
