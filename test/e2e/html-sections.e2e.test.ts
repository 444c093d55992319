import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerJsonSchema, type AnswerJson } from '../../src/cli/output/answer-json.js';
import { CHUNKER_VERSION } from '../../src/ingest/run-ingest.js';
import { runCli } from '../helpers/run-cli.js';
import { expectCitationsVerbatim } from '../helpers/verify-citation.js';

/** A page laid out as npm's docs are: the `<title>` apart, `<h2>` sections in the body. */
const SCOPE_HTML = `<!doctype html><html><head><title>scope</title></head><body>
<h1>scope</h1>
<h2>Description</h2>
<p>All npm packages have a name. Some package names also have a scope.</p>
<h2>Associating a scope with a registry</h2>
<p>Scopes can be associated with a separate registry. This allows you to use a mix of packages from the primary npm registry and private registries.</p>
</body></html>`;
const QUESTION = 'How do I associate a scope with a registry?';

let workDir: string;

beforeAll(() => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'footnote-e2e-html-sections-'));
  fs.mkdirSync(path.join(workDir, 'corpus'));
  fs.writeFileSync(path.join(workDir, 'corpus', 'scope.html'), SCOPE_HTML);
});

afterAll(() => {
  fs.rmSync(workDir, { recursive: true, force: true });
});

async function askJson(): Promise<AnswerJson> {
  const result = await runCli(['ask', QUESTION, '--json'], { cwd: workDir });
  expect(result.code, result.stderr).toBe(0);
  return answerJsonSchema.parse(JSON.parse(result.stdout));
}

/** Turns the index into one cut by chunker version 7: HTML chunks without sections or heading lines. */
function downgradeToChunker7(): void {
  const db = new Database(path.join(workDir, 'embeddings', 'footnote.sqlite'));
  try {
    db.exec(`
      UPDATE chunks SET section = NULL, headings = NULL;
      UPDATE meta SET value = replace(value, '/v${CHUNKER_VERSION}', '/v7') WHERE key = 'chunking';
    `);
  } finally {
    db.close();
  }
}

describe('HTML sections through the CLI', () => {
  it('cites an HTML passage with its section and never quotes an <h2> as a sentence', async () => {
    const indexed = await runCli(['index'], { cwd: workDir });
    expect(indexed.code, indexed.stderr).toBe(0);

    const answer = await askJson();
    expect(answer.citations[0]).toMatchObject({ source: 'scope.html', section: 'scope' });
    expect(answer.citations[0]?.quotes?.map((quote) => [quote.text, quote.section])).toEqual([
      ['Scopes can be associated with a separate registry.', 'scope › Associating a scope with a registry'],
      [
        'This allows you to use a mix of packages from the primary npm registry and private registries.',
        'scope › Associating a scope with a registry',
      ],
    ]);
    expect(answer.answer).not.toContain('Associating a scope with a registry');
    await expectCitationsVerbatim(path.join(workDir, 'corpus'), answer);
  });

  it('re-chunks an index cut by chunker version 7, so its HTML citations gain their sections', async () => {
    downgradeToChunker7();

    const asked = await runCli(['ask', QUESTION, '--json'], { cwd: workDir });
    expect(asked.code, asked.stderr).toBe(0);
    expect(asked.stderr).toContain('re-chunking every file, reusing the embeddings of unchanged passages');
    const answer = answerJsonSchema.parse(JSON.parse(asked.stdout));
    expect(answer.citations[0]?.section).toBe('scope');
    expect(answer.answer).not.toContain('Associating a scope with a registry');
  });
});
