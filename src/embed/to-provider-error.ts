import { FootnoteError } from '../shared/errors.js';
import { findInCauses, readField } from './error-causes.js';
import { findSystemErrorCode, ProviderTransportError } from './provider-fetch.js';

/** Keeps a server's message to one readable line. */
const MAX_DETAIL_LENGTH = 200;

/** What `toProviderError` needs to know besides the error. */
export interface ProviderErrorContext {
  /** The caller's signal: when it fired, the failure is a cancellation. */
  signal?: AbortSignal;
  /** The API key, blanked out of any text a server echoes back. */
  secret?: string;
}

function isAbortError(error: unknown): boolean {
  const name = readField(error, 'name');
  return name === 'AbortError' || (error instanceof Error && error.constructor.name === 'APIUserAbortError');
}

/** The transport failure somewhere in the chain of causes (the SDK wraps what fetch threw). */
function findTransportError(error: unknown): ProviderTransportError | undefined {
  return findInCauses(error, (current) => (current instanceof ProviderTransportError ? current : undefined));
}

/** `text` with every occurrence of the key replaced, so no message can leak it. */
export function redactSecret(text: string, secret: string | undefined): string {
  return secret === undefined || secret.length < 4 ? text : text.split(secret).join('***');
}

/**
 * One line that says what went wrong: the status and the server's message
 * (`401 Incorrect API key provided`), or the network failure
 * (`Connection error. (ECONNREFUSED)`). LangChain appends a troubleshooting
 * URL on later lines and the SDK keeps a stack; both are left out.
 */
export function describeProviderError(error: unknown): string {
  const rawMessage = readField(error, 'message');
  const message = typeof rawMessage === 'string' ? rawMessage : String(error);
  let line = (message.split('\n').find((part) => part.trim() !== '') ?? '').trim().replace(/\s+/g, ' ');
  const status = readField(error, 'status');
  if (typeof status === 'number' && !line.startsWith(String(status))) line = `${status} ${line}`.trim();
  const causeCode = findSystemErrorCode(readField(error, 'cause'));
  if (causeCode !== undefined && !line.includes(causeCode)) line = `${line} (${causeCode})`;
  if (line === '') line = 'unknown error';
  return line.length > MAX_DETAIL_LENGTH ? `${line.slice(0, MAX_DETAIL_LENGTH - 1)}…` : line;
}

/**
 * Turns whatever an OpenAI-compatible call threw into the error users see:
 * - `ABORTED` when the caller cancelled;
 * - `PROVIDER_UNREACHABLE` when the server could not be reached or did not
 *   answer in time (callers may fall back to offline answers on this one);
 * - `PROVIDER_AUTH_FAILED` for 401 and 403, whose hint names OPENAI_API_KEY;
 * - `PROVIDER_RATE_LIMITED` for a 429 that outlasted the retries;
 * - `PROVIDER_SERVER_ERROR` for a 5xx that outlasted them (the key and the
 *   network worked, so the hint points at the server);
 * - `PROVIDER_DISCONNECTED` when the server closed the connection before
 *   answering or half-way (it was reached, so this is no reason to fall back);
 * - `PROVIDER_STALLED` when a response went silent for `streamTimeoutMs`;
 * - `PROVIDER_FAILED` with a one-line detail for the rest.
 * A `FootnoteError` passes through unchanged. The key never appears in the
 * message. The original error stays reachable as `cause` for debugging.
 */
export function toProviderError(error: unknown, context: ProviderErrorContext = {}): FootnoteError {
  if (error instanceof FootnoteError) return error;
  if (context.signal?.aborted === true || isAbortError(error)) {
    return new FootnoteError('ABORTED', {}, { cause: error });
  }
  const transport = findTransportError(error);
  if (transport !== undefined) {
    if (transport.kind === 'unreachable' || transport.kind === 'connect-timeout') {
      return new FootnoteError('PROVIDER_UNREACHABLE', { url: transport.url, detail: transport.detail }, { cause: error });
    }
    if (transport.kind === 'stream-timeout') {
      const detail = `the response stalled (${transport.detail})`;
      return new FootnoteError('PROVIDER_STALLED', { provider: 'openai', url: transport.url, detail }, { cause: error });
    }
    const facts = { provider: 'openai', url: transport.url, detail: transport.detail };
    return new FootnoteError('PROVIDER_DISCONNECTED', facts, { cause: error });
  }
  const detail = redactSecret(describeProviderError(error), context.secret);
  const status = readField(error, 'status');
  const facts = { provider: 'openai', detail };
  if (status === 401 || status === 403) return new FootnoteError('PROVIDER_AUTH_FAILED', facts, { cause: error });
  if (status === 429) return new FootnoteError('PROVIDER_RATE_LIMITED', facts, { cause: error });
  if (typeof status === 'number' && status >= 500) return new FootnoteError('PROVIDER_SERVER_ERROR', facts, { cause: error });
  return new FootnoteError('PROVIDER_FAILED', facts, { cause: error });
}
