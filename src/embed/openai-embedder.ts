import { Embeddings } from '@langchain/core/embeddings';
import { OpenAIEmbeddings } from '@langchain/openai';
import { FootnoteError, throwIfAborted } from '../shared/errors.js';
import type { Embedder, EmbedderIdentity } from './embedder.js';
import { toProviderError } from './to-provider-error.js';

/** OpenAI's own API, used when no base URL is given (the SDK would otherwise read the environment). */
export const OPENAI_API_URL = 'https://api.openai.com/v1';

/** Texts per `/embeddings` request: well under the API's 2,048-input limit and its token budget. */
export const DEFAULT_OPENAI_EMBEDDING_BATCH_SIZE = 256;

/** Retries after the first attempt, with LangChain's exponential backoff; 4xx errors are not retried. */
export const DEFAULT_OPENAI_MAX_RETRIES = 2;

/** Vector lengths of OpenAI's embedding models, so their indexes need no probe request. */
export const OPENAI_EMBEDDING_DIMENSIONS: Readonly<Record<string, number>> = {
  'text-embedding-3-small': 1536,
  'text-embedding-3-large': 3072,
  'text-embedding-ada-002': 1536,
};

/** Text sent once to learn the vector length of a model the table does not know. */
const DIMENSION_PROBE_TEXT = 'dimension probe';

/** Options for `OpenAIEmbedder.create`. */
export interface OpenAIEmbedderOptions {
  apiKey: string;
  /** An OpenAI-compatible server, e.g. `http://localhost:11434/v1`; default OpenAI's API. */
  baseUrl?: string;
  /** Embedding model name, e.g. `text-embedding-3-small`. */
  model: string;
  /** Texts per request; default `DEFAULT_OPENAI_EMBEDDING_BATCH_SIZE`. */
  batchSize?: number;
  /** Default `DEFAULT_OPENAI_MAX_RETRIES`. */
  maxRetries?: number;
  /** Cancels creation before the dimension probe is sent. */
  signal?: AbortSignal;
}

/** True when `baseUrl` is OpenAI's own API, whose model names the table can be trusted for. */
function isOpenAIApi(baseUrl: string | undefined): boolean {
  if (baseUrl === undefined) return true;
  try {
    return new URL(baseUrl).hostname === 'api.openai.com';
  } catch {
    return false;
  }
}

/** Scales a vector to unit length; some compatible servers return unnormalised vectors. */
function normalize(vector: ArrayLike<number>): number[] {
  let sumOfSquares = 0;
  for (let i = 0; i < vector.length; i++) sumOfSquares += (vector[i] ?? 0) ** 2;
  const scale = sumOfSquares === 0 ? 0 : 1 / Math.sqrt(sumOfSquares);
  return Array.from(vector, (value) => value * scale);
}

/**
 * Embeddings from OpenAI or any OpenAI-compatible server (Ollama, vLLM,
 * LM Studio, …) through LangChain's `OpenAIEmbeddings`, which batches the texts
 * and retries transient failures. Vectors come back L2-normalised. Blank texts
 * are not sent (the API rejects empty input) and get the zero vector.
 * Server errors become `PROVIDER_FAILED` with a one-line detail.
 *
 * Build it with `OpenAIEmbedder.create`, which knows `identity.dimensions`
 * before anything is indexed: from a table for OpenAI's models, otherwise by
 * embedding one probe text.
 *
 * @example
 * const embedder = await OpenAIEmbedder.create({ apiKey, baseUrl: 'http://localhost:11434/v1', model: 'nomic-embed-text' });
 * embedder.identity; // { id: 'openai:nomic-embed-text', version: '1', dimensions: 768 }
 */
export class OpenAIEmbedder extends Embeddings implements Embedder {
  readonly identity: EmbedderIdentity;
  private readonly client: OpenAIEmbeddings;

  private constructor(client: OpenAIEmbeddings, identity: EmbedderIdentity) {
    super({});
    this.client = client;
    this.identity = identity;
  }

  /** Creates the embedder, probing the server for the vector length when the model is not in the table. */
  static async create(options: OpenAIEmbedderOptions): Promise<OpenAIEmbedder> {
    const client = new OpenAIEmbeddings({
      apiKey: options.apiKey,
      model: options.model,
      batchSize: options.batchSize ?? DEFAULT_OPENAI_EMBEDDING_BATCH_SIZE,
      maxRetries: options.maxRetries ?? DEFAULT_OPENAI_MAX_RETRIES,
      configuration: { baseURL: options.baseUrl ?? OPENAI_API_URL },
    });
    const known = isOpenAIApi(options.baseUrl) ? OPENAI_EMBEDDING_DIMENSIONS[options.model] : undefined;
    let dimensions = known;
    if (dimensions === undefined) {
      throwIfAborted(options.signal);
      let probe: number[];
      try {
        probe = await client.embedQuery(DIMENSION_PROBE_TEXT);
      } catch (error) {
        throw toProviderError(error, options.signal);
      }
      if (probe.length === 0) {
        throw new FootnoteError('PROVIDER_FAILED', {
          provider: 'openai',
          detail: `model ${options.model} returned an empty embedding`,
        });
      }
      dimensions = probe.length;
    }
    return new OpenAIEmbedder(client, { id: `openai:${options.model}`, version: '1', dimensions });
  }

  /** LangChain's interface: one unit vector per text, in order, fetched in batches. */
  override async embedDocuments(texts: string[]): Promise<number[][]> {
    const vectors: number[][] = texts.map(() => []);
    const sentIndexes: number[] = [];
    const sentTexts: string[] = [];
    texts.forEach((text, index) => {
      if (text.trim() === '') vectors[index] = new Array<number>(this.identity.dimensions).fill(0);
      else {
        sentIndexes.push(index);
        sentTexts.push(text);
      }
    });
    if (sentTexts.length === 0) return vectors;
    let received: number[][];
    try {
      received = await this.client.embedDocuments(sentTexts);
    } catch (error) {
      throw toProviderError(error);
    }
    sentIndexes.forEach((index, position) => {
      vectors[index] = this.checkAndNormalize(received[position]);
    });
    return vectors;
  }

  /** LangChain's interface: the unit vector of one query. */
  override async embedQuery(text: string): Promise<number[]> {
    const [vector] = await this.embedDocuments([text]);
    return vector ?? [];
  }

  /** Rejects a missing vector or one whose length differs from the index's. */
  private checkAndNormalize(vector: number[] | undefined): number[] {
    const { dimensions } = this.identity;
    if (vector === undefined || vector.length !== dimensions) {
      throw new FootnoteError('PROVIDER_FAILED', {
        provider: 'openai',
        detail: `expected ${dimensions}-dimensional embeddings but got ${vector?.length ?? 'none'}`,
      });
    }
    return normalize(vector);
  }
}
