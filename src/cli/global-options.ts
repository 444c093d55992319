import type { Argv } from 'yargs';
import {
  CHUNK_SIZE_RANGE,
  DEFAULT_CHUNK_OVERLAP_CHARS,
  DEFAULT_CHUNK_SIZE_CHARS,
  DEFAULT_K,
  DEFAULT_OPENAI_CHAT_MODEL,
  DEFAULT_OPENAI_EMBEDDING_MODEL,
  K_RANGE,
  type Config,
} from '../config/config-schema.js';
import { loadConfig } from '../config/load-config.js';

/** Options every command takes. */
export interface GlobalArgs {
  corpus?: string;
  index?: string;
  provider?: string;
  k?: string;
  'chunk-size'?: string;
  'chunk-overlap'?: string;
  'embedding-model'?: string;
  model?: string;
  fallback?: boolean;
}

export function withGlobalOptions<T>(argv: Argv<T>): Argv<T & GlobalArgs> {
  return argv
    .option('corpus', { type: 'string', describe: 'folder of documents to index [default: ./corpus]' })
    .option('index', { type: 'string', describe: 'folder that holds the index [default: ./embeddings]' })
    .option('provider', {
      type: 'string',
      describe: 'local (offline) or openai [default: openai when OPENAI_API_KEY is set, else local]',
    })
    // Numbers are read as strings so that a bad value reaches the config check
    // as typed ("ten"), not as the NaN yargs would make of it.
    .option('k', { type: 'string', describe: `passages to retrieve per question, ${K_RANGE.min}-${K_RANGE.max} [default: ${DEFAULT_K}]` })
    .option('chunk-size', {
      type: 'string',
      describe: `passage size in characters, ${CHUNK_SIZE_RANGE.min}-${CHUNK_SIZE_RANGE.max} [default: ${DEFAULT_CHUNK_SIZE_CHARS}]`,
    })
    .option('chunk-overlap', {
      type: 'string',
      describe: `characters neighbouring passages share, at most half of --chunk-size [default: ${DEFAULT_CHUNK_OVERLAP_CHARS}]`,
    })
    .option('model', {
      type: 'string',
      alias: 'chat-model',
      describe: `chat model of the OpenAI-compatible server [default: ${DEFAULT_OPENAI_CHAT_MODEL}]`,
    })
    .option('embedding-model', {
      type: 'string',
      describe: `embedding model of the OpenAI-compatible server [default: ${DEFAULT_OPENAI_EMBEDDING_MODEL}]`,
    })
    .option('fallback', {
      type: 'boolean',
      describe: 'answer with quotes when the server cannot be reached; --no-fallback fails instead [default: true]',
    }) as Argv<T & GlobalArgs>;
}

/** Settings for this run: flags over environment over footnote.config.json. */
export function resolveConfig(args: GlobalArgs): Config {
  return loadConfig({
    flags: {
      corpus: args.corpus,
      index: args.index,
      provider: args.provider,
      k: args.k,
      chunkSize: args['chunk-size'],
      chunkOverlap: args['chunk-overlap'],
      embeddingModel: args['embedding-model'],
      chatModel: args.model,
      fallback: args.fallback,
    },
    env: process.env,
    cwd: process.cwd(),
  });
}
