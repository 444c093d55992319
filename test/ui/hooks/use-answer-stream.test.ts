import { describe, expect, it } from 'vitest';
import { FootnoteError } from '../../../src/shared/errors.js';
import type { Answer, AnswerEvent } from '../../../src/shared/types.js';
import { streamAnswer } from '../../../src/ui/hooks/use-answer-stream.js';
import type { ChatAction } from '../../../src/ui/state/chat-reducer.js';

const answer: Answer = {
  question: 'q?',
  answer: 'The index lives.',
  mode: 'extractive',
  model: null,
  abstained: false,
  citations: [],
};

async function* play(
  events: AnswerEvent[],
  end: Answer | Error,
): AsyncGenerator<AnswerEvent, Answer> {
  for (const event of events) yield event;
  if (end instanceof Error) throw end;
  return end;
}

function record(actions: ChatAction[]): (action: ChatAction) => void {
  return (action) => {
    actions.push(action);
  };
}

describe('streamAnswer', () => {
  it('sends quick text deltas as one batch before the next event', async () => {
    const actions: ChatAction[] = [];
    const events: AnswerEvent[] = [
      { type: 'text-delta', text: 'The ' },
      { type: 'text-delta', text: 'index ' },
      { type: 'text-delta', text: 'lives.' },
      { type: 'answer-end', answer },
    ];
    await streamAnswer(play(events, answer), new AbortController().signal, record(actions));
    expect(actions).toEqual([
      { type: 'answer-event', event: { type: 'text-delta', text: 'The index lives.' } },
      { type: 'answer-event', event: { type: 'answer-end', answer } },
    ]);
  });

  it('ends the turn with the returned answer when no answer-end event came', async () => {
    const actions: ChatAction[] = [];
    await streamAnswer(play([], answer), new AbortController().signal, record(actions));
    expect(actions).toEqual([{ type: 'answer-event', event: { type: 'answer-end', answer } }]);
  });

  it('reports a failure with its hint', async () => {
    const actions: ChatAction[] = [];
    const error = new FootnoteError('INDEX_NOT_FOUND', { path: 'embeddings' });
    await streamAnswer(play([], error), new AbortController().signal, record(actions));
    expect(actions).toEqual([
      {
        type: 'ask-fail',
        error: { message: 'no index in embeddings', hint: 'type /reindex to build it' },
      },
    ]);
  });

  it('sends nothing once the signal has fired', async () => {
    const actions: ChatAction[] = [];
    const controller = new AbortController();
    controller.abort();
    const events: AnswerEvent[] = [
      { type: 'text-delta', text: 'late' },
      { type: 'answer-end', answer },
    ];
    await streamAnswer(play(events, answer), controller.signal, record(actions));
    expect(actions).toEqual([]);
  });
});
