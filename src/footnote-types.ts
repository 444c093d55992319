import type { NumberedLine } from './chunk/slice-lines.js';
import type { IngestEvent, IngestReport } from './ingest/ingest-report.js';
import type {
  Answer,
  AnswerEvent,
  ConversationTurn,
  Passage,
  ProviderName,
} from './shared/types.js';

/** Whether the index on disk can answer, and whether it lags the corpus. */
export interface IndexStatus {
  /** An index exists in the index folder. */
  exists: boolean;
  /** The corpus has files added, changed or removed since the last run (or no index exists, or it is {@link outdated}). */
  stale: boolean;
  /**
   * The index was written by another version of footnote (tokenizer, or the
   * offline embedder's version or size): the next index run rebuilds it in
   * full, without being asked, and it cannot answer until then.
   */
  outdated: boolean;
  /**
   * Passages must be cut anew: the chunk size or overlap asked for differs
   * from the index's, or a newer footnote cuts them differently (Markdown
   * sections). The next index run re-chunks every file, reusing embeddings.
   * False for an {@link outdated} index, which is rebuilt in full anyway.
   */
  rechunk?: boolean;
  files: number;
  chunks: number;
  /** `id@version` of the embedder the index was built with, or null without an index. */
  embedder: string | null;
  /** Set when the index was built with a different embedder than the current one. */
  embedderMismatch: boolean;
  /**
   * The corpus folder holds no file while the index holds some: a drive not
   * mounted, say. Updating would empty the index, so nothing does unasked.
   */
  corpusEmpty?: boolean;
}

/** Options for one question. */
export interface AskOptions {
  /** Passages to retrieve; defaults to the configured k. */
  k?: number;
  /**
   * Earlier turns of the conversation, oldest first. A follow-up is rewritten
   * into a standalone question for retrieval (by the model when generating,
   * else by carrying over the previous question's key terms); the answer's
   * `retrievalQuestion` says what was searched for.
   */
  history?: ConversationTurn[];
  /**
   * Answer from these passages instead of retrieving (`k` is then unused):
   * eval retrieves once per question and answers with several settings.
   */
  passages?: Passage[];
  signal?: AbortSignal;
}

/** Options for one index run. */
export interface IngestOptions {
  /** Rebuild from scratch instead of updating what changed. */
  full?: boolean;
  signal?: AbortSignal;
}

/** Where a passage lies in a corpus file: 1-based, inclusive lines. */
export interface PassageLocation {
  source: string;
  startLine: number;
  endLine: number;
  /** The passage as indexed: when the file changed, it is looked for where it moved to. */
  text?: string;
}

/** Options for {@link Footnote.readPassage}. */
export interface ReadPassageOptions {
  /** Lines shown before and after the passage. */
  contextLines?: number;
  signal?: AbortSignal;
}

/**
 * The facade the CLI and the UI hold: everything footnote does, with no terminal
 * in sight. Long work is an async generator of events plus a final value.
 */
export interface Footnote {
  readonly provider: ProviderName;
  /** Human-readable description of the answerer, e.g. "offline · extractive answers". */
  readonly modeLabel: string;
  /** Passages a question retrieves unless it asks for another number (the configured k). */
  readonly defaultK: number;
  /** Absolute path of the corpus folder, for the status line and file links. */
  readonly corpusDir: string;
  ingest(options?: IngestOptions): AsyncGenerator<IngestEvent, IngestReport>;
  ask(question: string, options?: AskOptions): AsyncGenerator<AnswerEvent, Answer>;
  retrieve(question: string, options?: { k?: number; signal?: AbortSignal }): Promise<Passage[]>;
  /**
   * Opens the index ahead of the first question and reads through the pages
   * questions read, in short slices, so that the first questions are as fast
   * as later ones (the chat calls it while the user types). Resolves to false
   * when the index was closed (an index run) or `signal` aborted first;
   * rejects as a question would (no index, another embedder).
   */
  warmUp(options?: { signal?: AbortSignal }): Promise<boolean>;
  status(): Promise<IndexStatus>;
  /**
   * A passage's lines with the lines around it, read from the corpus as it is
   * now (for `/open n`); `null` when the file is gone or no longer loads.
   */
  readPassage(location: PassageLocation, options?: ReadPassageOptions): Promise<NumberedLine[] | null>;
  close(): void;
}
