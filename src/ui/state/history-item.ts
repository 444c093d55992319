import type { IngestReport } from '../../ingest/ingest-report.js';
import type { Answer, Citation } from '../../shared/types.js';

/** How a message reads: `info` is neutral, `error` is red with a hint. */
export type MessageTone = 'info' | 'error';

/** One finished entry of the conversation, printed once through `<Static>`. */
export type HistoryItem =
  | { id: number; type: 'user-input'; text: string }
  /** A paragraph of an answer that finished while the rest still streamed. */
  | { id: number; type: 'answer-text'; text: string }
  /** The end of an answer: the text not yet shown, then citations or the abstention. */
  | {
      id: number;
      type: 'answer';
      answer: Answer;
      text: string;
      abstainReason: string | null;
    }
  /** The full passage of a citation, from `/open n`. */
  | { id: number; type: 'passage'; citation: Citation }
  | {
      id: number;
      type: 'message';
      tone: MessageTone;
      text: string;
      hint: string | null;
    }
  | { id: number; type: 'ingest-summary'; report: IngestReport };
