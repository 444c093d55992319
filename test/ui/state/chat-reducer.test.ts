import { describe, expect, it } from 'vitest';
import { reduce } from '../../helpers/reduce-chat.js';
import type { Answer } from '../../../src/shared/types.js';
import {
  chatReducer,
  createInitialChatState,
  type ChatAction,
  type ChatState,
} from '../../../src/ui/state/chat-reducer.js';
import { MAX_INPUT_HISTORY } from '../../../src/ui/state/remember-input.js';
import { RESTART_NOTE } from '../../../src/ui/state/reduce-answer-event.js';
import { makeCitation, makeIngestReport, scriptAnswer } from '../../helpers/fake-footnote.js';


function delta(text: string): ChatAction {
  return { type: 'answer-event', event: { type: 'text-delta', text } };
}

const citation = makeCitation({ id: 1 });
const answer: Answer = {
  question: 'q?',
  answer: 'Yes [1].',
  mode: 'extractive',
  model: null,
  abstained: false,
  citations: [citation],
};

describe('chatReducer', () => {
  it('echoes a submitted line into history and input history', () => {
    const state = reduce([{ type: 'input-submit', text: 'q?' }]);
    expect(state.history).toEqual([{ id: 1, type: 'user-input', text: 'q?' }]);
    expect(state.inputHistory).toEqual(['q?']);
  });

  it('keeps only the latest input lines', () => {
    const lines = Array.from({ length: MAX_INPUT_HISTORY + 2 }, (_, index) => `line ${index}`);
    const state = reduce(lines.map((text) => ({ type: 'input-submit', text })));
    expect(state.inputHistory).toHaveLength(MAX_INPUT_HISTORY);
    expect(state.inputHistory[0]).toBe('line 2');
  });

  it('streams text into the pending answer and ends the turn on answer-end', () => {
    const streaming = reduce([
      { type: 'ask-start', question: 'q?' },
      { type: 'answer-event', event: { type: 'answer-start', mode: 'extractive', model: null } },
      delta('Yes '),
      delta('[1].'),
      { type: 'answer-event', event: { type: 'citation', citation } },
    ]);
    expect(streaming.status).toBe('answering');
    expect(streaming.pending).toMatchObject({
      text: 'Yes [1].',
      mode: 'extractive',
      citations: [citation],
    });
    const ended = chatReducer(streaming, {
      type: 'answer-event',
      event: { type: 'answer-end', answer },
    });
    expect(ended.status).toBe('idle');
    expect(ended.pending).toBeNull();
    expect(ended.lastAnswer).toBe(answer);
    expect(ended.turns).toEqual([{ question: 'q?', answer: 'Yes [1].' }]);
    expect(ended.history).toEqual([
      { id: 1, type: 'answer', answer, text: 'Yes [1].', abstainReason: null },
    ]);
  });

  it('ignores a question while another is being answered', () => {
    const state = reduce([
      { type: 'ask-start', question: 'first' },
      { type: 'ask-start', question: 'second' },
    ]);
    expect(state.pending?.question).toBe('first');
  });

  it('moves finished paragraphs into history while the answer streams', () => {
    const state = reduce([
      { type: 'ask-start', question: 'q?' },
      delta('One.\n\nTwo'),
      delta(' more.'),
    ]);
    expect(state.history).toEqual([{ id: 1, type: 'answer-text', text: 'One.', mode: null }]);
    expect(state.pending?.text).toBe('Two more.');
    const ended = chatReducer(state, {
      type: 'answer-event',
      event: { type: 'answer-end', answer: { ...answer, answer: 'One.\n\nTwo more.' } },
    });
    expect(ended.history.map((item) => (item.type === 'answer' ? item.text : item.type))).toEqual([
      'answer-text',
      'Two more.',
    ]);
  });

  it('uses the final answer text when nothing streamed', () => {
    const state = reduce([
      { type: 'ask-start', question: 'q?' },
      { type: 'answer-event', event: { type: 'answer-end', answer } },
    ]);
    expect(state.history).toMatchObject([{ type: 'answer', text: 'Yes [1].' }]);
  });

  it('keeps the abstain reason with the finished answer', () => {
    const abstained = { ...answer, answer: '', abstained: true };
    const state = reduce([
      { type: 'ask-start', question: 'q?' },
      { type: 'answer-event', event: { type: 'abstain', reason: 'nothing relevant' } },
      { type: 'answer-event', event: { type: 'answer-end', answer: abstained } },
    ]);
    expect(state.history).toMatchObject([
      { type: 'answer', text: '', abstainReason: 'nothing relevant' },
    ]);
  });

  it('keeps partial text and adds the error with its hint when an answer fails', () => {
    const state = reduce([
      { type: 'ask-start', question: 'q?' },
      delta('Half'),
      { type: 'ask-fail', error: { message: 'request failed', hint: 'check the network' } },
    ]);
    expect(state.status).toBe('idle');
    expect(state.pending).toBeNull();
    expect(state.history).toEqual([
      { id: 1, type: 'answer-text', text: 'Half', mode: null },
      { id: 2, type: 'message', tone: 'error', text: 'request failed', hint: 'check the network' },
    ]);
  });

  it('says the answer was cancelled on ask-abort', () => {
    const state = reduce([{ type: 'ask-start', question: 'q?' }, { type: 'ask-abort' }]);
    expect(state.status).toBe('idle');
    expect(state.history).toEqual([
      { id: 1, type: 'message', tone: 'info', text: 'answer cancelled', hint: null },
    ]);
  });

  it('tracks index progress and ends with a summary', () => {
    const report = makeIngestReport();
    const skipped = { source: 'x.bin', reason: 'binary', detail: 'binary' } as const;
    const running = reduce([
      { type: 'ingest-start', full: true, at: 1000 },
      { type: 'ingest-event', event: { type: 'ingest-start', files: 3, toIndex: 2, full: true } },
      {
        type: 'ingest-event',
        event: { type: 'file-indexed', source: 'a.md', chunks: 4, done: 1, total: 2 },
      },
      {
        type: 'ingest-event',
        event: { type: 'file-skipped', file: skipped },
      },
      { type: 'ingest-event', event: { type: 'file-removed', source: 'old.md' } },
      {
        type: 'ingest-event',
        event: {
          type: 'embed-progress',
          done: 2,
          total: 2,
          embeddingsComputed: 3,
          embeddingsReused: 1,
        },
      },
    ]);
    expect(running.status).toBe('indexing');
    expect(running.ingest).toEqual({
      full: true,
      startedAt: 1000,
      planned: true,
      files: 3,
      toIndex: 2,
      done: 2,
      total: 2,
      current: 'a.md',
      chunks: 4,
      embeddingsComputed: 3,
      embeddingsReused: 1,
      skipped: [skipped],
      removed: 1,
      retry: null,
    });
    const done = chatReducer(running, { type: 'ingest-finish', report });
    expect(done.status).toBe('idle');
    expect(done.ingest).toBeNull();
    expect(done.history).toEqual([{ id: 1, type: 'ingest-summary', report }]);
  });

  it('returns to idle with the error when indexing fails', () => {
    const state = reduce([
      { type: 'ingest-start', full: false, at: 0 },
      { type: 'ingest-fail', error: { message: 'locked', hint: 'wait' } },
    ]);
    expect(state.status).toBe('idle');
    expect(state.history).toMatchObject([
      { type: 'message', tone: 'error', text: 'locked', hint: 'wait' },
    ]);
  });

  it('says that only a full rebuild finishes a cancelled one', () => {
    const full = reduce([{ type: 'ingest-start', full: true, at: 0 }, { type: 'ingest-abort' }]);
    expect(full.history).toMatchObject([{ type: 'message', text: 'rebuild cancelled; the index is as it was: /reindex full to rebuild it' }]);
    const update = reduce([{ type: 'ingest-start', full: false, at: 0 }, { type: 'ingest-abort' }]);
    expect(update.history).toMatchObject([{ type: 'message', text: 'indexing cancelled; run /reindex to finish it' }]);
  });

  it('clears the history and starts a new Static generation', () => {
    const state = reduce([
      { type: 'message-add', tone: 'info', text: 'hello' },
      { type: 'history-clear' },
    ]);
    expect(state.history).toEqual([]);
    expect(state.historyGeneration).toBe(1);
  });

  it('forgets the conversation on /clear, so that the next question is not read as a follow-up', () => {
    const { answer } = scriptAnswer('Who led the team?', { text: 'Guo Jun [1].' });
    const answered: ChatState = { ...createInitialChatState(), lastAnswer: answer, turns: [{ question: 'Who led the team?', answer: 'Guo Jun [1].' }] };
    const state = chatReducer(answered, { type: 'history-clear' });
    expect(state.turns).toEqual([]);
    expect(state.lastAnswer).toBeNull();
  });

  it('adds an opened passage and sets k', () => {
    const lines = [{ number: 3, text: 'line', inRange: true }];
    const state = reduce([
      { type: 'passage-open', citation, lines },
      { type: 'passage-open', citation, lines: null },
      { type: 'k-set', k: 8 },
    ]);
    expect(state.history).toEqual([
      { id: 1, type: 'passage', citation, lines, unreadable: false },
      { id: 2, type: 'passage', citation, lines: null, unreadable: true },
    ]);
    expect(state.k).toBe(8);
  });

  it('shows every passage of the last answer on sources-show, and nothing before an answer', () => {
    expect(reduce([{ type: 'sources-show' }]).history).toEqual([]);
    const answer = scriptAnswer('q?', { text: 'a [1]', citations: [citation] }).answer;
    const state = reduce([
      { type: 'ask-start', question: 'q?' },
      { type: 'answer-event', event: { type: 'answer-end', answer } },
      { type: 'sources-show' },
    ]);
    expect(state.history.at(-1)).toEqual({
      id: 2,
      type: 'sources',
      citations: [citation],
      abstained: false,
    });
  });
});

describe('chatReducer: offline fallback', () => {
  const fallback = { reason: 'provider-unreachable', detail: 'cannot reach http://x/v1: ECONNREFUSED' } as const;
  const offline: Answer = { ...answer, fallback };
  const start = (event: Extract<ChatAction, { type: 'answer-event' }>['event']): ChatAction => ({
    type: 'answer-event',
    event,
  });

  it('starts over on a second answer-start, labelling the offline answer in history', () => {
    const state = reduce([
      { type: 'ask-start', question: 'q?' },
      start({ type: 'answer-start', mode: 'generative', model: 'm' }),
      delta('Half a generated sen'),
      { type: 'answer-event', event: { type: 'citation', citation } },
      start({ type: 'answer-start', mode: 'extractive', model: null, fallback }),
      delta('Yes [1].'),
    ]);
    expect(state.pending).toMatchObject({
      text: 'Yes [1].',
      committedText: '',
      citations: [],
      mode: 'extractive',
      model: null,
      fallback,
    });
    expect(state.history).toEqual([{ id: 1, type: 'answer-fallback', fallback }]);
    const ended = chatReducer(state, { type: 'answer-event', event: { type: 'answer-end', answer: offline } });
    expect(ended.history.map((item) => item.type)).toEqual(['answer-fallback', 'answer']);
  });

  it('says so when paragraphs of the abandoned answer were already printed', () => {
    const state = reduce([
      { type: 'ask-start', question: 'q?' },
      start({ type: 'answer-start', mode: 'generative', model: 'm' }),
      delta('A whole paragraph.\n\nAnd half'),
      start({ type: 'answer-start', mode: 'extractive', model: null, fallback }),
    ]);
    expect(state.history).toEqual([
      { id: 1, type: 'answer-text', text: 'A whole paragraph.', mode: 'generative' },
      { id: 2, type: 'message', tone: 'info', text: RESTART_NOTE, hint: null },
      { id: 3, type: 'answer-fallback', fallback },
    ]);
    expect(state.pending?.text).toBe('');
  });

  it('labels a fallback answer whose answer-start did not say so, once', () => {
    const unlabelled = reduce([
      { type: 'ask-start', question: 'q?' },
      start({ type: 'answer-start', mode: 'extractive', model: null }),
      { type: 'answer-event', event: { type: 'answer-end', answer: offline } },
    ]);
    expect(unlabelled.history.map((item) => item.type)).toEqual(['answer-fallback', 'answer']);
    const labelled = reduce([
      { type: 'ask-start', question: 'q?' },
      start({ type: 'answer-start', mode: 'extractive', model: null, fallback }),
      { type: 'answer-event', event: { type: 'answer-end', answer: offline } },
    ]);
    expect(labelled.history.map((item) => item.type)).toEqual(['answer-fallback', 'answer']);
  });
});
