import { FootnoteError } from '../shared/errors.js';

/** Keeps a server's message to one readable line. */
const MAX_DETAIL_LENGTH = 200;

function readField(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}

function isAbortError(error: unknown): boolean {
  const name = readField(error, 'name');
  return name === 'AbortError' || (error instanceof Error && error.constructor.name === 'APIUserAbortError');
}

/**
 * The system error code (`ECONNREFUSED`, `ENOTFOUND`) behind a network failure:
 * the SDK wraps fetch's TypeError, which wraps the socket error.
 */
function findCauseCode(error: unknown): string | undefined {
  let cause = readField(error, 'cause');
  for (let depth = 0; depth < 4 && cause !== undefined; depth++) {
    const code = readField(cause, 'code');
    if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return code;
    cause = readField(cause, 'cause');
  }
  return undefined;
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
  const causeCode = findCauseCode(error);
  if (causeCode !== undefined && !line.includes(causeCode)) line = `${line} (${causeCode})`;
  if (line === '') line = 'unknown error';
  return line.length > MAX_DETAIL_LENGTH ? `${line.slice(0, MAX_DETAIL_LENGTH - 1)}…` : line;
}

/**
 * Turns whatever an OpenAI-compatible call threw into the error users see:
 * `ABORTED` when the caller cancelled, `PROVIDER_FAILED` with a one-line
 * detail otherwise. A `FootnoteError` passes through unchanged. The original
 * error stays reachable as `cause` for debugging.
 */
export function toProviderError(error: unknown, signal?: AbortSignal): FootnoteError {
  if (error instanceof FootnoteError) return error;
  if (signal?.aborted === true || isAbortError(error)) {
    return new FootnoteError('ABORTED', {}, { cause: error });
  }
  return new FootnoteError(
    'PROVIDER_FAILED',
    { provider: 'openai', detail: describeProviderError(error) },
    { cause: error },
  );
}
