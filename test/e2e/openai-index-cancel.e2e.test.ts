import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOpenAITestServer, type OpenAITestServer } from '../helpers/openai-test-server.js';
import { collectOutput, runCli, spawnCli } from '../helpers/run-cli.js';
import { waitFor } from '../helpers/wait-for.js';

const FILES = 30;

let server: OpenAITestServer;
let workDir: string;
let env: Record<string, string>;

/** A file of ten distinct paragraphs of about 500 characters. */
function fileText(file: number): string {
  return Array.from({ length: 10 }, (_, paragraph) =>
    `File ${file} paragraph ${paragraph} topic${file}x${paragraph}. ` +
    'It carries on for a while about the same subject so that the paragraph is long enough to fill a good part of a chunk. '.repeat(4),
  ).join('\n\n');
}

beforeAll(async () => {
  server = await startOpenAITestServer();
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'footnote-e2e-cancel-'));
  fs.mkdirSync(path.join(workDir, 'corpus'));
  for (let file = 0; file < FILES; file++) {
    fs.writeFileSync(path.join(workDir, 'corpus', `f${String(file).padStart(2, '0')}.txt`), fileText(file));
  }
  env = {
    OPENAI_API_KEY: 'sk-e2e-cancel',
    OPENAI_BASE_URL: server.url,
    FOOTNOTE_EMBEDDING_MODEL: 'test-embedding-model',
    // One request per embedding round of the index run, so the second request is the second round.
    FOOTNOTE_EMBEDDING_BATCH_SIZE: '2048',
  };
});

afterAll(async () => {
  await server?.close();
  if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
});

/** Texts sent to /v1/embeddings from request `since` on, the dimension probe left out. */
function embeddedTexts(since: number): string[] {
  return server.requests
    .slice(since)
    .filter((request) => request.path === '/v1/embeddings')
    .flatMap((request) => (request.body as { input: string | string[] }).input)
    .filter((text) => text !== 'dimension probe');
}

describe('Ctrl+C during `footnote index` with an OpenAI-compatible server', () => {
  it('stops after the batch in flight, keeps it, and the next run embeds only the rest', async () => {
    // Request 1 is the dimension probe, request 2 the first round of chunks.
    const hold = server.holdRequest('/v1/embeddings', 2);
    const child = spawnCli(['index'], { cwd: workDir, env });
    let stderr = '';
    child.stderr?.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    const finished = collectOutput(child);
    await hold.reached;
    child.kill('SIGINT');
    await waitFor(() => expect(stderr).toContain('stopping after the embeddings in flight'), { timeoutMs: 10_000 });
    hold.release();
    const cancelled = await finished;
    expect(cancelled.code).toBe(1);
    const kept = Number(/note: (\d+) files indexed before the stop are kept/.exec(cancelled.stderr)?.[1]);
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(FILES);
    expect(cancelled.stderr.trimEnd().split('\n').slice(-2)).toEqual([
      'error: cancelled',
      'hint: run the command again to finish the work',
    ]);
    const firstRound = embeddedTexts(0);

    const since = server.requests.length;
    const resumed = await runCli(['index', '--json'], { cwd: workDir, env });
    expect(resumed.code, resumed.stderr).toBe(0);
    const report = JSON.parse(resumed.stdout) as { added: number; unchanged: number; embeddingsComputed: number; chunks: number };
    expect([report.added, report.unchanged]).toEqual([FILES - kept, kept]);
    const secondRound = embeddedTexts(since);
    expect(report.embeddingsComputed).toBe(secondRound.length);
    expect(secondRound.filter((text) => firstRound.includes(text))).toEqual([]);
    expect(firstRound.length + secondRound.length).toBe(report.chunks);
  });

  it('sends no further request once Ctrl+C is pressed, however many a round would take', async () => {
    const smallBatches = { ...env, FOOTNOTE_EMBEDDING_BATCH_SIZE: '8', FOOTNOTE_EMBEDDING_CONCURRENCY: '1' };
    const fresh = fs.mkdtempSync(path.join(os.tmpdir(), 'footnote-e2e-cancel-index-'));
    try {
      const since = server.requests.length;
      // Request 1 is the dimension probe; 2 and 3 are the first two of the first round's many.
      const hold = server.holdRequest('/v1/embeddings', 3);
      const child = spawnCli(['index', '--index', fresh], { cwd: workDir, env: smallBatches });
      const finished = collectOutput(child);
      await hold.reached;
      child.kill('SIGINT');
      await new Promise((resolve) => setTimeout(resolve, 300));
      hold.release();
      const cancelled = await finished;
      expect(cancelled.code).toBe(1);
      expect(server.requests.slice(since).filter((request) => request.path === '/v1/embeddings')).toHaveLength(3);
    } finally {
      fs.rmSync(fresh, { recursive: true, force: true });
    }
  });
});
