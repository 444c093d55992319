import { afterEach, describe, expect, it } from 'vitest';
import { listServerModels } from '../../src/embed/explain-provider-error.js';
import { OpenAIEmbedder } from '../../src/embed/openai-embedder.js';
import { answerGeneratively } from '../../src/answer/generative-answerer.js';
import type { Passage } from '../../src/shared/types.js';
import { startOpenAITestServer, TEST_SERVER_MODELS, type OpenAITestServer } from '../helpers/openai-test-server.js';
import { drain } from '../helpers/test-config.js';

let server: OpenAITestServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

const text = 'Fact number 1.';
const passages: Passage[] = [
  { id: 1, source: 'a.md', ordinal: 0, text, startOffset: 0, endOffset: text.length, startLine: 1, endLine: 1, page: null, section: null, title: null, format: 'markdown', score: 1 },
];

describe('explainProviderError', () => {
  it('names a chat model the server does not have and lists the ones it does', async () => {
    server = await startOpenAITestServer({ rejectUnknownModels: true });
    const openai = { apiKey: 'sk-test-key', baseUrl: server.url, embeddingModel: 'e', chatModel: 'llama9' };
    await expect(drain(answerGeneratively('Q?', passages, { openai, maxRetries: 0 }))).rejects.toMatchObject({
      code: 'PROVIDER_MODEL_NOT_FOUND',
      message: 'the server has no chat model "llama9": 404 model "llama9" not found, try pulling it first',
      hint: 'choose one with --model: test-chat-model, test-embedding-model (or install it on the server, e.g. `ollama pull llama9`)',
    });
    expect(server.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
      'POST /v1/chat/completions',
      'GET /v1/models',
    ]);
  });

  it('points at --embedding-model and the base URL when the server lists no models', async () => {
    server = await startOpenAITestServer({ rejectUnknownModels: true });
    server.scriptFailures({ kind: 'status', status: 500, route: '/v1/models' });
    const creating = OpenAIEmbedder.create({ apiKey: 'sk-test-key', baseUrl: server.url, model: 'nomic-embed', maxRetries: 0 });
    await expect(creating).rejects.toMatchObject({
      code: 'PROVIDER_MODEL_NOT_FOUND',
      message: 'the server has no embedding model "nomic-embed": 404 model "nomic-embed" not found, try pulling it first',
      hint: 'check --embedding-model, and that OPENAI_BASE_URL ends in /v1',
    });
  });
});

describe('a base URL without /v1', () => {
  it('says the server has no /embeddings endpoint there, and to end the URL with /v1', async () => {
    server = await startOpenAITestServer();
    const root = server.url.replace(/\/v1$/, '');
    const creating = OpenAIEmbedder.create({ apiKey: 'sk-test-key', baseUrl: root, model: 'embed-a', maxRetries: 0 });
    await expect(creating).rejects.toMatchObject({
      code: 'PROVIDER_NO_ENDPOINT',
      message: `the server at ${root} has no /embeddings endpoint: 404 no route POST /embeddings`,
      hint: `end OPENAI_BASE_URL (or FOOTNOTE_EMBEDDING_BASE_URL) with /v1: ${root}/v1`,
    });
    // No model is missing, so the server's models are not listed.
    expect(server.requests.map((request) => `${request.method} ${request.path}`)).toEqual(['POST /embeddings']);
  });

  it('says the same of /chat/completions, naming OPENAI_BASE_URL alone', async () => {
    server = await startOpenAITestServer();
    const root = server.url.replace(/\/v1$/, '');
    const openai = { apiKey: 'sk-test-key', baseUrl: root, embeddingModel: 'e', chatModel: 'chat-a' };
    await expect(drain(answerGeneratively('Q?', passages, { openai, maxRetries: 0 }))).rejects.toMatchObject({
      code: 'PROVIDER_NO_ENDPOINT',
      message: `the server at ${root} has no /chat/completions endpoint: 404 no route POST /chat/completions`,
      hint: `end OPENAI_BASE_URL with /v1: ${root}/v1`,
    });
  });

  it('says to cut an endpoint pasted into the base URL, not to add /v1 after it', async () => {
    server = await startOpenAITestServer();
    const openai = { apiKey: 'sk-test-key', baseUrl: `${server.url}/chat/completions`, embeddingModel: 'e', chatModel: 'chat-a' };
    await expect(drain(answerGeneratively('Q?', passages, { openai, maxRetries: 0 }))).rejects.toMatchObject({
      code: 'PROVIDER_NO_ENDPOINT',
      hint: `OPENAI_BASE_URL names an endpoint (/chat/completions); set it to the server's base URL: ${server.url}`,
    });
    const creating = OpenAIEmbedder.create({ apiKey: 'sk-test-key', baseUrl: `${server.url}/embeddings/`, model: 'embed-a', maxRetries: 0 });
    await expect(creating).rejects.toMatchObject({
      code: 'PROVIDER_NO_ENDPOINT',
      hint: `OPENAI_BASE_URL (or FOOTNOTE_EMBEDDING_BASE_URL) names an endpoint (/embeddings); set it to the server's base URL: ${server.url}`,
    });
  });

  it('still names a missing model when the 404 says so', async () => {
    server = await startOpenAITestServer();
    server.scriptFailures({
      kind: 'raw',
      status: 404,
      contentType: 'application/json',
      body: JSON.stringify({ error: { message: 'The model `embed-x` does not exist.', code: 'model_not_found' } }),
    });
    const creating = OpenAIEmbedder.create({ apiKey: 'sk-test-key', baseUrl: server.url, model: 'embed-x', maxRetries: 0 });
    await expect(creating).rejects.toMatchObject({ code: 'PROVIDER_MODEL_NOT_FOUND' });
  });
});

describe('listServerModels', () => {
  it('reads the ids of GET /models, and null from a server without the route', async () => {
    server = await startOpenAITestServer();
    expect(await listServerModels(server.url, 'sk-test-key')).toEqual(TEST_SERVER_MODELS);
    expect(await listServerModels(`${server.url}/nowhere`, 'sk-test-key')).toBeNull();
  });
});
