import { z } from 'zod';

/** Defaults that other modules and tests refer to by name. */
export const DEFAULT_K = 5;
export const DEFAULT_CHUNK_SIZE_CHARS = 1000;
export const DEFAULT_CHUNK_OVERLAP_CHARS = 150;
export const DEFAULT_OPENAI_EMBEDDING_MODEL = 'text-embedding-3-small';
export const DEFAULT_OPENAI_CHAT_MODEL = 'gpt-4o-mini';

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
    k: z.number().int().min(1).max(50).default(DEFAULT_K).describe('passages to retrieve per question'),
    chunkSize: z
      .number()
      .int()
      .min(200)
      .max(8000)
      .default(DEFAULT_CHUNK_SIZE_CHARS)
      .describe('target passage size in characters'),
    chunkOverlap: z
      .number()
      .int()
      .min(0)
      .max(2000)
      .default(DEFAULT_CHUNK_OVERLAP_CHARS)
      .describe('characters shared by neighbouring passages'),
    openaiApiKey: z.string().min(1).optional().describe('API key for the openai provider (OPENAI_API_KEY)'),
    openaiBaseUrl: z
      .string()
      .url()
      .optional()
      .describe('OpenAI-compatible server, e.g. http://localhost:11434/v1 (OPENAI_BASE_URL)'),
    embeddingModel: z
      .string()
      .min(1)
      .default(DEFAULT_OPENAI_EMBEDDING_MODEL)
      .describe('embedding model for the openai provider'),
    chatModel: z
      .string()
      .min(1)
      .default(DEFAULT_OPENAI_CHAT_MODEL)
      .describe('chat model for the openai provider'),
  })
  .strict()
  .refine((config) => config.chunkOverlap < config.chunkSize, {
    message: 'must be smaller than chunkSize',
    path: ['chunkOverlap'],
  });

/** Settings as written by the user, before defaults. */
export type ConfigInput = z.input<typeof configSchema>;

/** Validated settings with the provider resolved. */
export type Config = Omit<z.output<typeof configSchema>, 'provider'> & {
  provider: 'local' | 'openai';
};

/** The slice the chunker needs. */
export interface ChunkingOptions {
  chunkSize: number;
  chunkOverlap: number;
}

/** The slice the OpenAI provider needs. */
export interface OpenAIOptions {
  apiKey: string;
  baseUrl?: string;
  embeddingModel: string;
  chatModel: string;
}
