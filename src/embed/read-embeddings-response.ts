import { FootnoteError } from '../shared/errors.js';

function badResponse(detail: string): FootnoteError {
  return new FootnoteError('PROVIDER_BAD_RESPONSE', { role: 'embedding', detail });
}

const NOT_EMBEDDINGS = "the server's reply to /embeddings was not an embeddings response";

function isVector(value: unknown): value is ArrayLike<number> {
  if (!Array.isArray(value) && !(value instanceof Float32Array)) return false;
  for (let i = 0; i < value.length; i++) {
    if (typeof value[i] !== 'number' || !Number.isFinite(value[i])) return false;
  }
  return true;
}

/**
 * The vectors of an `/embeddings` reply, one per text sent, in the order the
 * texts were sent. The reply is checked rather than trusted: a server that is
 * not OpenAI-compatible (an HTML page at the wrong URL, a chat model asked for
 * embeddings) or one that drops an input would otherwise surface as a
 * TypeError deep inside LangChain. Entries are placed by their `index` when
 * the indexes name every text once, since the API does not promise the order.
 *
 * @example
 * readEmbeddingsResponse({ data: [{ index: 0, embedding: [0.1, 0.2] }] }, 1); // [[0.1, 0.2]]
 */
export function readEmbeddingsResponse(response: unknown, textCount: number): number[][] {
  const data = typeof response === 'object' && response !== null ? (response as { data?: unknown }).data : undefined;
  if (!Array.isArray(data)) throw badResponse(NOT_EMBEDDINGS);
  if (data.length !== textCount) {
    throw badResponse(
      `the server returned ${data.length} ${data.length === 1 ? 'embedding' : 'embeddings'} for ${textCount} ${textCount === 1 ? 'text' : 'texts'}`,
    );
  }
  const entries = data.map((entry: unknown) => (typeof entry === 'object' && entry !== null ? (entry as Record<string, unknown>) : {}));
  const indexes = entries.map((entry) => entry['index']);
  const byIndex =
    new Set(indexes).size === textCount &&
    indexes.every((index) => typeof index === 'number' && Number.isInteger(index) && index >= 0 && index < textCount);
  const vectors: number[][] = new Array<number[]>(textCount);
  entries.forEach((entry, position) => {
    const embedding = entry['embedding'];
    if (!isVector(embedding)) throw badResponse(NOT_EMBEDDINGS);
    vectors[byIndex ? (indexes[position] as number) : position] = Array.from(embedding);
  });
  return vectors;
}
