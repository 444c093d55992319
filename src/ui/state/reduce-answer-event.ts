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
      return { ...state, pending: { ...pending, mode: event.mode, model: event.model } };
    case 'text-delta':
      return appendStreamedText(state, pending, event.text);
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
  const ended = appendHistory(state, {
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
