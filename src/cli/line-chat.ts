import readline from 'node:readline';
import type { Footnote } from '../footnote-types.js';
import { MAX_HISTORY_TURNS } from '../answer/build-prompt.js';
import { checkExhaustive } from '../shared/check-exhaustive.js';
import { FootnoteError } from '../shared/errors.js';
import type { Answer, ConversationTurn } from '../shared/types.js';
import { BUILTIN_COMMANDS } from '../ui/commands/builtin-commands.js';
import { findSlashCommand, parseSlashCommand } from '../ui/commands/parse-slash-command.js';
import { runSlashCommand } from '../ui/commands/run-slash-command.js';
import type { CommandContext, CommandResult } from '../ui/commands/types.js';
import { formatProviderRetry } from '../ui/format/format-provider-retry.js';
import { ensureIndex } from './ensure-index.js';
import { LINE_COMMANDS } from './line-commands.js';
import { formatAnswer } from './output/print-answer.js';

/** What a piped chat got through, for its exit code. */
export interface LineChatSummary {
  questions: number;
  /** Questions that ended in an error instead of an answer. */
  failedQuestions: number;
  /** Slash commands that were unknown or given bad arguments. */
  rejectedCommands: number;
}

/** The state commands change between lines. */
interface LineChatState {
  /** The conversation so far, so that a follow-up ("and who else came?") is understood. */
  turns: ConversationTurn[];
  lastAnswer: Answer | null;
  /** Passages per question set with /k; `null` keeps the configured k. */
  k: number | null;
}

/**
 * The chat without a terminal: one question per input line, a plain answer
 * with citations per question on `output`; earlier questions and answers go
 * along as the conversation, for follow-ups. A line that starts with `/` is a
 * command (`LINE_COMMANDS`); what commands say, and errors, go to `log`.
 * An error on one line is printed and the loop goes on; `/quit` or the end of
 * input stops it.
 */
export async function runLineChat(
  footnote: Footnote,
  input: NodeJS.ReadableStream,
  output: NodeJS.WritableStream,
  log: NodeJS.WritableStream,
): Promise<LineChatSummary> {
  await ensureIndex(footnote, (line) => log.write(`${line}\n`));
  const lines = readline.createInterface({ input, crlfDelay: Infinity, terminal: false });
  const state: LineChatState = { turns: [], lastAnswer: null, k: null };
  const summary: LineChatSummary = { questions: 0, failedQuestions: 0, rejectedCommands: 0 };
  for await (const raw of lines) {
    const line = raw.trim();
    if (line === '') continue;
    const parsed = parseSlashCommand(line, LINE_COMMANDS);
    if (parsed === null) {
      summary.questions += 1;
      if (!(await answerQuestion(footnote, line, state, output, log))) summary.failedQuestions += 1;
      continue;
    }
    if (parsed.type === 'unknown') {
      summary.rejectedCommands += 1;
      log.write(`error: ${describeUnknownCommand(parsed.name, parsed.message)}\n`);
      continue;
    }
    const context: CommandContext = {
      commands: LINE_COMMANDS,
      lastAnswer: state.lastAnswer,
      k: state.k,
      defaultK: footnote.defaultK,
      setK: (k) => (state.k = k),
    };
    const outcome = applyResult(await runSlashCommand(parsed.command, context, parsed.args), state, log);
    if (outcome === 'quit') break;
    if (outcome === 'rejected') summary.rejectedCommands += 1;
  }
  return summary;
}

/** Answers one question; false when it failed (the error is on `log`). */
async function answerQuestion(
  footnote: Footnote,
  question: string,
  state: LineChatState,
  output: NodeJS.WritableStream,
  log: NodeJS.WritableStream,
): Promise<boolean> {
  try {
    const run = footnote.ask(question, {
      history: state.turns.slice(-MAX_HISTORY_TURNS),
      ...(state.k === null ? {} : { k: state.k }),
    });
    let step = await run.next();
    while (!step.done) {
      if (step.value.type === 'provider-retry') log.write(`note: ${formatProviderRetry(step.value.retry)}\n`);
      step = await run.next();
    }
    state.turns.push({ question, answer: step.value.answer });
    state.lastAnswer = step.value;
    output.write(`> ${question}\n${formatAnswer(step.value)}\n`);
    return true;
  } catch (error) {
    if (!FootnoteError.isInstance(error)) throw error;
    // Named with its question: a script's log must say which line failed.
    log.write(`> ${question}\nerror: ${error.message}\nhint: ${error.hint}\n`);
    return false;
  }
}

function applyResult(result: CommandResult, state: LineChatState, log: NodeJS.WritableStream): 'quit' | 'done' | 'rejected' {
  switch (result.type) {
    case 'quit':
      return 'quit';
    case 'message':
      log.write(`${result.tone === 'error' ? 'error: ' : ''}${result.text}\n`);
      return result.tone === 'error' ? 'rejected' : 'done';
    case 'clear':
      state.turns = [];
      state.lastAnswer = null;
      log.write('new conversation: the next question is not a follow-up\n');
      return 'done';
    // Only the chat app's commands ask for these; LINE_COMMANDS has none of them.
    case 'reindex':
    case 'open':
    case 'sources':
      log.write(`error: /${result.type} needs the chat app\n`);
      return 'rejected';
    default:
      return checkExhaustive(result);
  }
}

/** A chat-app command is named as one, so that nobody hunts for a typo. */
function describeUnknownCommand(name: string, message: string): string {
  if (findSlashCommand(name, BUILTIN_COMMANDS) === undefined) return message;
  const supported = LINE_COMMANDS.map((command) => `/${command.name}`).join(', ');
  return `/${name} works only in the chat app (run footnote in a terminal); piped input takes ${supported}`;
}
