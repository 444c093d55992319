import { FootnoteError } from '../shared/errors.js';
import { OPENAI_API_URL } from './openai-client-options.js';
import { toProviderError, type ProviderErrorContext } from './to-provider-error.js';

/** The model a failed request asked for, to explain a 404. */
export interface ModelContext extends ProviderErrorContext {
  /** The server's base URL, e.g. `http://localhost:11434/v1`; default OpenAI's API. */
  baseUrl: string | undefined;
  model: string;
  role: 'chat' | 'embedding';
}

/** At most this many model names go into a hint. */
const MAX_MODELS_SHOWN = 12;

/** How long the extra `GET /models` may take: it only improves a message. */
const LIST_TIMEOUT_MS = 5000;

/**
 * The ids `GET {baseUrl}/models` lists, or `null` when the server does not
 * say (no such route, an error, a timeout).
 */
export async function listServerModels(
  baseUrl: string,
  apiKey: string,
  fetchFn: typeof fetch = fetch,
): Promise<string[] | null> {
  try {
    const response = await fetchFn(`${baseUrl.replace(/\/+$/, '')}/models`, {
      headers: { authorization: `Bearer ${apiKey}` },
      signal: AbortSignal.timeout(LIST_TIMEOUT_MS),
    });
    if (!response.ok) return null;
    const body = (await response.json()) as { data?: unknown };
    if (!Array.isArray(body.data)) return null;
    return body.data.flatMap((entry: unknown) => {
      const id = typeof entry === 'object' && entry !== null ? (entry as { id?: unknown }).id : undefined;
      return typeof id === 'string' ? [id] : [];
    });
  } catch {
    return null;
  }
}

/** The route a role's requests go to, as messages name it. */
function routeOf(role: ModelContext['role']): string {
  return role === 'chat' ? '/chat/completions' : '/embeddings';
}

/** True when the SDK could not parse a reply (or a stream chunk) as JSON. */
function isJsonSyntaxError(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth++) {
    if (current instanceof SyntaxError) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

/**
 * True when a 404 is about the model (Ollama: `model "x" not found`, OpenAI:
 * code `model_not_found`) rather than the route: a base URL without `/v1`
 * gets the web server's own 404 (`404 page not found`, `Cannot POST
 * /embeddings`), which names neither.
 */
function isMissingModel(error: unknown, detail: string, model: string): boolean {
  const body = typeof error === 'object' && error !== null ? (error as { error?: unknown }).error : undefined;
  const code = typeof body === 'object' && body !== null ? (body as { code?: unknown }).code : undefined;
  if (code === 'model_not_found') return true;
  const text = detail.toLowerCase();
  return text.includes(model.toLowerCase()) || /\bmodels?\b/.test(text);
}

/**
 * `toProviderError`; a reply that is not JSON, or JSON of another shape, as
 * `PROVIDER_BAD_RESPONSE` (the SDK's own message quotes a fragment of the
 * body, and LangChain's is a TypeError, neither of which says what to fix); a 404 that names no model as `PROVIDER_NO_ENDPOINT`
 * (most often a base URL without `/v1`); and for a 404 about the model (the
 * server has no such model, as Ollama answers for a model not pulled)
 * `PROVIDER_MODEL_NOT_FOUND` whose hint lists the models the server does
 * offer (`GET /models`), with the flag to pick one.
 */
export async function explainProviderError(error: unknown, context: ModelContext): Promise<FootnoteError> {
  const converted = toProviderError(error, context);
  if (converted.code === 'PROVIDER_FAILED' && isJsonSyntaxError(error)) {
    const detail = `the server's reply to ${routeOf(context.role)} was not valid JSON`;
    return new FootnoteError('PROVIDER_BAD_RESPONSE', { role: context.role, detail }, { cause: error });
  }
  // Failures of the network are transport errors by now, so a TypeError is
  // LangChain reading a reply of another shape (an HTML page has no `choices`).
  if (converted.code === 'PROVIDER_FAILED' && error instanceof TypeError) {
    const detail = `the server's reply to ${routeOf(context.role)} was not ${context.role === 'chat' ? 'a chat completion' : 'an embeddings response'}`;
    return new FootnoteError('PROVIDER_BAD_RESPONSE', { role: context.role, detail }, { cause: error });
  }
  const status = typeof error === 'object' && error !== null ? (error as { status?: unknown }).status : undefined;
  if (converted.code !== 'PROVIDER_FAILED' || status !== 404) return converted;
  const detail = String(converted.facts['detail']);
  if (!isMissingModel(error, detail, context.model)) {
    const facts = { role: context.role, route: routeOf(context.role), baseUrl: context.baseUrl ?? OPENAI_API_URL, detail };
    return new FootnoteError('PROVIDER_NO_ENDPOINT', facts, { cause: error });
  }
  const models =
    context.secret === undefined ? null : await listServerModels(context.baseUrl ?? OPENAI_API_URL, context.secret);
  const shown = models?.slice(0, MAX_MODELS_SHOWN).join(', ');
  return new FootnoteError(
    'PROVIDER_MODEL_NOT_FOUND',
    {
      role: context.role,
      model: context.model,
      detail,
      flag: context.role === 'chat' ? '--model' : '--embedding-model',
      available: models && models.length > 0 ? `${shown}${models.length > MAX_MODELS_SHOWN ? ', …' : ''}` : undefined,
    },
    { cause: error },
  );
}
