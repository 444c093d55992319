import type { NumberedLine } from '../../chunk/slice-lines.js';
import type { IngestReport } from '../../ingest/ingest-report.js';
import type { Answer, AnswerFallback, AnswerMode, Citation } from '../../shared/types.js';

/** How a message reads: `info` is neutral, `error` is red with a hint. */
export type MessageTone = 'info' | 'error';

/** One finished entry of the conversation, printed once through `<Static>`. */
export type HistoryItem =
  | { id: number; type: 'user-input'; text: string }
  /**
   * Heads an answer given offline because the server could not be reached;
   * printed as soon as the answer (re)starts, so it stands above its text.
   */
  | { id: number; type: 'answer-fallback'; fallback: AnswerFallback }
  /** A paragraph of an answer that finished while the rest still streamed. */
  | { id: number; type: 'answer-text'; text: string; mode: AnswerMode | null }
  /** The end of an answer: the text not yet shown, then citations or the abstention. */
  | {
      id: number;
      type: 'answer';
      answer: Answer;
      text: string;
      abstainReason: string | null;
    }
  /**
   * A citation from `/open n`: its lines with context as the file reads now,
   * or `null` with `unreadable` when the file could not be read.
   */
  | {
      id: number;
      type: 'passage';
      citation: Citation;
      lines: NumberedLine[] | null;
      unreadable: boolean;
    }
  /** Every passage of the last answer in full, from `/sources`. */
  | { id: number; type: 'sources'; citations: Citation[]; abstained: boolean }
  | {
      id: number;
      type: 'message';
      tone: MessageTone;
      text: string;
      hint: string | null;
    }
  | { id: number; type: 'ingest-summary'; report: IngestReport };
