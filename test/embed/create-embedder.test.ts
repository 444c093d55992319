import { afterEach, describe, expect, it } from 'vitest';
import { createEmbedder } from '../../src/embed/create-embedder.js';
import { LocalEmbedder } from '../../src/embed/local-embedder.js';
import { OpenAIEmbedder } from '../../src/embed/openai-embedder.js';
import { startOpenAITestServer, type OpenAITestServer } from '../helpers/openai-test-server.js';

let server: OpenAITestServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('createEmbedder', () => {
  it('creates the local embedder for the local provider', async () => {
    const embedder = await createEmbedder('local', {});
    expect(embedder).toBeInstanceOf(LocalEmbedder);
    expect(embedder.identity.id).toBe('local-hash');
  });

  it('refuses the openai provider without an API key', async () => {
    await expect(createEmbedder('openai', {})).rejects.toMatchObject({ code: 'PROVIDER_NOT_CONFIGURED' });
  });

  it('creates an OpenAI embedder for the configured server and model', async () => {
    server = await startOpenAITestServer({ dimensions: 12 });
    const embedder = await createEmbedder('openai', {
      openai: { apiKey: 'sk-test', baseUrl: server.url, embeddingModel: 'mini-embed', chatModel: 'chat' },
    });
    expect(embedder).toBeInstanceOf(OpenAIEmbedder);
    expect(embedder.identity).toEqual({ id: 'openai:mini-embed', version: '1', dimensions: 12 });
  });
});
