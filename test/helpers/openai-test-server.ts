import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the server received. */
export interface RecordedRequest {
  method: string;
  /** Path without the query string, e.g. `/v1/embeddings`. */
  path: string;
  /** The `Authorization` header, so tests can check the key was sent. */
  authorization: string | undefined;
  /** The parsed JSON body (`null` when there was none or it was not JSON). */
  body: unknown;
}

/** Options for `startOpenAITestServer`. */
export interface OpenAITestServerOptions {
  /** Length of every embedding vector; default 64. */
  dimensions?: number;
  /** What `/v1/chat/completions` answers; default `'OK [1]'`. */
  chatReply?: string;
  /** Answer every request with this HTTP status and an OpenAI-shaped error body. */
  failWith?: number;
}

/** A running fake of the OpenAI API on 127.0.0.1. */
export interface OpenAITestServer {
  /** Base URL to pass as `baseURL`, ending in `/v1`. */
  url: string;
  /** Every request, in arrival order. */
  requests: RecordedRequest[];
  close(): Promise<void>;
  setChatReply(text: string): void;
  /** Start (status) or stop (`null`) failing every request. */
  setFailure(status: number | null): void;
}

/**
 * A deterministic, deliberately unnormalised vector: a hashed bag of words
 * scaled by 3, or a fixed vector for text without words. Same text, same vector.
 */
export function testServerVector(text: string, dimensions: number): number[] {
  const vector = new Array<number>(dimensions).fill(0);
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  for (const word of words) {
    let hash = 0x811c9dc5;
    for (let i = 0; i < word.length; i++) hash = Math.imul(hash ^ word.charCodeAt(i), 0x01000193);
    const bucket = (hash >>> 0) % dimensions;
    vector[bucket] = (vector[bucket] ?? 0) + 3;
  }
  if (words.length === 0) vector[0] = 3;
  return vector;
}

function encodeBase64(vector: number[]): string {
  return Buffer.from(new Float32Array(vector).buffer).toString('base64');
}

function sendJson(response: http.ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

function errorBody(status: number): unknown {
  const message = status === 401 ? 'Incorrect API key provided: sk-test.' : `simulated failure ${status}`;
  return { error: { message, type: 'invalid_request_error', code: status === 401 ? 'invalid_api_key' : null } };
}

/** Splits a reply into word-sized deltas, as a model streams tokens. */
function splitIntoDeltas(text: string): string[] {
  return text.match(/\s*\S+/g) ?? [text];
}

function readBody(request: http.IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    request.on('data', (part: Buffer) => parts.push(part));
    request.on('error', reject);
    request.on('end', () => {
      const text = Buffer.concat(parts).toString('utf8');
      try {
        resolve(text === '' ? null : JSON.parse(text));
      } catch {
        resolve(null);
      }
    });
  });
}

function handleEmbeddings(response: http.ServerResponse, body: Record<string, unknown>, dimensions: number): void {
  const input = body['input'];
  const texts = typeof input === 'string' ? [input] : Array.isArray(input) ? input.map(String) : [];
  const base64 = body['encoding_format'] === 'base64';
  sendJson(response, 200, {
    object: 'list',
    model: body['model'],
    data: texts.map((text, index) => {
      const vector = testServerVector(text, dimensions);
      return { object: 'embedding', index, embedding: base64 ? encodeBase64(vector) : vector };
    }),
    usage: { prompt_tokens: texts.length, total_tokens: texts.length },
  });
}

function handleChat(response: http.ServerResponse, body: Record<string, unknown>, reply: string): void {
  const base = { id: 'chatcmpl-test', created: 1_700_000_000, model: body['model'] };
  if (body['stream'] !== true) {
    sendJson(response, 200, {
      ...base,
      object: 'chat.completion',
      choices: [{ index: 0, message: { role: 'assistant', content: reply }, finish_reason: 'stop' }],
      usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
    });
    return;
  }
  response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  const send = (chunk: unknown): void => {
    response.write(`data: ${JSON.stringify(chunk)}\n\n`);
  };
  const chunk = (delta: unknown, finishReason: string | null): unknown => ({
    ...base,
    object: 'chat.completion.chunk',
    choices: [{ index: 0, delta, finish_reason: finishReason }],
  });
  send(chunk({ role: 'assistant', content: '' }, null));
  for (const delta of splitIntoDeltas(reply)) send(chunk({ content: delta }, null));
  send(chunk({}, 'stop'));
  const streamOptions = body['stream_options'] as { include_usage?: boolean } | undefined;
  if (streamOptions?.include_usage === true) {
    send({ ...base, object: 'chat.completion.chunk', choices: [], usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 } });
  }
  response.end('data: [DONE]\n\n');
}

/**
 * Starts a real HTTP server on 127.0.0.1 (a free port) that speaks enough of the
 * OpenAI API for footnote: `POST /v1/embeddings` (string or array input, float or
 * base64 encoding) and `POST /v1/chat/completions` (plain or streamed as SSE).
 * Close it in `afterEach`.
 *
 * @example
 * const server = await startOpenAITestServer({ chatReply: 'Paris [1].' });
 * // … new ChatOpenAI({ configuration: { baseURL: server.url } }) …
 * await server.close();
 */
export async function startOpenAITestServer(options: OpenAITestServerOptions = {}): Promise<OpenAITestServer> {
  const dimensions = options.dimensions ?? 64;
  let chatReply = options.chatReply ?? 'OK [1]';
  let failWith: number | null = options.failWith ?? null;
  const requests: RecordedRequest[] = [];

  const server = http.createServer((request, response) => {
    void (async () => {
      const body = await readBody(request);
      const path = (request.url ?? '/').split('?')[0] ?? '/';
      requests.push({ method: request.method ?? 'GET', path, authorization: request.headers.authorization, body });
      if (failWith !== null) {
        sendJson(response, failWith, errorBody(failWith));
        return;
      }
      const fields = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
      if (request.method === 'POST' && path === '/v1/embeddings') {
        handleEmbeddings(response, fields, dimensions);
      } else if (request.method === 'POST' && path === '/v1/chat/completions') {
        handleChat(response, fields, chatReply);
      } else {
        sendJson(response, 404, { error: { message: `no route ${request.method} ${path}` } });
      }
    })().catch((error: unknown) => {
      sendJson(response, 500, { error: { message: String(error) } });
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    setChatReply(text) {
      chatReply = text;
    },
    setFailure(status) {
      failWith = status;
    },
    close() {
      return new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      });
    },
  };
}
