import { useCallback, useEffect, useMemo, useRef, type Dispatch } from 'react';
import type { SlashCommand } from '../commands/types.js';
import type { ChatAction, ChatState } from '../state/chat-reducer.js';
import { mustQueue, nextQueuedLine } from '../state/line-queue.js';

/**
 * Type-ahead, as in Claude Code and gemini-cli: a line entered while an
 * answer streams or an index run goes on waits in the queue, and once the
 * chat is idle again runs exactly as if it were typed then (a question is
 * asked with the conversation as it is by then; a command runs as one).
 * `run` carries out a line that has been echoed into history.
 */
export function useLineQueue(
  state: ChatState,
  dispatch: Dispatch<ChatAction>,
  { commands, run }: { commands: readonly SlashCommand[]; run(text: string): void },
): {
  /** The input line's Enter: runs the line now or queues it; `false` for a blank line. */
  submit(line: string): boolean;
  /** Empties the queue (Ctrl+C) and returns its lines joined by line breaks, or `null` if none. */
  takeBack(): string | null;
} {
  // Keys can arrive before React has re-rendered with the previous key's effect.
  const stateRef = useRef(state);
  stateRef.current = state;

  const submit = useCallback(
    (line: string): boolean => {
      const text = line.trim();
      if (text === '') return false;
      if (mustQueue(stateRef.current, text, commands)) {
        dispatch({ type: 'queue-add', text });
        return true;
      }
      dispatch({ type: 'input-submit', text });
      run(text);
      return true;
    },
    [commands, dispatch, run],
  );

  const takeBack = useCallback((): string | null => {
    const queued = stateRef.current.queue;
    if (queued.length === 0) return null;
    dispatch({ type: 'queue-clear' });
    return queued.join('\n');
  }, [dispatch]);

  // Runs on the render after the chat went idle, so the line sees the state the
  // last answer left (its turn in the conversation, a `/k` just set). The queue
  // itself is a dependency so that a second, identical line runs too.
  const next = nextQueuedLine(state);
  const queue = state.queue;
  useEffect(() => {
    if (next === undefined) return;
    dispatch({ type: 'queue-take' });
    run(next);
  }, [next, queue, dispatch, run]);

  return useMemo(() => ({ submit, takeBack }), [submit, takeBack]);
}
