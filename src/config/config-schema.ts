import { z } from 'zod';

/** Defaults that other modules and tests refer to by name. */
export const DEFAULT_K = 5;
export const DEFAULT_CHUNK_SIZE_CHARS = 1000;
/** The passage sizes allowed, in characters. */
export const CHUNK_SIZE_RANGE = { min: 200, max: 8000 } as const;
/** The passages a question may retrieve. */
export const K_RANGE = { min: 1, max: 50 } as const;
export const DEFAULT_CHUNK_OVERLAP_CHARS = 150;
export const DEFAULT_OPENAI_EMBEDDING_MODEL = 'text-embedding-3-small';
export const DEFAULT_OPENAI_CHAT_MODEL = 'gpt-4.1-mini';
export const DEFAULT_MAX_RETRIES = 3;
export const DEFAULT_RETRY_BASE_DELAY_MS = 500;
export const DEFAULT_RETRY_MAX_DELAY_MS = 20_000;
export const DEFAULT_CONNECT_TIMEOUT_MS = 60_000;
export const DEFAULT_STREAM_TIMEOUT_MS = 60_000;
/** Texts per `/embeddings` request: large enough to amortise a request, small enough for local servers. */
export const DEFAULT_EMBEDDING_BATCH_SIZE = 64;
export const DEFAULT_EMBEDDING_CONCURRENCY = 2;
/**
 * The prompt (passages, conversation and question) is kept this many tokens
 * below the model's window: room for the answer.
 */
export const DEFAULT_CONTEXT_TOKENS = 8192;

/**
 * The one source of truth for footnote's settings: keys, defaults and the texts
 * that `--help` and the README show. Flags override the environment, which
 * overrides `footnote.config.json`.
 */
export const configSchema = z
  .object({
    corpus: z.string().min(1).default('./corpus').describe('folder of documents to index'),
    index: z
      .string()
      .min(1)
      .default('./embeddings')
      .describe('folder that holds the index (SQLite database and vector file)'),
    provider: z
      .enum(['local', 'openai'])
      .optional()
      .describe('local (offline) or openai; default: openai when OPENAI_API_KEY is set, else local'),
    k: z.number().int().min(K_RANGE.min).max(K_RANGE.max).default(DEFAULT_K).describe('passages to retrieve per question'),
    chunkSize: z
      .number()
      .int()
      .min(CHUNK_SIZE_RANGE.min)
      .max(CHUNK_SIZE_RANGE.max)
      .default(DEFAULT_CHUNK_SIZE_CHARS)
      .describe('target passage size in characters'),
    // No zod default: unset, it is DEFAULT_CHUNK_OVERLAP_CHARS capped at half of
    // chunkSize (`resolveChunkOverlap`), so that a small --chunk-size alone is valid.
    chunkOverlap: z
      .number()
      .int()
      .min(0)
      .max(2000)
      .optional()
      .describe(`characters shared by neighbouring passages, at most half of chunkSize [default: ${DEFAULT_CHUNK_OVERLAP_CHARS}]`),
    openaiApiKey: z.string().min(1).optional().describe('API key for the openai provider (OPENAI_API_KEY)'),
    // Only http(s): the client would take ftp:// or file:// and fail at the first request.
    openaiBaseUrl: z
      .url({ protocol: /^https?$/ })
      .optional()
      .describe('OpenAI-compatible server, e.g. http://localhost:11434/v1 (OPENAI_BASE_URL)'),
    embeddingBaseUrl: z
      .url({ protocol: /^https?$/ })
      .optional()
      .describe('a separate OpenAI-compatible server for embeddings, e.g. a second llama.cpp server [default: openaiBaseUrl]'),
    embeddingModel: z
      .string()
      .min(1)
      .default(DEFAULT_OPENAI_EMBEDDING_MODEL)
      .describe('embedding model for the openai provider'),
    chatModel: z
      .string()
      .min(1)
      .default(DEFAULT_OPENAI_CHAT_MODEL)
      .describe('chat model for the openai provider (--model, FOOTNOTE_MODEL; "model" in the config file)'),
    // The keys below are optional in `Config` (defaults applied by `openaiOptions`),
    // so code that builds a Config by hand keeps compiling as keys are added.
    maxRetries: z
      .number()
      .int()
      .min(0)
      .max(10)
      .optional()
      .describe(`retries of a request that got 429 or 5xx [default: ${DEFAULT_MAX_RETRIES}]`),
    retryBaseDelayMs: z
      .number()
      .int()
      .min(0)
      .max(60_000)
      .optional()
      .describe(`first retry delay in ms, doubled each retry, with jitter [default: ${DEFAULT_RETRY_BASE_DELAY_MS}]`),
    retryMaxDelayMs: z
      .number()
      .int()
      .min(0)
      .max(600_000)
      .optional()
      .describe(`longest retry delay in ms, and the longest Retry-After honoured [default: ${DEFAULT_RETRY_MAX_DELAY_MS}]`),
    connectTimeoutMs: z
      .number()
      .int()
      .min(1)
      .max(600_000)
      .optional()
      .describe(`ms to connect and get the response headers [default: ${DEFAULT_CONNECT_TIMEOUT_MS}]`),
    streamTimeoutMs: z
      .number()
      .int()
      .min(1)
      .max(600_000)
      .optional()
      .describe(`longest silence in ms between two chunks of a response [default: ${DEFAULT_STREAM_TIMEOUT_MS}]`),
    embeddingBatchSize: z
      .number()
      .int()
      .min(1)
      .max(2048)
      .optional()
      .describe(`texts per embeddings request [default: ${DEFAULT_EMBEDDING_BATCH_SIZE}]`),
    embeddingConcurrency: z
      .number()
      .int()
      .min(1)
      .max(16)
      .optional()
      .describe(`embeddings requests in flight at once [default: ${DEFAULT_EMBEDDING_CONCURRENCY}]`),
    contextTokens: z
      .number()
      .int()
      .min(1024)
      .max(2_000_000)
      .optional()
      .describe(`tokens the prompt may use; passages that do not fit are left out [default: ${DEFAULT_CONTEXT_TOKENS}]`),
    fallback: z
      .boolean()
      .optional()
      .describe('answer extractively when the server cannot be reached (--no-fallback to fail instead) [default: true]'),
  })
  .strict()
  .superRefine((config, context) => {
    // At half the size every character is in about two passages already; past
    // that the window barely moves (199 of 200 made 21 times as many passages).
    const most = maxChunkOverlap(config.chunkSize);
    if (config.chunkOverlap !== undefined && config.chunkOverlap > most) {
      context.addIssue({
        code: 'custom',
        path: ['chunkOverlap'],
        message: `must be at most half of "chunkSize": ${most} for ${config.chunkSize}`,
      });
    }
  });

/** The largest overlap allowed for passages of `chunkSize` characters. */
function maxChunkOverlap(chunkSize: number): number {
  return Math.floor(chunkSize / 2);
}

/** The overlap to use: the one set, else the default, capped for small passages. */
export function resolveChunkOverlap(chunkOverlap: number | undefined, chunkSize: number): number {
  return chunkOverlap ?? Math.min(DEFAULT_CHUNK_OVERLAP_CHARS, maxChunkOverlap(chunkSize));
}

/** Settings as written by the user, before defaults. */
export type ConfigInput = z.input<typeof configSchema>;

/** Validated settings with the provider resolved. */
export type Config = Omit<z.output<typeof configSchema>, 'provider' | 'chunkOverlap'> & {
  provider: 'local' | 'openai';
  chunkOverlap: number;
};

/** The slice the chunker needs. */
export interface ChunkingOptions {
  chunkSize: number;
  chunkOverlap: number;
}

/** How requests to the server are retried and timed out (see `createProviderFetch`). */
export interface ProviderResilience {
  maxRetries: number;
  retryBaseDelayMs: number;
  retryMaxDelayMs: number;
  connectTimeoutMs: number;
  streamTimeoutMs: number;
}

/** The slice the OpenAI provider needs. */
export interface OpenAIOptions {
  apiKey: string;
  baseUrl?: string;
  /** The server for embeddings when it is not `baseUrl`'s. */
  embeddingBaseUrl?: string;
  embeddingModel: string;
  chatModel: string;
  /** Default: the `DEFAULT_…` constants above. */
  resilience?: ProviderResilience;
  /** Texts per embeddings request; default `DEFAULT_EMBEDDING_BATCH_SIZE`. */
  embeddingBatchSize?: number;
  /** Embeddings requests in flight at once; default `DEFAULT_EMBEDDING_CONCURRENCY`. */
  embeddingConcurrency?: number;
  /** Tokens the prompt may use; default `DEFAULT_CONTEXT_TOKENS`. */
  contextTokens?: number;
}

/** The resilience settings of a config, defaults filled in. */
export function resolveResilience(config: Partial<ProviderResilience>): ProviderResilience {
  return {
    maxRetries: config.maxRetries ?? DEFAULT_MAX_RETRIES,
    retryBaseDelayMs: config.retryBaseDelayMs ?? DEFAULT_RETRY_BASE_DELAY_MS,
    retryMaxDelayMs: config.retryMaxDelayMs ?? DEFAULT_RETRY_MAX_DELAY_MS,
    connectTimeoutMs: config.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
    streamTimeoutMs: config.streamTimeoutMs ?? DEFAULT_STREAM_TIMEOUT_MS,
  };
}
