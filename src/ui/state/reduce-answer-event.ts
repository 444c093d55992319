import { checkExhaustive } from '../../shared/check-exhaustive.js';
import type { Answer, AnswerEvent } from '../../shared/types.js';
import { appendHistory } from './append-history.js';
import type { ChatState, PendingAnswer } from './chat-reducer.js';
import { findParagraphSplit } from './find-paragraph-split.js';

/** Folds one event of the streaming answer into the chat; ignored when no answer is pending. */
export function reduceAnswerEvent(state: ChatState, event: AnswerEvent): ChatState {
  const pending = state.pending;
  if (pending === null) return state;
  switch (event.type) {
    case 'answer-start':
      return startAnswer(state, { ...pending, retry: null }, event);
    case 'provider-retry':
      return { ...state, pending: { ...pending, retry: event.retry } };
    case 'text-delta':
      return appendStreamedText(state, { ...pending, retry: null }, event.text);
    case 'citation':
      return {
        ...state,
        pending: { ...pending, citations: [...pending.citations, event.citation] },
      };
    case 'abstain':
      return { ...state, pending: { ...pending, abstainReason: event.reason } };
    case 'answer-end':
      return finishAnswer(state, pending, event.answer);
    default:
      return checkExhaustive(event);
  }
}

/** Paragraphs printed before an answer started over cannot be taken back: this follows them. */
export const RESTART_NOTE = 'the answer above stopped part-way; it starts over below';

/**
 * Begins the answer, or begins it again: a second `answer-start` (the server
 * failed mid-answer and an offline answer replaces it) discards what streamed.
 * An offline answer's label goes into history at once, above its text.
 */
function startAnswer(
  state: ChatState,
  pending: PendingAnswer,
  event: Extract<AnswerEvent, { type: 'answer-start' }>,
): ChatState {
  const restarted = pending.mode !== null;
  let next = state;
  if (restarted && pending.committedText.trim() !== '') {
    next = appendHistory(next, { type: 'message', tone: 'info', text: RESTART_NOTE, hint: null });
  }
  const fallback = event.fallback ?? null;
  if (fallback !== null) next = appendHistory(next, { type: 'answer-fallback', fallback });
  const fresh = restarted
    ? { text: '', committedText: '', citations: [], abstainReason: null }
    : {};
  return {
    ...next,
    pending: { ...pending, ...fresh, mode: event.mode, model: event.model, fallback },
  };
}

/** Adds streamed text and moves any finished paragraphs into history. */
function appendStreamedText(
  state: ChatState,
  pending: PendingAnswer,
  delta: string,
): ChatState {
  const text = pending.text + delta;
  const split = findParagraphSplit(text);
  if (split === 0) return { ...state, pending: { ...pending, text } };
  const paragraphs = text.slice(0, split).trimEnd();
  const withParagraphs =
    paragraphs === '' ? state : appendHistory(state, { type: 'answer-text', text: paragraphs, mode: pending.mode });
  return {
    ...withParagraphs,
    pending: {
      ...pending,
      text: text.slice(split),
      committedText: pending.committedText + text.slice(0, split),
    },
  };
}

function finishAnswer(state: ChatState, pending: PendingAnswer, answer: Answer): ChatState {
  // An answer that never said it was a fallback until its end still gets its label.
  const labelled =
    answer.fallback && pending.fallback === null
      ? appendHistory(state, { type: 'answer-fallback', fallback: answer.fallback })
      : state;
  const ended = appendHistory(labelled, {
    type: 'answer',
    answer,
    text: remainingAnswerText(pending, answer).replace(/^\n+/, '').trimEnd(),
    abstainReason: pending.abstainReason,
  });
  return {
    ...ended,
    status: 'idle',
    pending: null,
    lastAnswer: answer,
    turns: [...state.turns, { question: answer.question, answer: answer.answer }],
  };
}

/**
 * The part of the final answer not yet shown. The final text is the truth
 * (an answerer may tidy it at the end), unless paragraphs already shown differ
 * from it, in which case the streamed rest is kept so nothing shows twice.
 */
function remainingAnswerText(pending: PendingAnswer, answer: Answer): string {
  if (pending.committedText === '') return answer.answer;
  if (answer.answer.startsWith(pending.committedText)) {
    return answer.answer.slice(pending.committedText.length);
  }
  return pending.text;
}

/** Leaves the answering state, keeping whatever had streamed in history. */
export function endAnswer(state: ChatState): ChatState {
  const partial = state.pending?.text.trim() ?? '';
  // A sentence cut off mid-way cannot be judged supported or not: no mode, no flags.
  const kept =
    partial === ''
      ? state
      : appendHistory(state, { type: 'answer-text', text: partial, mode: null });
  return { ...kept, status: 'idle', pending: null };
}
