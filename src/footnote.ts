import fs from 'node:fs';
import path from 'node:path';
import type { ChunkingOptions, Config, OpenAIOptions } from './config/config-schema.js';
import { openaiOptions, withoutCredentials } from './config/openai-options.js';
import { createEmbedderSession } from './embed/embedder-session.js';
import { createIndexSession } from './index-session.js';
import { formatEmbedderIdentity, type Embedder } from './embed/embedder.js';
import { annotateAnswer } from './answer/annotate-answer.js';
import { answerExtractively } from './answer/extractive-answerer.js';
import { followUpCue, linksBothQuestions, rewriteFollowUp } from './answer/rewrite-follow-up.js';
import { weighQuestionTerms } from './retrieve/question-terms.js';
import { correctSpelling } from './retrieve/correct-spelling.js';
import { sliceLines } from './chunk/slice-lines.js';
import { findMovedPassage } from './chunk/find-moved-passage.js';
import type { AskOptions, Footnote, IndexStatus, IngestOptions } from './footnote-types.js';
import { createFolderSource, type DocumentSource } from './ingest/document-source.js';
import type { IngestEvent, IngestReport } from './ingest/ingest-report.js';
import { isOutdatedIndex } from './ingest/outdated-index.js';
import { planChanges } from './ingest/plan-changes.js';
import { asIndexedDocuments, readSkippedFiles } from './ingest/skipped-files.js';
import { isChunkedOtherwise, runIngest } from './ingest/run-ingest.js';
import {
  DEFAULT_RETRIEVAL,
  retrievePassages,
  type RetrievalSettings,
  type SearchableIndex,
} from './retrieve/retrieve-passages.js';
import { ChunkRepository } from './store/chunk-repository.js';
import { DATABASE_FILE_NAME, openDatabase } from './store/database.js';
import { tokenize } from './text/tokenize.js';
import { FootnoteError, throwIfAborted } from './shared/errors.js';
import { createNoticeHub } from './shared/notice-hub.js';
import { withNotices } from './shared/with-notices.js';
import type { Answer, AnswerEvent, ConversationTurn, Passage, ProviderRetry } from './shared/types.js';

export { openaiOptions } from './config/openai-options.js';

/** Lines shown around a passage by `readPassage` unless the caller says otherwise. */
const DEFAULT_CONTEXT_LINES = 3;

/** Replaceable parts, for tests and for `eval` (which indexes records, not a folder). */
export interface FootnoteDependencies {
  embedder?: Embedder;
  source?: DocumentSource;
  /** Caps the sentences of extractive answers. */
  maxSentences?: number;
  /** Overrides how passages are retrieved (eval compares variants with it). */
  retrieval?: RetrievalSettings;
  /** Overrides how large an index is searched without a graph (FLAT_MAX_NUMBERS; tests take the graph paths with 0). */
  flatMaxNumbers?: number;
  /** Overrides how large an index is searched by a scan file (SCAN_MAX_NUMBERS; tests take the graph paths with 0). */
  scanMaxNumbers?: number;
}

/** Retrieval while the embedding server is unreachable: BM25 alone, which needs no embedding. */
const KEYWORD_ONLY: RetrievalSettings = { ...DEFAULT_RETRIEVAL, mode: 'keyword' };

/** The question with the words no passage holds corrected, unless `settings` turn that off. */
function spellChecked(question: string, index: SearchableIndex, settings: RetrievalSettings): string {
  return settings.correctSpelling === false ? question : correctSpelling(question, index.statistics).question;
}

function chunkingOf(config: Config): ChunkingOptions {
  return { chunkSize: config.chunkSize, chunkOverlap: config.chunkOverlap };
}

/** The server could not be reached: the one failure an offline answer can stand in for. */
function isUnreachable(error: unknown): error is FootnoteError {
  return FootnoteError.isInstance(error) && error.code === 'PROVIDER_UNREACHABLE';
}

/**
 * The facade `cli/` and `ui/` hold. Opens the index lazily on the first
 * question and reopens it after every index run.
 */
export function createFootnote(config: Config, dependencies: FootnoteDependencies = {}): Footnote {
  const source = dependencies.source ?? createFolderSource(config.corpus, { indexDir: config.index });
  const openai = openaiOptions(config);
  // Every request to the server reports its waits to retry here; a run that
  // is listening passes them on as events, so a quiet wait explains itself.
  const retries = createNoticeHub<ProviderRetry>();
  const fetchDependencies = { onRetry: retries.emit };
  const embedders = createEmbedderSession(config, openai, dependencies.embedder, fetchDependencies);
  const indexes = createIndexSession(config.index, embedders, dependencies.flatMaxNumbers);
  /** A run with the server's waits to retry among its events; the offline provider sends no request to wait for. */
  function withRetries<E, R>(run: AsyncGenerator<E, R>): AsyncGenerator<E | { type: 'provider-retry'; retry: ProviderRetry }, R> {
    if (config.provider !== 'openai') return run;
    return withNotices(run, (push) => retries.listen((retry) => push({ type: 'provider-retry', retry })));
  }

  /** An index of no passages answers nothing: say why, instead of that no passage matches. */
  function assertHasPassages(index: SearchableIndex): void {
    if (index.statistics.passageCount === 0) throw new FootnoteError('INDEX_EMPTY', { corpus: config.corpus });
  }

  function forgetEmbedderOn(error: unknown): void {
    if (embedders.forgetOn(error)) indexes.close();
  }


  async function* ingest(options: IngestOptions): AsyncGenerator<IngestEvent, IngestReport> {
    const embedder = await embedders.forIndexing(options.full === true);
    indexes.close();
    try {
      return yield* runIngest(
        {
          indexDir: config.index,
          source,
          embedder,
          chunking: chunkingOf(config),
          flatMaxNumbers: dependencies.flatMaxNumbers,
          scanMaxNumbers: dependencies.scanMaxNumbers,
        },
        options,
      );
    } catch (error) {
      forgetEmbedderOn(error);
      throw error;
    }
  }

  /** An answer from the server, or offline when there is none (or it cannot be reached and fallback is on). */
  async function* ask(question: string, options: AskOptions): AsyncGenerator<AnswerEvent, Answer> {
    const history = options.history ?? [];
    // A question without words ("?!") has nothing to embed or to ask a model:
    // the offline answerer says so without a request.
    const wordless = tokenize(question).length === 0;
    if (config.provider !== 'openai' || !openai || wordless) return yield* askExtractively(question, history, options);
    const run = askGeneratively(question, history, options, openai);
    let streamed = false;
    try {
      for (;;) {
        const step = await run.next();
        if (step.done) return step.value;
        if (step.value.type === 'text-delta') streamed = true;
        yield step.value;
      }
    } catch (error) {
      forgetEmbedderOn(error);
      // Once words are out, a failure is the answer's, not a reason to start another.
      if (streamed || config.fallback === false || !isUnreachable(error)) throw error;
      return yield* askExtractively(question, history, options, error);
    } finally {
      // A consumer that stops early (`return()`) closes the generated answer's stream too.
      await run.return(undefined as never);
    }
  }


  /**
   * Offline answer: a follow-up gets the previous question's key terms for
   * retrieval; `keywordOnlyBecause` (the unreachable server's error) switches
   * to BM25 alone and labels the answer as a fallback.
   */
  async function* askExtractively(
    question: string,
    history: readonly ConversationTurn[],
    options: AskOptions,
    keywordOnlyBecause?: FootnoteError,
  ): AsyncGenerator<AnswerEvent, Answer> {
    const index = keywordOnlyBecause ? indexes.forKeywordsOnly(keywordOnlyBecause) : await indexes.forSearch();
    if (!options.passages) assertHasPassages(index);
    const settings = keywordOnlyBecause ? KEYWORD_ONLY : (dependencies.retrieval ?? DEFAULT_RETRIEVAL);
    const spelled = options.passages ? question : spellChecked(question, index, settings);
    const rewritten = options.passages ? spelled : rewriteFollowUp(spelled, history);
    const retrieve = async (retrievalQuestion: string): Promise<Passage[]> =>
      options.passages ??
      // Without words there is nothing to search (nor to embed, with a server).
      (tokenize(retrievalQuestion).length === 0 ? [] : await retrievePassages(index, retrievalQuestion, {
        k: options.k ?? config.k,
        settings,
        signal: options.signal,
      }));
    let retrievalQuestion = rewritten;
    let passages = await retrieve(rewritten);
    // A question that is only short ("What are walrus tusks made of?") keeps
    // the previous question's words only where the corpus links the two: a top
    // passage holds words of both. Otherwise they would only pull in passages
    // about the last topic.
    if (rewritten !== spelled && followUpCue(spelled) === 'short' && !linksBothQuestions(passages, spelled, rewritten)) {
      retrievalQuestion = spelled;
      passages = await retrieve(spelled);
    }
    throwIfAborted(options.signal);
    const weights = weighQuestionTerms(retrievalQuestion, index.statistics);
    // A rewritten follow-up was scored with the previous question's terms, which
    // lift the score whether or not the new question is answered: coverage decides.
    const reranked = settings.mode === 'rerank' && retrievalQuestion === spelled;
    const run = answerExtractively(question, passages, weights, {
      maxSentences: dependencies.maxSentences,
      passageScores: reranked ? 'reranked' : 'other',
    });
    return yield* annotateAnswer(run, {
      retrievalQuestion: retrievalQuestion === question ? undefined : retrievalQuestion,
      fallback: keywordOnlyBecause && { reason: 'provider-unreachable', detail: keywordOnlyBecause.message },
    });
  }

  /** Generated answer: a follow-up is rewritten by the model into a standalone question for retrieval. */
  async function* askGeneratively(
    question: string,
    history: readonly ConversationTurn[],
    options: AskOptions,
    settings: OpenAIOptions,
  ): AsyncGenerator<AnswerEvent, Answer> {
    // Loaded on demand, like the OpenAI embedder: offline runs skip LangChain's chat stack.
    const [{ answerGeneratively }, { rewriteFollowUpWithModel }] = await Promise.all([
      import('./answer/generative-answerer.js'),
      import('./answer/rewrite-follow-up-with-model.js'),
    ]);
    const retrievalQuestion =
      options.passages || history.length === 0
        ? question
        : await rewriteFollowUpWithModel(question, history, { openai: settings, signal: options.signal, fetchDependencies });
    const { searched, passages } = options.passages
      ? { searched: retrievalQuestion, passages: options.passages }
      : await search(retrievalQuestion, options);
    throwIfAborted(options.signal);
    // The model reads the question as asked; only retrieval needs the spelling fixed.
    const run = answerGeneratively(question, passages, { openai: settings, history, signal: options.signal, fetchDependencies });
    return yield* annotateAnswer(run, {
      retrievalQuestion: searched === question ? undefined : searched,
    });
  }

  /** The passages for `question`, and the question as searched: words no passage holds corrected. */
  async function search(
    question: string,
    options: { k?: number; signal?: AbortSignal },
  ): Promise<{ searched: string; passages: Passage[] }> {
    const index = await indexes.forSearch();
    assertHasPassages(index);
    const settings = dependencies.retrieval ?? DEFAULT_RETRIEVAL;
    const searched = spellChecked(question, index, settings);
    const passages = await retrievePassages(index, searched, {
      k: options.k ?? config.k,
      settings,
      signal: options.signal,
    });
    return { searched, passages };
  }

  async function retrieve(
    question: string,
    options: { k?: number; signal?: AbortSignal } = {},
  ): Promise<Passage[]> {
    return (await search(question, options)).passages;
  }

  return {
    provider: config.provider,
    corpusDir: path.resolve(config.corpus),
    defaultK: config.k,
    modeLabel:
      config.provider === 'openai'
        ? `${config.chatModel} · generated answers${config.openaiBaseUrl ? ` via ${withoutCredentials(config.openaiBaseUrl)}` : ''}`
        : config.openaiApiKey === undefined
          ? 'offline · extractive answers (quotes; set OPENAI_API_KEY for generated answers)'
          : 'offline · extractive answers (quotes; --provider openai for generated answers)',

    ingest(options: IngestOptions = {}): AsyncGenerator<IngestEvent, IngestReport> {
      return withRetries(ingest(options));
    },

    ask(question: string, options: AskOptions = {}): AsyncGenerator<AnswerEvent, Answer> {
      return withRetries(ask(question, options));
    },

    retrieve,

    warmUp(options: { signal?: AbortSignal } = {}): Promise<boolean> {
      return indexes.prewarm(() => options.signal?.aborted === true);
    },

    async status(): Promise<IndexStatus> {
      const exists = fs.existsSync(path.join(config.index, DATABASE_FILE_NAME));
      if (!exists) {
        await source.list(); // a missing corpus is the error to report, before any indexing
        return { exists, stale: true, outdated: false, files: 0, chunks: 0, embedder: null, embedderMismatch: false };
      }
      const db = openDatabase(config.index, { readonly: true });
      try {
        const repo = new ChunkRepository(db);
        const indexedEmbedder = repo.getMeta('embedder');
        // An unreachable server still lets `ask` fall back to keyword search of this index.
        const embedder = await embedders.forSearch(indexedEmbedder).catch((error: unknown) => {
          if (isUnreachable(error) && config.fallback !== false) return null;
          throw error;
        });
        const listed = await source.list();
        const plan = planChanges(listed, [...repo.listFiles(), ...asIndexedDocuments(readSkippedFiles(repo))]);
        const counts = repo.counts();
        const outdated = isOutdatedIndex(repo, embedder?.identity ?? null);
        // An outdated index is rebuilt in full anyway: re-chunking is not the news.
        const rechunk = !outdated && isChunkedOtherwise(repo, chunkingOf(config));
        return {
          exists,
          stale: outdated || rechunk || plan.added.length + plan.suspect.length + plan.removed.length > 0,
          outdated,
          rechunk,
          files: counts.files,
          chunks: counts.chunks,
          embedder: indexedEmbedder,
          corpusEmpty: listed.length === 0 && counts.files > 0,
          embedderMismatch:
            !outdated &&
            embedder !== null &&
            indexedEmbedder !== null &&
            indexedEmbedder !== formatEmbedderIdentity(embedder.identity),
        };
      } finally {
        db.close();
      }
    },

    async readPassage(location, options = {}) {
      const listed = await source.find(location.source);
      if (listed === null) return null;
      const read = await source.read(listed, options.signal);
      if (read.outcome.kind !== 'document') return null;
      const { text } = read.outcome.document;
      return sliceLines(text, {
        ...findMovedPassage(text, location),
        contextLines: options.contextLines ?? DEFAULT_CONTEXT_LINES,
      });
    },

    close: indexes.close,
  };
}
