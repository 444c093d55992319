import { describe, expect, it } from 'vitest';
import { reduce } from '../../helpers/reduce-chat.js';
import { BUILTIN_COMMANDS } from '../../../src/ui/commands/builtin-commands.js';
import { chatReducer, createInitialChatState } from '../../../src/ui/state/chat-reducer.js';
import { isBusy, mustQueue, nextQueuedLine } from '../../../src/ui/state/line-queue.js';


const answering = reduce([{ type: 'ask-start', question: 'first' }]);

describe('the line queue', () => {
  it('keeps queued lines in order and in the input history, but out of the conversation until their turn', () => {
    const state = reduce(
      [
        { type: 'queue-add', text: 'second' },
        { type: 'queue-add', text: '/k 3' },
      ],
      answering,
    );
    expect(state.queue).toEqual(['second', '/k 3']);
    expect(state.inputHistory).toEqual(['second', '/k 3']);
    expect(state.history).toEqual([]);
  });

  it('takes the oldest line first and echoes it, without adding it to the input history again', () => {
    const state = reduce(
      [
        { type: 'queue-add', text: 'second' },
        { type: 'queue-add', text: 'third' },
        { type: 'ask-abort' },
        { type: 'queue-take' },
      ],
      answering,
    );
    expect(state.queue).toEqual(['third']);
    expect(state.history.at(-1)).toEqual({ id: 2, type: 'user-input', text: 'second' });
    expect(state.inputHistory).toEqual(['second', 'third']);
    expect(chatReducer(reduce([{ type: 'queue-take' }], state), { type: 'queue-take' }).queue).toEqual([]);
  });

  it('empties the queue on queue-clear and leaves the input history alone', () => {
    const state = reduce(
      [
        { type: 'queue-add', text: 'second' },
        { type: 'queue-clear' },
      ],
      answering,
    );
    expect(state.queue).toEqual([]);
    expect(state.inputHistory).toEqual(['second']);
  });

  it('offers the next line only while nothing runs: no answer, no index run, no command', () => {
    const queued = reduce([{ type: 'queue-add', text: 'second' }], answering);
    expect(nextQueuedLine(queued)).toBeUndefined();
    const idle = chatReducer(queued, { type: 'ask-abort' });
    expect(nextQueuedLine(idle)).toBe('second');
    const opening = chatReducer(idle, { type: 'command-start' });
    expect(isBusy(opening)).toBe(true);
    expect(nextQueuedLine(opening)).toBeUndefined();
    expect(nextQueuedLine(chatReducer(opening, { type: 'command-end' }))).toBe('second');
    const indexing = reduce([{ type: 'ingest-start', full: false, at: 0 }], idle);
    expect(nextQueuedLine(indexing)).toBeUndefined();
    expect(nextQueuedLine(createInitialChatState())).toBeUndefined();
  });

  it('queues every line while busy except one that runs at once', () => {
    const lines = ['and then?', '/reindex', '/nope', '/quit', '/exit', '/QUIT'];
    expect(lines.map((line) => mustQueue(answering, line, BUILTIN_COMMANDS))).toEqual([
      true,
      true,
      true,
      false,
      false,
      false,
    ]);
  });

  it('queues behind lines already waiting even when the chat has just gone idle, and not at all when nothing waits', () => {
    const idle = createInitialChatState();
    expect(mustQueue(idle, 'first', BUILTIN_COMMANDS)).toBe(false);
    const waiting = { ...idle, queue: ['second'] };
    expect(mustQueue(waiting, 'third', BUILTIN_COMMANDS)).toBe(true);
  });
});
