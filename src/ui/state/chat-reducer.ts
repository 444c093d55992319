import type { NumberedLine } from '../../chunk/slice-lines.js';
import type { IndexStatus } from '../../footnote-types.js';
import type { IngestEvent, IngestReport } from '../../ingest/ingest-report.js';
import { checkExhaustive } from '../../shared/check-exhaustive.js';
import type {
  Answer,
  AnswerEvent,
  AnswerFallback,
  AnswerMode,
  Citation,
  ConversationTurn,
  ProviderRetry,
} from '../../shared/types.js';
import type { DisplayError } from '../format/describe-error.js';
import { appendHistory } from './append-history.js';
import type { HistoryItem, MessageTone } from './history-item.js';
import {
  createIngestProgress,
  reduceIngestEvent,
  type IngestProgressState,
} from './ingest-progress.js';
import { reduceLineQueue, type LineQueueAction } from './line-queue.js';
import { endAnswer, reduceAnswerEvent } from './reduce-answer-event.js';
import { rememberInput } from './remember-input.js';

/** What the chat is busy with; a line entered while not `idle` is queued. */
export type ChatStatus = 'idle' | 'indexing' | 'answering';

/** The answer being streamed. */
export interface PendingAnswer {
  question: string;
  mode: AnswerMode | null;
  model: string | null;
  /** Streamed text not yet moved into history. */
  text: string;
  /** Streamed text already moved into history as whole paragraphs. */
  committedText: string;
  citations: Citation[];
  abstainReason: string | null;
  /** Set once an `answer-start` said the answer is an offline fallback (its label is in history). */
  fallback: AnswerFallback | null;
  /** The wait to retry a request to the server, while nothing else has come since. */
  retry: ProviderRetry | null;
}

/** Everything the chat shows, owned by one pure reducer. */
export interface ChatState {
  status: ChatStatus;
  history: HistoryItem[];
  /** Bumped by `/clear` so `<Static>` starts over with the emptied history. */
  historyGeneration: number;
  nextId: number;
  pending: PendingAnswer | null;
  ingest: IngestProgressState | null;
  index: IndexStatus | null;
  /** Why the last status read failed (the corpus folder is gone, say), until one succeeds. */
  indexProblem: string | null;
  /** The last finished answer, for `/open` and `/sources`. */
  lastAnswer: Answer | null;
  /** Finished exchanges, oldest first, sent along with follow-up questions. */
  turns: ConversationTurn[];
  /** Passages per question chosen with `/k`; `null` keeps the configured default. */
  k: number | null;
  /** Submitted input lines, oldest first, for the up and down keys. */
  inputHistory: string[];
  /** Lines entered while busy, oldest first; each runs in turn once the chat is idle. */
  queue: string[];
  /** A slash command is being carried out (`/open` reading its file): queued lines wait for it. */
  commandRunning: boolean;
}

/** Everything that can happen to the chat. */
export type ChatAction =
  /** A line the user entered (a question or a command), echoed into history. */
  | { type: 'input-submit'; text: string }
  | { type: 'ask-start'; question: string }
  | { type: 'answer-event'; event: AnswerEvent }
  | { type: 'ask-fail'; error: DisplayError }
  | { type: 'ask-abort' }
  /** `at` is `Date.now()`, for the elapsed time and the ETA. */
  | { type: 'ingest-start'; full: boolean; at: number }
  | { type: 'ingest-event'; event: IngestEvent }
  | { type: 'ingest-finish'; report: IngestReport }
  | { type: 'ingest-fail'; error: DisplayError }
  | { type: 'ingest-abort' }
  | { type: 'index-status'; index: IndexStatus }
  | { type: 'index-status-fail'; problem: string }
  | { type: 'message-add'; tone: MessageTone; text: string; hint?: string | null }
  | { type: 'passage-open'; citation: Citation; lines: NumberedLine[] | null }
  /** `/sources`: every passage of the last answer in full. */
  | { type: 'sources-show' }
  | { type: 'history-clear' }
  | { type: 'k-set'; k: number }
  | { type: 'command-start' }
  | { type: 'command-end' }
  | LineQueueAction;

/**
 * The state of a chat that has just opened. A chat that builds its index
 * first is `indexing` from its first frame: keys typed before it started
 * arrive before its first run does, and must wait for the index (not ask one
 * that is not there yet).
 */
export function createInitialChatState(options: { indexing?: boolean } = {}): ChatState {
  return {
    status: options.indexing === true ? 'indexing' : 'idle',
    history: [],
    historyGeneration: 0,
    nextId: 1,
    pending: null,
    ingest: null,
    index: null,
    indexProblem: null,
    lastAnswer: null,
    turns: [],
    k: null,
    inputHistory: [],
    queue: [],
    commandRunning: false,
  };
}

/** The chat's state transitions; pure, so it is tested without Ink. */
export function chatReducer(state: ChatState, action: ChatAction): ChatState {
  switch (action.type) {
    case 'input-submit':
      return {
        ...appendHistory(state, { type: 'user-input', text: action.text }),
        inputHistory: rememberInput(state.inputHistory, action.text),
      };
    case 'ask-start':
      if (state.status !== 'idle') return state;
      return {
        ...state,
        status: 'answering',
        pending: {
          question: action.question,
          mode: null,
          model: null,
          text: '',
          committedText: '',
          citations: [],
          abstainReason: null,
          retry: null,
          fallback: null,
        },
      };
    case 'answer-event':
      return reduceAnswerEvent(state, action.event);
    case 'ask-fail':
      return appendHistory(endAnswer(state), {
        type: 'message',
        tone: 'error',
        text: action.error.message,
        hint: action.error.hint,
      });
    case 'ask-abort':
      if (state.status !== 'answering') return state;
      return appendHistory(endAnswer(state), {
        type: 'message',
        tone: 'info',
        text: 'answer cancelled',
        hint: null,
      });
    case 'ingest-start':
      return {
        ...state,
        status: 'indexing',
        ingest: createIngestProgress(action.full, action.at),
      };
    case 'ingest-event':
      if (state.ingest === null) return state;
      return { ...state, ingest: reduceIngestEvent(state.ingest, action.event) };
    case 'ingest-finish':
      return {
        ...appendHistory(state, { type: 'ingest-summary', report: action.report }),
        status: 'idle',
        ingest: null,
      };
    case 'ingest-fail':
      return {
        ...appendHistory(state, {
          type: 'message',
          tone: 'error',
          text: action.error.message,
          hint: action.error.hint,
        }),
        status: 'idle',
        ingest: null,
      };
    case 'ingest-abort':
      if (state.status !== 'indexing') return state;
      return {
        ...appendHistory(state, {
          type: 'message',
          tone: 'info',
          // A cancelled full rebuild leaves the old index in place: only another full one finishes it.
          text: state.ingest?.full === true
            ? 'rebuild cancelled; the index is as it was: /reindex full to rebuild it'
            : 'indexing cancelled; run /reindex to finish it',
          hint: null,
        }),
        status: 'idle',
        ingest: null,
      };
    case 'index-status':
      return { ...state, index: action.index, indexProblem: null };
    case 'index-status-fail':
      return { ...state, indexProblem: action.problem };
    case 'message-add':
      return appendHistory(state, {
        type: 'message',
        tone: action.tone,
        text: action.text,
        hint: action.hint ?? null,
      });
    case 'passage-open':
      return appendHistory(state, {
        type: 'passage',
        citation: action.citation,
        lines: action.lines,
        unreadable: action.lines === null,
      });
    case 'sources-show':
      if (state.lastAnswer === null) return state;
      return appendHistory(state, {
        type: 'sources',
        citations: state.lastAnswer.citations,
        abstained: state.lastAnswer.abstained,
      });
    case 'history-clear':
      // A fresh start: follow-ups no longer lean on turns the screen no
      // longer shows, and /open and /sources have no answer to open.
      return { ...state, history: [], historyGeneration: state.historyGeneration + 1, turns: [], lastAnswer: null };
    case 'k-set':
      return { ...state, k: action.k };
    case 'command-start':
      return { ...state, commandRunning: true };
    case 'command-end':
      return { ...state, commandRunning: false };
    case 'queue-add':
    case 'queue-take':
    case 'queue-clear':
      return reduceLineQueue(state, action);
    default:
      return checkExhaustive(action);
  }
}
