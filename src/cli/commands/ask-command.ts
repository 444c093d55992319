import type { CommandModule } from 'yargs';
import { terminalSafeText } from '../../shared/terminal-safe.js';
import { createFootnote } from '../../footnote.js';
import { FootnoteError } from '../../shared/errors.js';
import type { ConversationTurn } from '../../shared/types.js';
import { ensureIndex } from '../ensure-index.js';
import { toAnswerJson } from '../output/answer-json.js';
import { formatAnswer, formatCitations, formatAnswerNotes } from '../output/print-answer.js';
import { formatFallbackLabel } from '../../ui/format/format-verification-notes.js';
import { formatProviderRetry } from '../../ui/format/format-provider-retry.js';
import { resolveConfig, withGlobalOptions, type GlobalArgs } from '../global-options.js';
import { cancelOnSigint } from '../cancel-on-sigint.js';
import { readHistoryFile } from '../read-history-file.js';

interface AskArgs extends GlobalArgs {
  /** Every word before `--`: more than one means the question was not quoted. */
  question?: string[];
  json?: boolean;
  history?: string;
}

/** `footnote ask "…" [--json] [--history FILE]`: one answer with its citations, for people or scripts. */
export const askCommand: CommandModule<object, AskArgs> = {
  // Optional for yargs, required by the handler: yargs never fills a required
  // positional from the words after `--`, so `ask -- '--odd question'` failed.
  // Variadic so that an unquoted question reaches questionOf, which says to
  // quote it, instead of yargs's "Unknown arguments: is, the, chairman".
  command: 'ask [question..]',
  describe: 'Answer one question with cited passages',
  builder: (argv) =>
    withGlobalOptions(argv)
      .positional('question', { type: 'string', array: true, describe: 'the question, quoted' })
      .option('json', { type: 'boolean', default: false, describe: 'print the answer as JSON' })
      .option('history', {
        type: 'string',
        describe: 'JSON file of earlier turns [{"question","answer"}, …], oldest first, for a follow-up question',
      }),
  handler: async (args) => {
    const question = questionOf(args);
    const history: ConversationTurn[] = args.history === undefined ? [] : readHistoryFile(args.history);
    const config = resolveConfig(args);
    const footnote = createFootnote(config);
    const signal = cancelOnSigint();
    try {
      try {
        await ensureIndex(footnote, (line) => process.stderr.write(`${line}\n`), signal);
      } catch (error) {
        // An index that lags the corpus still answers, offline, while the server is away.
        const unreachable = FootnoteError.isInstance(error) && error.code === 'PROVIDER_UNREACHABLE';
        if (!unreachable || config.fallback === false || !(await footnote.status()).exists) throw error;
        process.stderr.write(`note: the index was not updated: ${error.message}\n`);
      }
      const run = footnote.ask(question, { signal, history });
      // Generated text streams to a terminal as it arrives; JSON, and output
      // to a file or pipe, wait for the verified answer, so that a draft whose
      // markers verification changes is not printed before the final text.
      const stream = !args.json && footnote.provider === 'openai' && process.stdout.isTTY === true;
      let streamed = '';
      try {
        for (;;) {
          const step = await run.next();
          if (step.done) {
            const answer = step.value;
            if (args.json) process.stdout.write(`${JSON.stringify(toAnswerJson(answer), null, 2)}\n`);
            else if (!stream) process.stdout.write(formatAnswer(answer));
            else {
              // Verification may drop or renumber the draft's markers: then the final text follows.
              if (answer.answer !== streamed) process.stdout.write(`${streamed === '' ? '' : '\n\n'}${terminalSafeText(answer.answer)}`);
              process.stdout.write(`\n\n${formatCitations(answer)}${formatAnswerNotes(answer)}`);
            }
            return;
          }
          const event = step.value;
          // A wait for the server goes to stderr in every mode: the answer on stdout stays clean.
          if (event.type === 'provider-retry') process.stderr.write(`note: ${formatProviderRetry(event.retry)}\n`);
          if (!stream) continue;
          if (event.type === 'answer-start' && event.fallback) {
            process.stdout.write(`${formatFallbackLabel(event.fallback)}\n\n`);
          } else if (event.type === 'text-delta') {
            streamed += event.text;
            // Line feeds alone: a CRLF split across two deltas would show its CR.
            process.stdout.write(terminalSafeText(event.text.replace(/\r/gu, '')));
          }
        }
      } catch (error) {
        // The error line must not run on from a half-streamed sentence.
        if (streamed !== '') process.stdout.write('\n');
        if (FootnoteError.isInstance(error) && error.code === 'ABORTED') {
          throw new FootnoteError('ABORTED', { what: 'answer' }, { cause: error });
        }
        throw error;
      }
    } finally {
      footnote.close();
    }
  },
};

/** The one question, typed before `--` or after it (for a question that starts with a dash). */
function questionOf(args: AskArgs & { _: readonly unknown[] }): string {
  const words = [...(args.question ?? []), ...args._.slice(1)].map(String);
  if (words.length === 0) throw new FootnoteError('USAGE', { detail: 'ask needs a question: footnote ask "…"' });
  if (words.length > 1) {
    throw new FootnoteError('QUESTION_NOT_QUOTED', { count: words.length, quoted: JSON.stringify(words.join(' ')) });
  }
  const question = (words[0] ?? '').trim();
  if (question === '') throw new FootnoteError('USAGE', { detail: 'the question is empty' });
  return question;
}
