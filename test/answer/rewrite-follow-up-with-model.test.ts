import { afterEach, describe, expect, it } from 'vitest';
import { rewriteFollowUpWithModel } from '../../src/answer/rewrite-follow-up-with-model.js';
import { startOpenAITestServer, type OpenAITestServer } from '../helpers/openai-test-server.js';

let server: OpenAITestServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

const history = [{ question: 'Who led the team that visited Safe-Run?', answer: 'Guo Jun led it [1].' }];

function optionsFor(url: string) {
  return { openai: { apiKey: 'sk-test', baseUrl: url, embeddingModel: 'embed', chatModel: 'test-chat' }, maxRetries: 0 };
}

describe('rewriteFollowUpWithModel', () => {
  it('asks the model for a standalone question', async () => {
    server = await startOpenAITestServer({ chatReply: 'Who accompanied Guo Jun to Safe-Run?' });
    expect(await rewriteFollowUpWithModel('and who came with him?', history, optionsFor(server.url))).toBe(
      'Who accompanied Guo Jun to Safe-Run?',
    );
  });

  it('reports a 200 reply that is no chat completion as a bad response, not as a TypeError', async () => {
    server = await startOpenAITestServer();
    server.scriptFailures({ kind: 'raw', status: 200, contentType: 'text/html', body: '<html><body>Welcome to nginx!</body></html>' });
    await expect(rewriteFollowUpWithModel('and who came with him?', history, optionsFor(server.url))).rejects.toMatchObject({
      code: 'PROVIDER_BAD_RESPONSE',
      message: "the server's reply to /chat/completions was not a chat completion",
      hint: 'check that OPENAI_BASE_URL points at an OpenAI-compatible endpoint (usually ending in /v1) and that --model names a chat model',
    });
  });
});
