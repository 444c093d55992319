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

/**
 * A failure the server plays once, on the next request to its route:
 * an HTTP error (with headers such as `retry-after`), a chat stream cut off
 * after some deltas (the socket is destroyed), a chat stream with one chunk
 * that is not JSON, response headers that never come (the request hangs
 * until the client gives up), a connection closed before any byte of a
 * response, a reply of any status and body (an HTML page, say), or an
 * embeddings reply one vector short.
 */
export type ScriptedFailure =
  | { kind: 'status'; status: number; headers?: Record<string, string>; route?: string }
  | { kind: 'drop-stream'; afterDeltas: number }
  | { kind: 'malformed-chunk'; afterDeltas: number }
  | { kind: 'hang'; route?: string }
  | { kind: 'close-connection'; route?: string }
  | { kind: 'raw'; status: number; contentType: string; body: string; route?: string }
  | { kind: 'fewer-embeddings' };

/** A pause in a streamed chat reply, so a test can look at the output half-way. */
export interface StreamHold {
  /** Resolves once the first `afterDeltas` deltas are written. */
  reached: Promise<void>;
  /** Lets the rest of the reply go out. */
  release(): void;
}

/** Options for `startOpenAITestServer`. */
export interface OpenAITestServerOptions {
  /** Length of every embedding vector; default 64. */
  dimensions?: number;
  /** What `/v1/chat/completions` answers; default `'OK [1]'`. */
  chatReply?: string;
  /** Answer every request with this HTTP status and an OpenAI-shaped error body. */
  failWith?: number;
  /** Answer 404, as Ollama does, for a model not in `TEST_SERVER_MODELS`. */
  rejectUnknownModels?: boolean;
}

/** A running fake of the OpenAI API on 127.0.0.1. */
export interface OpenAITestServer {
  /** Base URL to pass as `baseURL`, ending in `/v1`. */
  url: string;
  /** Every request, in arrival order. */
  requests: RecordedRequest[];
  /** The most requests the server was handling at the same moment. */
  readonly peakConcurrency: number;
  close(): Promise<void>;
  setChatReply(text: string): void;
  /** From now on, embedding vectors have this length (a server whose model changed). */
  setDimensions(dimensions: number): void;
  /**
   * Answers chat requests with `responder(body)` instead of the fixed reply,
   * e.g. one text for the follow-up rewrite (`stream` false) and another for
   * the answer; `null` goes back to the fixed reply.
   */
  setChatResponder(responder: ((body: Record<string, unknown>) => string) | null): void;
  /** Start (status) or stop (`null`) failing every request. */
  setFailure(status: number | null): void;
  /** Queues failures, played one per matching request, in order. */
  scriptFailures(...failures: ScriptedFailure[]): void;
  /** Pauses the next streamed chat reply after `afterDeltas` deltas. */
  holdStream(afterDeltas: number): StreamHold;
  /** Holds the `nth` request to `route` from now on (1 = the next) before answering it. */
  holdRequest(route: string, nth: number): StreamHold;
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

/** What `GET /v1/models` lists. */
export const TEST_SERVER_MODELS = ['test-chat-model', 'test-embedding-model'];

function errorBody(status: number): unknown {
  const message = status === 401 ? 'Incorrect API key provided: sk-test.' : `simulated failure ${status}`;
  return { error: { message, type: 'invalid_request_error', code: status === 401 ? 'invalid_api_key' : null } };
}

/** A pause and the handle a test uses to see it reached and to end it. */
function createHold(): { hold: { reached: () => void; released: Promise<void> }; control: StreamHold } {
  let reached!: () => void;
  let release!: () => void;
  const reachedPromise = new Promise<void>((resolve) => {
    reached = resolve;
  });
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  return { hold: { reached, released }, control: { reached: reachedPromise, release } };
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

function handleEmbeddings(
  response: http.ServerResponse,
  body: Record<string, unknown>,
  dimensions: number,
  leaveOutLast = false,
): void {
  const input = body['input'];
  const allTexts = typeof input === 'string' ? [input] : Array.isArray(input) ? input.map(String) : [];
  const texts = leaveOutLast ? allTexts.slice(0, -1) : allTexts;
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

/** How a streamed reply is played: paused half-way, cut off, or with a broken chunk. */
interface StreamPlan {
  hold?: { afterDeltas: number; reached: () => void; released: Promise<void> };
  dropAfterDeltas?: number;
  malformedAfterDeltas?: number;
}

async function handleChat(
  response: http.ServerResponse,
  body: Record<string, unknown>,
  reply: string,
  plan: StreamPlan = {},
): Promise<void> {
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
  const deltas = splitIntoDeltas(reply);
  for (const [index, delta] of deltas.entries()) {
    if (plan.dropAfterDeltas === index) {
      // `end` flushes what was written, then closes mid-body: the client has
      // headers and the first deltas, and never the end of the chunked body.
      response.socket?.end();
      return;
    }
    if (plan.malformedAfterDeltas === index) response.write('data: {"choices":[{"delta":{"content": broken\n\n');
    if (plan.hold?.afterDeltas === index) {
      plan.hold.reached();
      await plan.hold.released;
    }
    send(chunk({ content: delta }, null));
  }
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
 * base64 encoding), `POST /v1/chat/completions` (plain or streamed as SSE) and
 * `GET /v1/models`. It records every request and plays scripted failures
 * (`scriptFailures`: 429 with `Retry-After`, 401, a stream cut off half-way, a
 * broken chunk, a hang, a closed connection, an HTML page, a vector short).
 * Close it in `afterEach`.
 *
 * @example
 * const server = await startOpenAITestServer({ chatReply: 'Paris [1].' });
 * // … new ChatOpenAI({ configuration: { baseURL: server.url } }) …
 * await server.close();
 */
export async function startOpenAITestServer(options: OpenAITestServerOptions = {}): Promise<OpenAITestServer> {
  let dimensions = options.dimensions ?? 64;
  let chatReply = options.chatReply ?? 'OK [1]';
  let failWith: number | null = options.failWith ?? null;
  let chatResponder: ((body: Record<string, unknown>) => string) | null = null;
  let nextHold: StreamPlan['hold'];
  const requestHolds: Array<{ route: string; remaining: number; reached: () => void; released: Promise<void> }> = [];
  const failures: ScriptedFailure[] = [];
  const requests: RecordedRequest[] = [];

  /** The first queued failure that applies to this request, taken off the queue. */
  function takeFailure(path: string, streaming: boolean): ScriptedFailure | undefined {
    const index = failures.findIndex((failure) =>
      failure.kind === 'drop-stream' || failure.kind === 'malformed-chunk'
        ? path === '/v1/chat/completions' && streaming
        : failure.kind === 'fewer-embeddings'
          ? path === '/v1/embeddings'
          : failure.route === undefined || failure.route === path,
    );
    return index === -1 ? undefined : failures.splice(index, 1)[0];
  }

  let inFlight = 0;
  let peakConcurrency = 0;
  const server = http.createServer((request, response) => {
    inFlight += 1;
    peakConcurrency = Math.max(peakConcurrency, inFlight);
    response.once('close', () => {
      inFlight -= 1;
    });
    void (async () => {
      const body = await readBody(request);
      const path = (request.url ?? '/').split('?')[0] ?? '/';
      requests.push({ method: request.method ?? 'GET', path, authorization: request.headers.authorization, body });
      for (const hold of requestHolds.filter((item) => item.route === path)) {
        hold.remaining -= 1;
        if (hold.remaining === 0) {
          hold.reached();
          await hold.released;
        }
      }
      if (failWith !== null) {
        sendJson(response, failWith, errorBody(failWith));
        return;
      }
      const fields = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
      const failure = takeFailure(path, fields['stream'] === true);
      if (failure?.kind === 'status') {
        response.writeHead(failure.status, { 'content-type': 'application/json', ...failure.headers });
        response.end(JSON.stringify(errorBody(failure.status)));
        return;
      }
      if (failure?.kind === 'hang') return; // no headers ever: the client's timeout must end it
      if (failure?.kind === 'close-connection') {
        request.socket.destroy();
        return;
      }
      if (failure?.kind === 'raw') {
        response.writeHead(failure.status, { 'content-type': failure.contentType });
        response.end(failure.body);
        return;
      }
      const model = fields['model'];
      if (options.rejectUnknownModels === true && typeof model === 'string' && !TEST_SERVER_MODELS.includes(model)) {
        const message = `model "${model}" not found, try pulling it first`;
        sendJson(response, 404, { error: { message, type: 'api_error', code: null } });
        return;
      }
      if (request.method === 'POST' && path === '/v1/embeddings') {
        handleEmbeddings(response, fields, dimensions, failure?.kind === 'fewer-embeddings');
      } else if (request.method === 'POST' && path === '/v1/chat/completions') {
        const reply = chatResponder ? chatResponder(fields) : chatReply;
        const plan: StreamPlan = {};
        if (failure?.kind === 'drop-stream') plan.dropAfterDeltas = failure.afterDeltas;
        if (failure?.kind === 'malformed-chunk') plan.malformedAfterDeltas = failure.afterDeltas;
        if (fields['stream'] === true && nextHold) {
          plan.hold = nextHold;
          nextHold = undefined;
        }
        await handleChat(response, fields, reply, plan);
      } else if (request.method === 'GET' && path === '/v1/models') {
        sendJson(response, 200, {
          object: 'list',
          data: TEST_SERVER_MODELS.map((id) => ({ id, object: 'model', created: 1_700_000_000, owned_by: 'test' })),
        });
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
    get peakConcurrency() {
      return peakConcurrency;
    },
    setChatReply(text) {
      chatReply = text;
    },
    setDimensions(length) {
      dimensions = length;
    },
    setChatResponder(responder) {
      chatResponder = responder;
    },
    setFailure(status) {
      failWith = status;
    },
    scriptFailures(...queued) {
      failures.push(...queued);
    },
    holdRequest(route, nth) {
      const { hold, control } = createHold();
      requestHolds.push({ route, remaining: nth, ...hold });
      return control;
    },
    holdStream(afterDeltas) {
      const { hold, control } = createHold();
      nextHold = { afterDeltas, ...hold };
      return control;
    },
    close() {
      return new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      });
    },
  };
}
