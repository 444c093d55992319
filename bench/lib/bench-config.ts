import {
  DEFAULT_CHUNK_OVERLAP_CHARS,
  DEFAULT_CHUNK_SIZE_CHARS,
  DEFAULT_K,
  DEFAULT_OPENAI_CHAT_MODEL,
  DEFAULT_OPENAI_EMBEDDING_MODEL,
  type Config,
} from '../../src/config/config-schema.js';

/** The offline default settings on a given corpus and index folder: what `footnote` uses without flags. */
export function makeBenchConfig(corpus: string, index: string): Config {
  return {
    corpus,
    index,
    provider: 'local',
    k: DEFAULT_K,
    chunkSize: DEFAULT_CHUNK_SIZE_CHARS,
    chunkOverlap: DEFAULT_CHUNK_OVERLAP_CHARS,
    embeddingModel: DEFAULT_OPENAI_EMBEDDING_MODEL,
    chatModel: DEFAULT_OPENAI_CHAT_MODEL,
  };
}
