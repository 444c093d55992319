/**
 * The domain nouns every stage shares. Positions use one convention throughout:
 * `startLine`/`endLine` are 1-based and inclusive; `startOffset`/`endOffset` are
 * UTF-16 code-unit offsets into the document's loaded text, end exclusive.
 */

/** Which model family embeds and answers. */
export type ProviderName = 'local' | 'openai';

/** The loader that produced a document. */
export type DocumentFormat = 'text' | 'markdown' | 'html' | 'pdf' | 'docx';

/** A document as loaded: the text that every position and citation refers to. */
export interface LoadedDocument {
  /** Path relative to the corpus root, with `/` separators (`notes/a.md`). */
  source: string;
  format: DocumentFormat;
  /** The loaded text: plain text after decoding, or the visible text of HTML, PDF and DOCX. */
  text: string;
  /**
   * For paged formats (PDF): the offset in `text` where each page starts, so page
   * `i` (1-based) spans `pageOffsets[i-1]` up to the next page's start. `null` otherwise.
   */
  pageOffsets: number[] | null;
  /**
   * A title that belongs to the document as a whole: an HTML `<title>`, a
   * Markdown front matter `title:`, an evaluation record's, or, for a file
   * without one, one made from its name (see `withFileTitle`). Searched and
   * embedded with every passage, never cited.
   */
  title?: string;
  /**
   * The headings of an HTML page (`<h1>`–`<h6>`) or a Word document (Heading
   * 1–6 styles), in order, where the loader put their lines in `text`. Absent
   * for formats whose headings are read from the text itself (Markdown) or
   * that have none to tell apart (plain text, PDF).
   */
  headings?: readonly DocumentHeading[];
}

/**
 * A heading line a loader wrote into a document's text: `start` and `end` are
 * UTF-16 offsets (`text.slice(start, end)` is the heading as shown), `level`
 * is 1–6 and `title` its text on one line.
 */
export interface DocumentHeading {
  start: number;
  end: number;
  level: number;
  title: string;
}

/** Why a file was left out of the index. */
export type SkipReason =
  | 'unsupported'
  | 'binary'
  | 'too-large'
  | 'unreadable'
  | 'invalid-utf8'
  | 'loader-error'
  | 'empty';

/** A file that could not be indexed: a report row, never an exception. */
export interface SkippedFile {
  source: string;
  reason: SkipReason;
  /** One line for the user: what was wrong and, where useful, what to do. */
  detail: string;
}

/** A passage of a document, the unit that is embedded, searched and cited. */
export interface Chunk {
  source: string;
  /** Position of the chunk within its document, from 0. */
  ordinal: number;
  /** Exactly `document.text.slice(startOffset, endOffset)`. */
  text: string;
  startOffset: number;
  endOffset: number;
  startLine: number;
  endLine: number;
  /** 1-based PDF page the chunk lies on; `null` for unpaged formats. */
  page: number | null;
  /**
   * For Markdown, HTML and DOCX, the headings in effect where the chunk
   * starts, outermost first and joined by ` › ` (`Install › Windows`); `null`
   * before the first heading, for other formats, and in indexes made before
   * sections existed.
   */
  section: string | null;
  /**
   * The heading lines of a Markdown, HTML or DOCX document that lie in this
   * chunk (for Markdown, a heading's first line): the answerer reads them to
   * never quote a heading and to put the sentences below one in its section.
   * Absent for other formats and in indexes made before chunker version 8.
   */
  headings?: readonly ChunkHeading[];
}

/** A heading line inside a chunk, and the section it opens. */
export interface ChunkHeading {
  /** UTF-16 offsets relative to the chunk's `text`. */
  start: number;
  end: number;
  /** The section from the heading on, as `Chunk.section` would be for a chunk starting there. */
  section: string | null;
}

/** A chunk as stored in the index. */
export interface StoredChunk extends Chunk {
  /** Row id in SQLite; also the label of its vector in the hnswlib index. */
  id: number;
  /** The document's title, when it has one. */
  title: string | null;
  /** The document's format: a Markdown passage is searched and scored by its visible text (see `searchableText`). */
  format: DocumentFormat;
}

/** A retrieved chunk with its fused relevance score (higher is better). */
export interface Passage extends StoredChunk {
  score: number;
}

/** A cited passage, as shown under an answer and printed by `ask --json`. */
export interface Citation {
  /** The number used by the `[n]` marker in the answer text, from 1. */
  id: number;
  source: string;
  startLine: number;
  endLine: number;
  page: number | null;
  /** The headings the passage sits under (`Install › Windows`), or `null`; see `Chunk.section`. */
  section: string | null;
  /** Quoted verbatim from the loaded text of `source` within `startLine..endLine`. */
  text: string;
  score: number;
  /**
   * The sentences an extractive answer quotes from this passage, in reading
   * order; absent when the answer was generated or lists closest passages.
   */
  quotes?: readonly Quote[];
}

/** A sentence an extractive answer quotes from a cited passage, where it stands. */
export interface Quote {
  /** The sentence, verbatim from the citation's `text`. */
  text: string;
  /** The lines of `source` it is on (1-based, inclusive). */
  startLine: number;
  endLine: number;
  /** The headings it sits under: the passage's, or those of a heading above it inside the passage. */
  section: string | null;
}

/** How an answer was produced. */
export type AnswerMode = 'extractive' | 'generative';

/** A cited sentence of a generated answer that its cited passages do not seem to back. */
export interface UnsupportedSentence {
  /** The sentence as it stands in `Answer.answer`, markers included. */
  sentence: string;
  /** The citation ids (`[n]`) it carries. */
  citations: number[];
  /** Share of its content words found in the cited passages, from 0 to 1. */
  support: number;
}

/** Why an answer is not of the configured kind: a generated answer was wanted but the server was unreachable. */
export interface AnswerFallback {
  reason: 'provider-unreachable';
  /** One line for the user, e.g. `cannot reach http://localhost:11434/v1/embeddings: ECONNREFUSED`. */
  detail: string;
}

/** A finished answer: the shape of `ask --json`. */
export interface Answer {
  question: string;
  answer: string;
  mode: AnswerMode;
  /** The generating model, or `null` for the extractive answerer. */
  model: string | null;
  /** True when the corpus does not seem to answer; `citations` then lists the closest passages. */
  abstained: boolean;
  citations: Citation[];
  /**
   * Marker numbers the model wrote that named no passage it was given, in order
   * of appearance; they were removed from `answer`. Absent or empty: none.
   */
  invalidCitations?: number[];
  /** Cited sentences their passages do not seem to support. Absent or empty: none. */
  unsupported?: UnsupportedSentence[];
  /** Set when this answer is extractive only because the server could not be reached; else absent or null. */
  fallback?: AnswerFallback | null;
  /**
   * The question passages were retrieved for, only when it differs from the
   * one asked: a follow-up made standalone, or a misspelt word corrected.
   */
  retrievalQuestion?: string;
}

/**
 * A request to the OpenAI-compatible server failed in a way worth another
 * try, and footnote is waiting before it tries again: said while it waits,
 * so a run that goes quiet for seconds explains itself.
 */
export interface ProviderRetry {
  /** Why: the server asked to slow down (429), failed (5xx), or closed the connection unanswered. */
  cause: 'rate-limited' | 'server-error' | 'connection-closed';
  /** The HTTP status, when there was a response. */
  status?: number;
  /** The wait before the next try, in milliseconds. */
  delayMs: number;
  /** Which retry comes next, from 1, of `maxRetries`. */
  retry: number;
  maxRetries: number;
}

/**
 * What the answerer says while it works; the UI renders these, `ask` prints them.
 * `answer-start` comes once, except when a generated answer could not reach the
 * server after it began: a second `answer-start`, with `fallback`, then starts
 * the offline answer that replaces it.
 */
export type AnswerEvent =
  | { type: 'answer-start'; mode: AnswerMode; model: string | null; fallback?: AnswerFallback }
  | { type: 'provider-retry'; retry: ProviderRetry }
  | { type: 'text-delta'; text: string }
  | { type: 'citation'; citation: Citation }
  | { type: 'abstain'; reason: string }
  | { type: 'answer-end'; answer: Answer };

/** A previous exchange in a conversation, for follow-up questions. */
export interface ConversationTurn {
  question: string;
  answer: string;
}

/** How rare terms are in the index, for weighting matches. */
export interface TermStatistics {
  /** Number of passages in the index. */
  passageCount: number;
  /** Passages that contain each (lowercase, stemmed) term; 0 for unknown terms. */
  documentFrequency(terms: readonly string[]): Map<string, number>;
}
