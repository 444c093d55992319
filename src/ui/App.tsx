import { Box, Text, useApp, useStdin, useStdout, type DOMElement } from 'ink';
import { useCallback, useEffect, useReducer, useRef } from 'react';
import type { Footnote, IndexStatus } from '../footnote-types.js';
import { checkExhaustive } from '../shared/check-exhaustive.js';
import { BUILTIN_COMMANDS } from './commands/builtin-commands.js';
import { parseSlashCommand } from './commands/parse-slash-command.js';
import { runSlashCommand } from './commands/run-slash-command.js';
import type { CommandContext, CommandResult, SlashCommand } from './commands/types.js';
import { AnswerView, describeWait } from './components/AnswerView.js';
import { Conversation } from './components/Conversation.js';
import { IngestProgress } from './components/IngestProgress.js';
import { InputLine, type InputLineHandle } from './components/InputLine.js';
import { QUEUE_PLACEHOLDER, QueuedLines } from './components/QueuedLines.js';
import { RetryNotice, retryKey } from './components/RetryNotice.js';
import { StatusLine } from './components/StatusLine.js';
import { describeError } from './format/describe-error.js';
import { useAnswerStream } from './hooks/use-answer-stream.js';
import { useInterruptKey } from './hooks/use-interrupt-key.js';
import { useLineQueue } from './hooks/use-line-queue.js';
import { CLEAR_SCREEN, useRedrawOnResize } from './hooks/use-redraw-on-resize.js';
import { useRowsLeft } from './hooks/use-rows-left.js';
import { refreshIndexStatus, useIngest } from './hooks/use-ingest.js';
import { useStatusPolling } from './hooks/use-status-polling.js';
import { useWarmUp } from './hooks/use-warm-up.js';
import { chatReducer, createInitialChatState, type ChatAction, type ChatState } from './state/chat-reducer.js';
import { DEFAULT_TERMINAL, TerminalContext, type TerminalCapabilities } from './terminal-context.js';

/** Earlier exchanges sent with a question so follow-ups make sense. */
export const MAX_CONVERSATION_TURNS = 4;
/** Lines of the file shown before and after a passage by `/open n`. */
export const OPEN_CONTEXT_LINES = 3;

/** Props of {@link App}. */
export interface AppProps {
  footnote: Footnote;
  /**
   * Build the index before the first question (there is none yet). A stale
   * index is not rebuilt on start: the chat says so and offers `/reindex`.
   */
  indexOnStart: boolean;
  /** What the terminal can show; defaults to colours without hyperlinks. */
  terminal?: TerminalCapabilities;
  /** The corpus folder as the status line names it; defaults to its full path. */
  corpusLabel?: string;
  /** Called once the chat has exited. */
  onExit?: () => void;
  /** How often an idle chat re-reads whether the corpus changed (default 10 s). */
  statusPollMs?: number;
}

/**
 * The chat. It needs raw keyboard input; on a stdin that cannot provide it
 * (a pipe) it says how to ask one question instead and exits.
 */
export function App(props: AppProps) {
  const { isRawModeSupported } = useStdin();
  return (
    <TerminalContext.Provider value={props.terminal ?? DEFAULT_TERMINAL}>
      {isRawModeSupported ? <Chat {...props} /> : <NonInteractiveNotice onExit={props.onExit} />}
    </TerminalContext.Provider>
  );
}

function NonInteractiveNotice({ onExit }: { onExit?: () => void }) {
  const { exit } = useApp();
  useEffect(() => {
    exit();
    onExit?.();
  }, [exit, onExit]);
  return (
    <Box flexDirection="column">
      <Text color="yellow">The chat needs an interactive terminal (stdin is not a TTY).</Text>
      <Text>To ask one question, run: footnote ask "…"</Text>
    </Box>
  );
}

function Chat({ footnote, indexOnStart, corpusLabel, onExit, statusPollMs }: AppProps) {
  const [state, dispatch] = useReducer(chatReducer, indexOnStart, (indexing) => createInitialChatState({ indexing }));
  const { exit } = useApp();
  const { write } = useStdout();
  const answers = useAnswerStream(footnote, dispatch);
  const indexRun = useIngest(footnote, dispatch);
  const warmUp = useWarmUp(footnote);
  useStatusPolling(footnote, dispatch, state.status, statusPollMs);
  const redrawGeneration = useRedrawOnResize();
  // Key handlers read the latest state through a ref: keys can arrive before
  // React has re-rendered with the previous key's effect.
  const stateRef = useRef<ChatState>(state);
  stateRef.current = state;

  const quit = useCallback(() => {
    // Nothing queued may start as the cancelled answer leaves the chat idle.
    dispatch({ type: 'queue-clear' });
    answers.abort();
    indexRun.abort();
    exit();
    onExit?.();
  }, [answers, indexRun, exit, onExit]);

  const startedRef = useRef(false);
  useEffect(() => {
    if (startedRef.current) return;
    startedRef.current = true;
    if (indexOnStart) void indexRun.ingest({ full: false }).then(warmUp);
    else {
      void refreshIndexStatus(footnote, dispatch).then((index) => offerReindex(index, dispatch));
      warmUp();
    }
  }, [footnote, indexOnStart, indexRun, warmUp]);

  const applyResult = useCallback(
    (result: CommandResult): void | Promise<void> => {
      switch (result.type) {
        case 'quit':
          return quit();
        case 'message':
          return dispatch({ type: 'message-add', tone: result.tone ?? 'info', text: result.text });
        case 'reindex':
          // Not awaited: the run keeps the chat busy itself, and Ctrl+C cancels it.
          return void indexRun.ingest({ full: result.full }).then(warmUp);
        case 'open': {
          const citation = stateRef.current.lastAnswer?.citations.find(
            (each) => each.id === result.citationId,
          );
          if (citation === undefined) {
            const text = `the last answer has no citation [${result.citationId}]`;
            return dispatch({ type: 'message-add', tone: 'error', text });
          }
          // A file that cannot be read any more shows the passage as indexed, with a note.
          return footnote
            .readPassage(citation, { contextLines: OPEN_CONTEXT_LINES })
            .catch(() => null)
            .then((lines) => dispatch({ type: 'passage-open', citation, lines }));
        }
        case 'sources':
          return dispatch({ type: 'sources-show' });
        case 'clear':
          write(CLEAR_SCREEN);
          return dispatch({ type: 'history-clear' });
        default:
          return checkExhaustive(result);
      }
    },
    [quit, indexRun, warmUp, write, footnote],
  );

  const runCommand = useCallback(
    async (command: SlashCommand, args: string) => {
      const current = stateRef.current;
      const context: CommandContext = {
        commands: BUILTIN_COMMANDS,
        lastAnswer: current.lastAnswer,
        k: current.k,
        defaultK: footnote.defaultK,
        setK: (k) => dispatch({ type: 'k-set', k }),
      };
      // Queued lines wait until the command is done (`/open` reading its file).
      dispatch({ type: 'command-start' });
      try {
        await applyResult(await runSlashCommand(command, context, args));
      } catch (error) {
        const { message, hint } = describeError(error);
        dispatch({ type: 'message-add', tone: 'error', text: message, hint });
      } finally {
        dispatch({ type: 'command-end' });
      }
    },
    [applyResult, footnote.defaultK],
  );

  /** Carries out a line already echoed into history: asks it, or runs it as a command. */
  const run = useCallback(
    (text: string): void => {
      const current = stateRef.current;
      const parsed = parseSlashCommand(text, BUILTIN_COMMANDS);
      if (parsed === null) {
        const asked = answers.ask(text, {
          ...(current.k === null ? {} : { k: current.k }),
          history: current.turns.slice(-MAX_CONVERSATION_TURNS),
        });
        // Files may have changed while the user read: the status line catches up after each answer.
        void asked.then(() => refreshIndexStatus(footnote, dispatch, { quiet: true }));
      } else if (parsed.type === 'unknown') {
        dispatch({ type: 'message-add', tone: 'error', text: parsed.message });
      } else {
        void runCommand(parsed.command, parsed.args);
      }
    },
    [answers, runCommand, footnote],
  );
  const queue = useLineQueue(state, dispatch, { commands: BUILTIN_COMMANDS, run });
  const inputRef = useRef<InputLineHandle>(null);
  const belowAnswerRef = useRef<DOMElement>(null);
  const answerRows = useRowsLeft(belowAnswerRef);

  // Ctrl+C stops the run and sends nothing more: queued lines come back for editing, none is lost.
  const cancel = useCallback((): boolean => {
    const status = stateRef.current.status;
    if (status === 'answering') answers.abort();
    else if (status === 'indexing') indexRun.abort();
    const queued = queue.takeBack();
    if (queued !== null) inputRef.current?.putBack(queued);
    return status !== 'idle' || queued !== null;
  }, [answers, indexRun, queue]);
  const quitArmed = useInterruptKey({ cancel, quit });

  return (
    <Box flexDirection="column">
      <Conversation
        key={`${state.historyGeneration}:${redrawGeneration}`}
        history={state.history}
        corpusDir={footnote.corpusDir}
      />
      {state.ingest === null ? null : <IngestProgress progress={state.ingest} />}
      {state.pending === null ? null : (
        <AnswerView
          text={state.pending.text}
          streaming
          waitingText={describeWait(state.pending)}
          maxLines={answerRows}
        />
      )}
      <Box ref={belowAnswerRef} flexDirection="column">
        {state.pending?.retry ? <RetryNotice key={retryKey(state.pending.retry)} retry={state.pending.retry} /> : null}
        <QueuedLines lines={state.queue} />
        <Box marginTop={1}>
          <InputLine
            ref={inputRef}
            onSubmit={queue.submit}
            onEndOfInput={quit}
            history={state.inputHistory}
            placeholder={state.status === 'idle' ? undefined : QUEUE_PLACEHOLDER}
          />
        </Box>
        <StatusLine
          corpusLabel={corpusLabel ?? footnote.corpusDir}
          modeLabel={footnote.modeLabel}
          index={state.index}
          indexProblem={state.indexProblem}
          k={state.k}
          status={state.status}
          quitArmed={quitArmed}
          queued={state.queue.length}
        />
      </Box>
    </Box>
  );
}

/** A stale index is not rebuilt behind the user's back: the chat says so and offers `/reindex`. */
function offerReindex(index: IndexStatus | null, dispatch: (action: ChatAction) => void): void {
  if (index === null || !index.exists) return;
  if (index.embedderMismatch) {
    const text = 'the index was built with another embedder; type /reindex full to rebuild it';
    dispatch({ type: 'message-add', tone: 'info', text });
  } else if (index.stale) {
    const text = index.rechunk === true
      ? 'passages are cut differently now (other chunk settings, or a newer footnote); answers use the old index until you type /reindex'
      : 'the corpus changed since it was last indexed; answers use the old index until you type /reindex';
    dispatch({ type: 'message-add', tone: 'info', text });
  }
}
