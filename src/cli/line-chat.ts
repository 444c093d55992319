import readline from 'node:readline';
import type { Footnote } from '../footnote-types.js';
import { MAX_HISTORY_TURNS } from '../answer/build-prompt.js';
import { FootnoteError } from '../shared/errors.js';
import type { ConversationTurn } from '../shared/types.js';
import { ensureIndex } from './ensure-index.js';
import { formatAnswer } from './output/print-answer.js';

/** What a piped chat got through, for its exit code. */
export interface LineChatSummary {
  questions: number;
  /** Questions that ended in an error instead of an answer. */
  failedQuestions: number;
}

/**
 * The chat without a terminal: one question per input line, a plain answer
 * with citations per question; earlier questions and answers go along as the
 * conversation, for follow-ups. Errors on one question are printed and the
 * loop goes on (and counted, for the exit code); `/quit` or end of input stops it.
 */
export async function runLineChat(
  footnote: Footnote,
  input: NodeJS.ReadableStream,
  output: NodeJS.WritableStream,
  log: NodeJS.WritableStream,
): Promise<LineChatSummary> {
  await ensureIndex(footnote, (line) => log.write(`${line}\n`));
  const lines = readline.createInterface({ input, crlfDelay: Infinity, terminal: false });
  // The conversation so far, so that a follow-up ("and who else came?") is understood.
  const turns: ConversationTurn[] = [];
  const summary: LineChatSummary = { questions: 0, failedQuestions: 0 };
  for await (const raw of lines) {
    const question = raw.trim();
    if (question === '') continue;
    if (question === '/quit' || question === '/exit') break;
    summary.questions += 1;
    try {
      const run = footnote.ask(question, { history: turns.slice(-MAX_HISTORY_TURNS) });
      let step = await run.next();
      while (!step.done) step = await run.next();
      turns.push({ question, answer: step.value.answer });
      output.write(`> ${question}\n${formatAnswer(step.value)}\n`);
    } catch (error) {
      if (!FootnoteError.isInstance(error)) throw error;
      log.write(`error: ${error.message}\nhint: ${error.hint}\n`);
      summary.failedQuestions += 1;
    }
  }
  return summary;
}
