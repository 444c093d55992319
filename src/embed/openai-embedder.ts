import { Embeddings } from '@langchain/core/embeddings';
import {
  DEFAULT_EMBEDDING_BATCH_SIZE,
  DEFAULT_EMBEDDING_CONCURRENCY,
  type ProviderResilience,
} from '../config/config-schema.js';
import { FootnoteError, throwIfAborted } from '../shared/errors.js';
import { CheckedOpenAIEmbeddings } from './checked-openai-embeddings.js';
import { formatEmbedderIdentity, type Embedder, type EmbedderIdentity } from './embedder.js';
import { mapWithConcurrency } from './map-with-concurrency.js';
import { createClientConfiguration } from './openai-client-options.js';
import type { ProviderFetchDependencies } from './provider-fetch.js';
import { explainProviderError, type ModelContext } from './explain-provider-error.js';

/** Vector lengths of OpenAI's embedding models, so their indexes need no probe request. */
export const OPENAI_EMBEDDING_DIMENSIONS: Readonly<Record<string, number>> = {
  'text-embedding-3-small': 1536,
  'text-embedding-3-large': 3072,
  'text-embedding-ada-002': 1536,
};

/** Text sent once to learn the vector length of a model the table does not know. */
const DIMENSION_PROBE_TEXT = 'dimension probe';

/** Bumped whenever the same model name would produce different vectors. */
const VERSION = '1';

/** Options for `OpenAIEmbedder.create`. */
export interface OpenAIEmbedderOptions {
  apiKey: string;
  /** An OpenAI-compatible server, e.g. `http://localhost:11434/v1`; default OpenAI's API. */
  baseUrl?: string;
  /** Embedding model name, e.g. `text-embedding-3-small`. */
  model: string;
  /** Texts per request; default `DEFAULT_EMBEDDING_BATCH_SIZE`. */
  batchSize?: number;
  /** Requests in flight at once; default `DEFAULT_EMBEDDING_CONCURRENCY`. */
  concurrency?: number;
  /** Retries and timeouts; defaults as `resolveResilience`. */
  resilience?: Partial<ProviderResilience>;
  /** Shorthand for `resilience.maxRetries`. */
  maxRetries?: number;
  /** Replaceable waits, for tests. */
  fetchDependencies?: ProviderFetchDependencies;
  /** Cancels creation before the dimension probe is sent. */
  signal?: AbortSignal;
  /**
   * The identity stored in the index this embedder will search. When it names
   * the same model, its dimensions are used instead of a probe request (which
   * doubled the embedding round trips of every question); a server whose
   * vectors turn out longer or shorter fails its first embedding with
   * `EMBEDDER_MISMATCH`. Leave it out for indexing, which must learn the
   * model's real length before it writes any vector.
   */
  indexedIdentity?: EmbedderIdentity;
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
 * LM Studio, …) through LangChain's `OpenAIEmbeddings`, whose replies are
 * checked (`CheckedOpenAIEmbeddings`). Texts go in batches of
 * `batchSize`, at most `concurrency` requests at a time; the resilient fetch
 * retries 429 and 5xx. Vectors come back L2-normalised. Blank texts are not
 * sent (the API rejects empty input) and get the zero vector. Failures become
 * the errors of `toProviderError` (the key never appears in them).
 *
 * Build it with `OpenAIEmbedder.create`, which knows `identity.dimensions`
 * before anything is indexed: from a table for OpenAI's models, from the
 * index when it names the same model, otherwise by embedding one probe text.
 *
 * @example
 * const embedder = await OpenAIEmbedder.create({ apiKey, baseUrl: 'http://localhost:11434/v1', model: 'nomic-embed-text' });
 * embedder.identity; // { id: 'openai:nomic-embed-text', version: '1', dimensions: 768 }
 */
export class OpenAIEmbedder extends Embeddings implements Embedder {
  readonly identity: EmbedderIdentity;
  private readonly client: CheckedOpenAIEmbeddings;
  private readonly batchSize: number;
  private readonly concurrency: number;
  /** Names the server and model in errors, and keeps the key out of them. */
  private readonly errorContext: ModelContext;
  readonly dimensionsFromIndex: boolean;

  private constructor(
    client: CheckedOpenAIEmbeddings,
    identity: EmbedderIdentity,
    options: OpenAIEmbedderOptions,
    errorContext: ModelContext,
    dimensionsFromIndex: boolean,
  ) {
    super({});
    this.client = client;
    this.identity = identity;
    this.dimensionsFromIndex = dimensionsFromIndex;
    this.batchSize = options.batchSize ?? DEFAULT_EMBEDDING_BATCH_SIZE;
    this.concurrency = options.concurrency ?? DEFAULT_EMBEDDING_CONCURRENCY;
    this.errorContext = errorContext;
  }

  /** Creates the embedder, probing the server for the vector length when the model is not in the table. */
  static async create(options: OpenAIEmbedderOptions): Promise<OpenAIEmbedder> {
    const resilience = { ...options.resilience };
    if (options.maxRetries !== undefined) resilience.maxRetries = options.maxRetries;
    const client = new CheckedOpenAIEmbeddings({
      apiKey: options.apiKey,
      model: options.model,
      // Batches are cut by embedDocuments below, one request per call of the client.
      maxRetries: 0,
      configuration: createClientConfiguration(options.baseUrl, resilience, options.fetchDependencies),
    });
    const where: ModelContext = { secret: options.apiKey, baseUrl: options.baseUrl, model: options.model, role: 'embedding' };
    const id = `openai:${options.model}`;
    const known = isOpenAIApi(options.baseUrl) ? OPENAI_EMBEDDING_DIMENSIONS[options.model] : undefined;
    const indexed = options.indexedIdentity;
    const fromIndex = known === undefined && indexed?.id === id && indexed.version === VERSION;
    let dimensions = known ?? (fromIndex ? indexed.dimensions : undefined);
    if (dimensions === undefined) {
      throwIfAborted(options.signal);
      let probe: number[];
      try {
        probe = await client.embedQuery(DIMENSION_PROBE_TEXT);
      } catch (error) {
        throw await explainProviderError(error, { ...where, signal: options.signal });
      }
      if (probe.length === 0) {
        throw new FootnoteError('PROVIDER_FAILED', {
          provider: 'openai',
          detail: `model ${options.model} returned an empty embedding`,
        });
      }
      dimensions = probe.length;
    }
    return new OpenAIEmbedder(client, { id, version: VERSION, dimensions }, options, where, fromIndex);
  }

  /**
   * LangChain's interface: one unit vector per text, in order, fetched in
   * batches. Once `signal` fires no further batch is sent, and the call
   * fails with ABORTED when the requests in flight end.
   */
  override async embedDocuments(texts: string[], options: { signal?: AbortSignal } = {}): Promise<number[][]> {
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
    const batches: string[][] = [];
    for (let start = 0; start < sentTexts.length; start += this.batchSize) {
      batches.push(sentTexts.slice(start, start + this.batchSize));
    }
    let received: number[][];
    try {
      const results = await mapWithConcurrency(batches, this.concurrency, (batch) => {
        throwIfAborted(options.signal);
        return this.client.embedDocuments(batch);
      });
      received = results.flat();
    } catch (error) {
      throw await explainProviderError(error, { ...this.errorContext, signal: options.signal });
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

  /**
   * Rejects a missing vector or one whose length differs from the index's. A
   * length taken on trust from the index is the index's embedder against the
   * server's, as a probe would have found it; a probed length that changes is
   * the server's model changed since (say, another model pulled under the same
   * name while a chat was open), which only a full rebuild mends.
   */
  private checkAndNormalize(vector: number[] | undefined): number[] {
    const { dimensions } = this.identity;
    if (vector !== undefined && vector.length > 0 && vector.length !== dimensions) {
      throw new FootnoteError('EMBEDDER_MISMATCH', {
        indexed: formatEmbedderIdentity(this.identity),
        current: formatEmbedderIdentity({ ...this.identity, dimensions: vector.length }),
      });
    }
    if (vector === undefined || vector.length !== dimensions) {
      throw new FootnoteError('PROVIDER_FAILED', {
        provider: 'openai',
        detail: `expected ${dimensions}-dimensional embeddings but got ${vector?.length ?? 'none'}`,
      });
    }
    return normalize(vector);
  }
}
