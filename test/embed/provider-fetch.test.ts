import { afterEach, describe, expect, it } from 'vitest';
import { createProviderFetch, ProviderTransportError, type ProviderFetchSettings } from '../../src/embed/provider-fetch.js';
import type { ProviderRetry } from '../../src/shared/types.js';
import { startOpenAITestServer, type OpenAITestServer } from '../helpers/openai-test-server.js';

let server: OpenAITestServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

const SETTINGS: ProviderFetchSettings = {
  maxRetries: 3,
  baseDelayMs: 500,
  maxDelayMs: 20_000,
  connectTimeoutMs: 10_000,
  streamTimeoutMs: 10_000,
};

/** A fetch whose waits are recorded instead of slept, with jitter at its maximum. */
function recordingFetch(settings: Partial<ProviderFetchSettings> = {}) {
  const waits: number[] = [];
  const fetchFn = createProviderFetch(
    { ...SETTINGS, ...settings },
    {
      sleep: (milliseconds) => {
        waits.push(milliseconds);
        return Promise.resolve();
      },
      random: () => 1,
    },
  );
  return { fetchFn, waits };
}

function postChat(fetchFn: typeof fetch, url: string, stream = false): Promise<Response> {
  return fetchFn(`${url}/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'm', stream, messages: [] }),
  });
}

describe('createProviderFetch', () => {
  it('waits as long as Retry-After says after a 429, then returns the success', async () => {
    server = await startOpenAITestServer({ chatReply: 'fine' });
    server.scriptFailures({ kind: 'status', status: 429, headers: { 'retry-after': '7' } });
    const { fetchFn, waits } = recordingFetch();
    const response = await postChat(fetchFn, server.url);
    expect(response.status).toBe(200);
    expect(((await response.json()) as { choices: Array<{ message: { content: string } }> }).choices[0]?.message.content).toBe('fine');
    expect(waits).toEqual([7000]);
    expect(server.requests.map((request) => request.path)).toEqual(['/v1/chat/completions', '/v1/chat/completions']);
  });

  it('backs off exponentially on 5xx and returns the last failure after maxRetries', async () => {
    server = await startOpenAITestServer();
    server.setFailure(503);
    const { fetchFn, waits } = recordingFetch({ maxRetries: 2 });
    const response = await postChat(fetchFn, server.url);
    expect(response.status).toBe(503);
    expect(waits).toEqual([500, 1000]);
    expect(server.requests).toHaveLength(3);
  });

  it('says why, how long and which retry before each wait', async () => {
    server = await startOpenAITestServer({ chatReply: 'fine' });
    server.scriptFailures(
      { kind: 'status', status: 429, headers: { 'retry-after': '7' } },
      { kind: 'status', status: 503 },
    );
    const told: ProviderRetry[] = [];
    const fetchFn = createProviderFetch(SETTINGS, {
      sleep: () => Promise.resolve(),
      random: () => 1,
      onRetry: (retry) => told.push(retry),
    });
    expect((await postChat(fetchFn, server.url)).status).toBe(200);
    expect(told).toEqual([
      { cause: 'rate-limited', status: 429, delayMs: 7000, retry: 1, maxRetries: 3 },
      { cause: 'server-error', status: 503, delayMs: 1000, retry: 2, maxRetries: 3 },
    ]);
  });

  it('does not retry a 401, nor a 429 that asks to wait longer than maxDelayMs', async () => {
    server = await startOpenAITestServer();
    server.scriptFailures(
      { kind: 'status', status: 401 },
      { kind: 'status', status: 429, headers: { 'retry-after': '3600' } },
    );
    const { fetchFn, waits } = recordingFetch();
    expect((await postChat(fetchFn, server.url)).status).toBe(401);
    expect((await postChat(fetchFn, server.url)).status).toBe(429);
    expect(waits).toEqual([]);
    expect(server.requests).toHaveLength(2);
  });

  it('fails at once as unreachable when nothing listens on the port', async () => {
    server = await startOpenAITestServer();
    const url = server.url;
    await server.close();
    server = undefined;
    const { fetchFn, waits } = recordingFetch();
    const failing = postChat(fetchFn, url);
    await expect(failing).rejects.toBeInstanceOf(ProviderTransportError);
    await expect(failing).rejects.toMatchObject({
      kind: 'unreachable',
      url: `${url}/chat/completions`,
      detail: 'ECONNREFUSED',
    });
    expect(waits).toEqual([]);
  });

  it('gives up on a server that sends no response headers within connectTimeoutMs', async () => {
    server = await startOpenAITestServer();
    server.scriptFailures({ kind: 'hang' });
    const { fetchFn } = recordingFetch({ connectTimeoutMs: 50 });
    await expect(postChat(fetchFn, server.url)).rejects.toMatchObject({ kind: 'connect-timeout', detail: 'no response within 50 ms' });
  });

  it('errors the body when the stream goes silent for streamTimeoutMs', async () => {
    server = await startOpenAITestServer({ chatReply: 'one two three' });
    const hold = server.holdStream(1);
    const { fetchFn } = recordingFetch({ streamTimeoutMs: 50 });
    const response = await postChat(fetchFn, server.url, true);
    try {
      await expect(response.text()).rejects.toMatchObject({ kind: 'stream-timeout', detail: 'no data for 50 ms' });
    } finally {
      hold.release();
    }
  });

  it('errors the body as stream-dropped when the server cuts the connection', async () => {
    server = await startOpenAITestServer({ chatReply: 'one two three' });
    server.scriptFailures({ kind: 'drop-stream', afterDeltas: 1 });
    const { fetchFn } = recordingFetch();
    const response = await postChat(fetchFn, server.url, true);
    await expect(response.text()).rejects.toMatchObject({
      kind: 'stream-dropped',
      detail: 'the server closed the connection before the response was complete',
    });
  });

  it('retries a connection closed before any answer, then fails in words as connection-closed', async () => {
    server = await startOpenAITestServer();
    server.scriptFailures({ kind: 'close-connection' }, { kind: 'close-connection' });
    const { fetchFn, waits } = recordingFetch({ maxRetries: 1 });
    await expect(postChat(fetchFn, server.url)).rejects.toMatchObject({
      kind: 'connection-closed',
      url: `${server.url}/chat/completions`,
      detail: 'the server closed the connection without answering',
    });
    expect(waits).toEqual([500]);
    expect(server.requests).toHaveLength(2);
  });

  it('stops waiting between retries when the caller aborts', async () => {
    server = await startOpenAITestServer();
    server.setFailure(429);
    const controller = new AbortController();
    const fetchFn = createProviderFetch(SETTINGS, {
      sleep: (_milliseconds, signal) => {
        controller.abort();
        return Promise.reject(signal?.reason as Error);
      },
    });
    await expect(
      fetchFn(`${server.url}/chat/completions`, { method: 'POST', body: '{}', signal: controller.signal }),
    ).rejects.toMatchObject({ name: 'AbortError' });
    expect(server.requests).toHaveLength(1);
  });
});
