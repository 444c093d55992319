import { checkExhaustive } from '../../shared/check-exhaustive.js';
import { parseSlashCommand } from '../commands/parse-slash-command.js';
import type { SlashCommand } from '../commands/types.js';
import { appendHistory } from './append-history.js';
import type { ChatState } from './chat-reducer.js';
import { rememberInput } from './remember-input.js';

/** What happens to lines entered while the chat is busy. */
export type LineQueueAction =
  /** A line entered while busy: it waits its turn (and ↑ recalls it at once). */
  | { type: 'queue-add'; text: string }
  /** The oldest queued line's turn has come: it leaves the queue and is echoed as if typed now. */
  | { type: 'queue-take' }
  /** Ctrl+C took the queued lines back into the input line. */
  | { type: 'queue-clear' };

/**
 * Whether a line entered now has to wait: an answer streams, an index run
 * goes on, or a command is still carrying out (`/open` reading its file).
 */
export function isBusy(state: ChatState): boolean {
  return state.status !== 'idle' || state.commandRunning;
}

/**
 * The queued line whose turn it is, or `undefined` while the chat is busy or
 * nothing is queued.
 */
export function nextQueuedLine(state: ChatState): string | undefined {
  return isBusy(state) ? undefined : state.queue[0];
}

/**
 * Whether a line must wait in the queue rather than run now. A line waits
 * behind the busy chat and behind the lines already waiting (first in, first
 * out), except a command that runs at once (`/quit`: leaving never waits).
 *
 * @example
 * mustQueue(answeringState, 'and who else?', commands) // → true
 * mustQueue(answeringState, '/quit', commands)         // → false
 */
export function mustQueue(state: ChatState, text: string, commands: readonly SlashCommand[]): boolean {
  if (!isBusy(state) && state.queue.length === 0) return false;
  const parsed = parseSlashCommand(text, commands);
  return parsed?.type !== 'command' || parsed.command.immediate !== true;
}

/** The queue's state transitions, for `chatReducer`. */
export function reduceLineQueue(state: ChatState, action: LineQueueAction): ChatState {
  switch (action.type) {
    case 'queue-add':
      return {
        ...state,
        queue: [...state.queue, action.text],
        inputHistory: rememberInput(state.inputHistory, action.text),
      };
    case 'queue-take': {
      const [next, ...rest] = state.queue;
      if (next === undefined) return state;
      // Already in the input history since it was queued: only the echo is new.
      return { ...appendHistory(state, { type: 'user-input', text: next }), queue: rest };
    }
    case 'queue-clear':
      return state.queue.length === 0 ? state : { ...state, queue: [] };
    default:
      return checkExhaustive(action);
  }
}
