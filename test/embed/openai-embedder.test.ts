import { afterEach, describe, expect, it } from 'vitest';
import { OpenAIEmbedder } from '../../src/embed/openai-embedder.js';
import { FootnoteError } from '../../src/shared/errors.js';
import { startOpenAITestServer, testServerVector, type OpenAITestServer } from '../helpers/openai-test-server.js';

let server: OpenAITestServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

function embeddingInputs(requests: OpenAITestServer['requests']): unknown[] {
  return requests
    .filter((request) => request.path === '/v1/embeddings')
    .map((request) => (request.body as { input: unknown }).input);
}

function unit(vector: number[]): number[] {
  const length = Math.hypot(...vector);
  return vector.map((value) => value / length);
}

/** The server sends float32 (base64), so compare at float32 precision. */
function expectVector(actual: number[] | undefined, expected: number[]): void {
  expect(actual).toHaveLength(expected.length);
  expected.forEach((value, i) => expect(actual?.[i]).toBeCloseTo(value, 6));
}

describe('OpenAIEmbedder', () => {
  it('knows the dimensions of OpenAI models without a request', async () => {
    const embedder = await OpenAIEmbedder.create({ apiKey: 'sk-test', model: 'text-embedding-3-small' });
    expect(embedder.identity).toEqual({ id: 'openai:text-embedding-3-small', version: '1', dimensions: 1536 });
    const large = await OpenAIEmbedder.create({ apiKey: 'sk-test', model: 'text-embedding-3-large' });
    expect(large.identity.dimensions).toBe(3072);
  });

  it('probes a compatible server once for the dimensions of an unknown model', async () => {
    server = await startOpenAITestServer({ dimensions: 48 });
    const embedder = await OpenAIEmbedder.create({ apiKey: 'sk-test', baseUrl: server.url, model: 'nomic-embed-text' });
    expect(embedder.identity).toEqual({ id: 'openai:nomic-embed-text', version: '1', dimensions: 48 });
    expect(embeddingInputs(server.requests)).toEqual(['dimension probe']);
    expect((server.requests[0]?.body as { model: string }).model).toBe('nomic-embed-text');
  });

  it('probes even a known model name on a server that is not OpenAI', async () => {
    server = await startOpenAITestServer({ dimensions: 16 });
    const embedder = await OpenAIEmbedder.create({ apiKey: 'sk-test', baseUrl: server.url, model: 'text-embedding-3-small' });
    expect(embedder.identity.dimensions).toBe(16);
  });

  it("takes the dimensions from the index's identity of the same model instead of probing", async () => {
    server = await startOpenAITestServer({ dimensions: 48 });
    const indexedIdentity = { id: 'openai:nomic-embed-text', version: '1', dimensions: 48 };
    const embedder = await OpenAIEmbedder.create({ apiKey: 'sk-test', baseUrl: server.url, model: 'nomic-embed-text', indexedIdentity });
    expect(embedder.identity).toEqual(indexedIdentity);
    expect(server.requests).toEqual([]);
    const other = await OpenAIEmbedder.create({ apiKey: 'sk-test', baseUrl: server.url, model: 'other-model', indexedIdentity });
    expect(other.identity.dimensions).toBe(48);
    expect(embeddingInputs(server.requests)).toEqual(['dimension probe']);
  });

  it('fails the first embedding with EMBEDDER_MISMATCH when the indexed length was wrong', async () => {
    server = await startOpenAITestServer({ dimensions: 48 });
    const indexedIdentity = { id: 'openai:m', version: '1', dimensions: 768 };
    const embedder = await OpenAIEmbedder.create({ apiKey: 'sk-test', baseUrl: server.url, model: 'm', indexedIdentity });
    await expect(embedder.embedQuery('alpha')).rejects.toMatchObject({
      code: 'EMBEDDER_MISMATCH',
      message: 'the index was built with embedder openai:m (768-dimensional vectors), but this run uses openai:m (48-dimensional vectors)',
    });
  });

  it('sends requests to the base URL with the API key', async () => {
    server = await startOpenAITestServer();
    const embedder = await OpenAIEmbedder.create({ apiKey: 'sk-test', baseUrl: server.url, model: 'm' });
    await embedder.embedDocuments(['alpha']);
    expect(server.requests.map((request) => [request.method, request.path, request.authorization])).toEqual([
      ['POST', '/v1/embeddings', 'Bearer sk-test'],
      ['POST', '/v1/embeddings', 'Bearer sk-test'],
    ]);
  });

  it('splits 600 texts into batches of 256', async () => {
    server = await startOpenAITestServer({ dimensions: 8 });
    const embedder = await OpenAIEmbedder.create({ apiKey: 'sk-test', baseUrl: server.url, model: 'm', batchSize: 256 });
    const texts = Array.from({ length: 600 }, (_, i) => `text number ${i}`);
    const vectors = await embedder.embedDocuments(texts);
    const batches = embeddingInputs(server.requests).slice(1) as string[][];
    expect(batches.map((batch) => batch.length).sort((a, b) => a - b)).toEqual([88, 256, 256]);
    expect(vectors).toHaveLength(600);
    expectVector(vectors[599], unit(testServerVector('text number 599', 8)));
  });

  it('returns unit-length vectors in input order', async () => {
    server = await startOpenAITestServer({ dimensions: 8 });
    const embedder = await OpenAIEmbedder.create({ apiKey: 'sk-test', baseUrl: server.url, model: 'm' });
    const vectors = await embedder.embedDocuments(['red apple', 'green pear']);
    expectVector(vectors[0], unit(testServerVector('red apple', 8)));
    expectVector(vectors[1], unit(testServerVector('green pear', 8)));
    expect(await embedder.embedQuery('green pear')).toEqual(vectors[1]);
  });

  it('gives blank texts the zero vector without sending them', async () => {
    server = await startOpenAITestServer({ dimensions: 4 });
    const embedder = await OpenAIEmbedder.create({ apiKey: 'sk-test', baseUrl: server.url, model: 'm' });
    const vectors = await embedder.embedDocuments(['', 'word', '  ']);
    expect(vectors[0]).toEqual([0, 0, 0, 0]);
    expect(vectors[2]).toEqual([0, 0, 0, 0]);
    expect(embeddingInputs(server.requests).slice(1)).toEqual([['word']]);
  });

  it('turns a 401 into PROVIDER_AUTH_FAILED with a one-line message naming OPENAI_API_KEY', async () => {
    server = await startOpenAITestServer({ failWith: 401 });
    const creating = OpenAIEmbedder.create({ apiKey: 'sk-wrong', baseUrl: server.url, model: 'm', maxRetries: 0 });
    await expect(creating).rejects.toSatisfy((error: unknown) => {
      expect(error).toBeInstanceOf(FootnoteError);
      const footnoteError = error as FootnoteError;
      expect(footnoteError.code).toBe('PROVIDER_AUTH_FAILED');
      expect(footnoteError.message).toBe('openai server refused the API key: 401 Incorrect API key provided: sk-test.');
      expect(footnoteError.hint).toContain('check OPENAI_API_KEY');
      return true;
    });
  });

  it("turns a server error while embedding into PROVIDER_SERVER_ERROR, whose hint points at the server, not the key", async () => {
    server = await startOpenAITestServer();
    const embedder = await OpenAIEmbedder.create({ apiKey: 'sk-test', baseUrl: server.url, model: 'm', maxRetries: 0 });
    server.setFailure(500);
    const failing = embedder.embedDocuments(['alpha']);
    await expect(failing).rejects.toMatchObject({
      code: 'PROVIDER_SERVER_ERROR',
      message: 'openai server failed: 500 simulated failure 500',
    });
    const { hint } = (await failing.catch((error: unknown) => error)) as FootnoteError;
    expect(hint).toContain("check the server's log");
    expect(hint).not.toContain('OPENAI_API_KEY');
  });

  it('reports an embeddings reply with fewer vectors than texts in one line, with a hint on the URL and model', async () => {
    server = await startOpenAITestServer();
    const embedder = await OpenAIEmbedder.create({ apiKey: 'sk-test', baseUrl: server.url, model: 'm', maxRetries: 0 });
    server.scriptFailures({ kind: 'fewer-embeddings' });
    await expect(embedder.embedDocuments(['one', 'two', 'three'])).rejects.toMatchObject({
      code: 'PROVIDER_BAD_RESPONSE',
      message: 'the server returned 2 embeddings for 3 texts',
      hint: 'check that OPENAI_BASE_URL (or FOOTNOTE_EMBEDDING_BASE_URL) points at an OpenAI-compatible endpoint (usually ending in /v1) and that --embedding-model names an embedding model',
    });
  });

  it('reports a probe answered with no vector in one line', async () => {
    server = await startOpenAITestServer();
    server.scriptFailures({ kind: 'fewer-embeddings' });
    const creating = OpenAIEmbedder.create({ apiKey: 'sk-test', baseUrl: server.url, model: 'm', maxRetries: 0 });
    await expect(creating).rejects.toMatchObject({
      code: 'PROVIDER_BAD_RESPONSE',
      message: 'the server returned 0 embeddings for 1 text',
    });
  });

  it('reports a 200 reply that is an HTML page, or JSON cut short, as not an embeddings response', async () => {
    server = await startOpenAITestServer();
    const embedder = await OpenAIEmbedder.create({ apiKey: 'sk-test', baseUrl: server.url, model: 'm', maxRetries: 0 });
    server.scriptFailures(
      { kind: 'raw', status: 200, contentType: 'text/html', body: '<html>oops</html>' },
      { kind: 'raw', status: 200, contentType: 'application/json', body: '{"object":"list","data":[{"embe' },
    );
    await expect(embedder.embedDocuments(['alpha'])).rejects.toMatchObject({
      code: 'PROVIDER_BAD_RESPONSE',
      message: "the server's reply to /embeddings was not an embeddings response",
    });
    await expect(embedder.embedDocuments(['alpha'])).rejects.toMatchObject({
      code: 'PROVIDER_BAD_RESPONSE',
      message: "the server's reply to /embeddings was not valid JSON",
    });
  });

  it('reports a server that is not listening as PROVIDER_UNREACHABLE, naming the endpoint', async () => {
    server = await startOpenAITestServer();
    const url = server.url;
    await server.close();
    server = undefined;
    const creating = OpenAIEmbedder.create({ apiKey: 'sk-test', baseUrl: url, model: 'm', maxRetries: 0 });
    await expect(creating).rejects.toMatchObject({
      code: 'PROVIDER_UNREACHABLE',
      message: `cannot reach ${url}/embeddings: ECONNREFUSED`,
    });
  });

  it('refuses to create after the signal has fired', async () => {
    server = await startOpenAITestServer();
    const creating = OpenAIEmbedder.create({
      apiKey: 'sk-test',
      baseUrl: server.url,
      model: 'm',
      signal: AbortSignal.abort(),
    });
    await expect(creating).rejects.toMatchObject({ code: 'ABORTED' });
    expect(server.requests).toEqual([]);
  });

  it('reports a server that sends no response headers within connectTimeoutMs as PROVIDER_UNREACHABLE', async () => {
    server = await startOpenAITestServer();
    server.scriptFailures({ kind: 'hang' });
    const creating = OpenAIEmbedder.create({
      apiKey: 'sk-test',
      baseUrl: server.url,
      model: 'm',
      resilience: { maxRetries: 0, connectTimeoutMs: 50 },
    });
    await expect(creating).rejects.toMatchObject({
      code: 'PROVIDER_UNREACHABLE',
      message: `cannot reach ${server.url}/embeddings: no response within 50 ms`,
    });
  });
});
