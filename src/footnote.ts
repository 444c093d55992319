import fs from 'node:fs';
import path from 'node:path';
import type { Config, OpenAIOptions } from './config/config-schema.js';
import { createEmbedder } from './embed/create-embedder.js';
import { formatEmbedderIdentity, type Embedder } from './embed/embedder.js';
import { answerExtractively } from './answer/extractive-answerer.js';
import { weighQuestionTerms } from './retrieve/question-terms.js';
import type { AskOptions, Footnote, IndexStatus, IngestOptions } from './footnote-types.js';
import { createFolderSource, type DocumentSource } from './ingest/document-source.js';
import type { IngestEvent, IngestReport } from './ingest/ingest-report.js';
import { planChanges } from './ingest/plan-changes.js';
import { asIndexedDocuments, readSkippedFiles } from './ingest/skipped-files.js';
import { runIngest } from './ingest/run-ingest.js';
import {
  retrievePassages,
  type RetrievalSettings,
  type SearchableIndex,
} from './retrieve/retrieve-passages.js';
import { ChunkRepository } from './store/chunk-repository.js';
import { DATABASE_FILE_NAME, openDatabase } from './store/database.js';
import { openVectorIndex } from './store/index-state.js';
import { createTermStatistics } from './store/term-statistics.js';
import { assertTokenizerVersion } from './store/tokenizer-version.js';
import { FootnoteError, throwIfAborted } from './shared/errors.js';
import type { Answer, AnswerEvent, Passage, TermStatistics } from './shared/types.js';

/** Replaceable parts, for tests and for `eval` (which indexes records, not a folder). */
export interface FootnoteDependencies {
  embedder?: Embedder;
  source?: DocumentSource;
  /** Caps the sentences of extractive answers. */
  maxSentences?: number;
  /** Overrides how passages are retrieved (eval compares variants with it). */
  retrieval?: RetrievalSettings;
}

interface OpenIndex extends SearchableIndex {
  statistics: TermStatistics;
  close(): void;
}

/**
 * The facade `cli/` and `ui/` hold. Opens the index lazily on the first
 * question and reopens it after every index run.
 */
export function createFootnote(config: Config, dependencies: FootnoteDependencies = {}): Footnote {
  let embedderPromise: Promise<Embedder> | null = dependencies.embedder
    ? Promise.resolve(dependencies.embedder)
    : null;
  let openIndex: OpenIndex | null = null;
  const source = dependencies.source ?? createFolderSource(config.corpus);
  const openai = openaiOptions(config);

  function getEmbedder(): Promise<Embedder> {
    if (embedderPromise) return embedderPromise;
    const created = createEmbedder(config.provider, { openai });
    // A failed creation (say, a server that is down) must not stick for the session.
    created.catch(() => {
      embedderPromise = null;
    });
    embedderPromise = created;
    return created;
  }

  async function getIndex(): Promise<OpenIndex> {
    if (openIndex) return openIndex;
    const embedder = await getEmbedder();
    const db = openDatabase(config.index, { readonly: true });
    try {
      const repo = new ChunkRepository(db);
      const indexed = repo.getMeta('embedder');
      const current = formatEmbedderIdentity(embedder.identity);
      if (indexed !== null && indexed !== current) {
        throw new FootnoteError('EMBEDDER_MISMATCH', { indexed, current });
      }
      assertTokenizerVersion(repo);
      const { index: vectors } = openVectorIndex(config.index, repo, embedder.identity.dimensions);
      openIndex = {
        repo,
        vectors,
        embedder,
        statistics: createTermStatistics(db),
        sentenceCache: new Map(),
        close: () => db.close(),
      };
      return openIndex;
    } catch (error) {
      db.close();
      throw error;
    }
  }

  function closeIndex(): void {
    openIndex?.close();
    openIndex = null;
  }

  async function retrieve(
    question: string,
    options: { k?: number; signal?: AbortSignal } = {},
  ): Promise<Passage[]> {
    const index = await getIndex();
    return retrievePassages(index, question, {
      k: options.k ?? config.k,
      settings: dependencies.retrieval,
      signal: options.signal,
    });
  }

  return {
    provider: config.provider,
    modeLabel:
      config.provider === 'openai'
        ? `${config.chatModel} · generated answers${config.openaiBaseUrl ? ` via ${config.openaiBaseUrl}` : ''}`
        : 'offline · extractive answers (quotes; set OPENAI_API_KEY for generated answers)',

    async *ingest(options: IngestOptions = {}): AsyncGenerator<IngestEvent, IngestReport> {
      const embedder = await getEmbedder();
      closeIndex();
      return yield* runIngest(
        {
          indexDir: config.index,
          source,
          embedder,
          chunking: { chunkSize: config.chunkSize, chunkOverlap: config.chunkOverlap },
        },
        options,
      );
    },

    async *ask(question: string, options: AskOptions = {}): AsyncGenerator<AnswerEvent, Answer> {
      const passages = options.passages ?? (await retrieve(question, options));
      throwIfAborted(options.signal);
      if (config.provider === 'openai' && openai) {
        // Loaded on demand, like the OpenAI embedder: offline runs skip LangChain's chat stack.
        const { answerGeneratively } = await import('./answer/generative-answerer.js');
        return yield* answerGeneratively(question, passages, {
          openai,
          history: options.history,
          signal: options.signal,
        });
      }
      const index = await getIndex();
      const weights = weighQuestionTerms(question, index.statistics);
      return yield* answerExtractively(question, passages, weights, {
        maxSentences: dependencies.maxSentences,
      });
    },

    retrieve,

    async status(): Promise<IndexStatus> {
      const exists = fs.existsSync(path.join(config.index, DATABASE_FILE_NAME));
      if (!exists) {
        await source.list(); // a missing corpus is the error to report, before any indexing
        return { exists, stale: true, files: 0, chunks: 0, embedder: null, embedderMismatch: false };
      }
      const db = openDatabase(config.index, { readonly: true });
      try {
        const repo = new ChunkRepository(db);
        const indexedEmbedder = repo.getMeta('embedder');
        const embedder = await getEmbedder();
        const listed = await source.list();
        const plan = planChanges(listed, [...repo.listFiles(), ...asIndexedDocuments(readSkippedFiles(repo))]);
        const counts = repo.counts();
        return {
          exists,
          stale: plan.added.length + plan.suspect.length + plan.removed.length > 0,
          files: counts.files,
          chunks: counts.chunks,
          embedder: indexedEmbedder,
          embedderMismatch:
            indexedEmbedder !== null && indexedEmbedder !== formatEmbedderIdentity(embedder.identity),
        };
      } finally {
        db.close();
      }
    },

    close: closeIndex,
  };
}

/** The OpenAI slice of the config, or undefined without an API key (eval builds its embedder with it). */
export function openaiOptions(config: Config): OpenAIOptions | undefined {
  if (!config.openaiApiKey) return undefined;
  return {
    apiKey: config.openaiApiKey,
    baseUrl: config.openaiBaseUrl,
    embeddingModel: config.embeddingModel,
    chatModel: config.chatModel,
  };
}
