import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerJsonSchema } from '../../src/cli/output/answer-json.js';
import { startOpenAITestServer, type OpenAITestServer } from '../helpers/openai-test-server.js';
import { PROJECT_ROOT, runCli } from '../helpers/run-cli.js';
import { expectCitationsVerbatim, expectEveryMarkerCited } from '../helpers/verify-citation.js';

const QUESTION = 'Who led the team that visited Safe-Run?';
const SAMPLE_FILE = 'guo-jun-cppcc-visit-to-safe-run.txt';
const CHAT_MODEL = 'test-chat-model';
const EMBEDDING_MODEL = 'test-embedding-model';

let server: OpenAITestServer;
let workDir: string;
let openaiEnv: Record<string, string>;

beforeAll(async () => {
  server = await startOpenAITestServer({ chatReply: 'Guo Jun led the team that visited Safe-Run [1].' });
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'footnote-e2e-openai-'));
  fs.cpSync(path.join(PROJECT_ROOT, 'corpus'), path.join(workDir, 'corpus'), { recursive: true });
  openaiEnv = {
    OPENAI_API_KEY: 'test',
    OPENAI_BASE_URL: server.url,
    FOOTNOTE_CHAT_MODEL: CHAT_MODEL,
    FOOTNOTE_EMBEDDING_MODEL: EMBEDDING_MODEL,
  };
});

afterAll(async () => {
  await server?.close();
  if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
});

/** The requests the server received on `route` (e.g. `/v1/embeddings`), from `since` on. */
function requestsTo(route: string, since = 0) {
  return server.requests.slice(since).filter((request) => request.path === route);
}

describe('footnote with an OpenAI-compatible server', () => {
  it('indexes through the server and answers generatively with verified citations', async () => {
    const indexed = await runCli(['index', '--json'], { cwd: workDir, env: openaiEnv });
    expect(indexed.code, indexed.stderr).toBe(0);
    expect(JSON.parse(indexed.stdout)).toMatchObject({ added: 1, failed: [] });
    const embeddingCalls = requestsTo('/v1/embeddings');
    expect(embeddingCalls.length).toBeGreaterThan(0);
    for (const request of embeddingCalls) {
      expect(request.method).toBe('POST');
      expect(request.authorization).toBe('Bearer test');
      expect(request.body).toMatchObject({ model: EMBEDDING_MODEL });
    }

    const since = server.requests.length;
    const asked = await runCli(['ask', QUESTION, '--json'], { cwd: workDir, env: openaiEnv });
    expect(asked.code, asked.stderr).toBe(0);
    const answer = answerJsonSchema.parse(JSON.parse(asked.stdout));
    expect(answer).toMatchObject({
      question: QUESTION,
      answer: 'Guo Jun led the team that visited Safe-Run [1].',
      mode: 'generative',
      model: CHAT_MODEL,
      abstained: false,
    });
    expect(answer.citations).toHaveLength(1);
    expect(answer.citations[0]).toMatchObject({ id: 1, source: SAMPLE_FILE, page: null });
    expectEveryMarkerCited(answer);
    await expectCitationsVerbatim(path.join(workDir, 'corpus'), answer);

    // The question was embedded by the server, and the passage the model cited was shown to it.
    expect(requestsTo('/v1/embeddings', since).length).toBeGreaterThan(0);
    const chats = requestsTo('/v1/chat/completions', since);
    expect(chats).toHaveLength(1);
    expect(chats[0]?.body).toMatchObject({ model: CHAT_MODEL });
    expect(JSON.stringify(chats[0]?.body)).toContain(QUESTION.replace('?', ''));
    const cited = answer.citations[0]?.text.split('\n')[0] ?? '';
    expect(JSON.stringify(chats[0]?.body)).toContain(JSON.stringify(cited).slice(1, -1));
  });

  it('drops a marker that names no passage shown to the model', async () => {
    server.setChatReply('Guo Jun led it [1], as minutes show [9].');
    try {
      const asked = await runCli(['ask', QUESTION, '--json'], { cwd: workDir, env: openaiEnv });
      expect(asked.code, asked.stderr).toBe(0);
      const answer = answerJsonSchema.parse(JSON.parse(asked.stdout));
      expect(answer.answer).not.toContain('[9]');
      expect(answer.citations.map((citation) => citation.id)).toEqual([1]);
      expectEveryMarkerCited(answer);
      await expectCitationsVerbatim(path.join(workDir, 'corpus'), answer);
    } finally {
      server.setChatReply('Guo Jun led the team that visited Safe-Run [1].');
    }
  });

  it('refuses an index built by the local embedder with EMBEDDER_MISMATCH and a --full hint', async () => {
    const localIndex = path.join(workDir, 'local-index');
    const built = await runCli(['index', '--provider', 'local', '--index', localIndex], {
      cwd: workDir,
      env: openaiEnv,
    });
    expect(built.code, built.stderr).toBe(0);

    const [asked, indexed] = await Promise.all([
      runCli(['ask', QUESTION, '--json', '--index', localIndex], { cwd: workDir, env: openaiEnv }),
      runCli(['index', '--index', localIndex], { cwd: workDir, env: openaiEnv }),
    ]);
    for (const result of [asked, indexed]) {
      expect(result.code, result.stderr).toBe(1);
      expect(result.stdout).toBe('');
      const lines = result.stderr.trimEnd().split('\n');
      expect(lines, result.stderr).toHaveLength(2);
      expect(lines[0]).toMatch(/^error: the index was built with embedder local\S*, but this run uses openai/);
      expect(lines[1]).toMatch(/^hint: .*`footnote index --full`/);
    }
  });
});
