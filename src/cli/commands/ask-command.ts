import type { CommandModule } from 'yargs';
import { createFootnote } from '../../footnote.js';
import { FootnoteError } from '../../shared/errors.js';
import { ensureIndex } from '../ensure-index.js';
import { formatAnswer, formatCitations } from '../output/print-answer.js';
import { resolveConfig, withGlobalOptions, type GlobalArgs } from '../global-options.js';
import { cancelOnSigint } from '../cancel-on-sigint.js';

interface AskArgs extends GlobalArgs {
  question?: string;
  json?: boolean;
}

/** `footnote ask "…" [--json]`: one answer with its citations, for people or scripts. */
export const askCommand: CommandModule<object, AskArgs> = {
  command: 'ask <question>',
  describe: 'Answer one question with cited passages',
  builder: (argv) =>
    withGlobalOptions(argv)
      .positional('question', { type: 'string', describe: 'the question, quoted' })
      .option('json', { type: 'boolean', default: false, describe: 'print the answer as JSON' }),
  handler: async (args) => {
    const question = (args.question ?? '').trim();
    if (question === '') throw new FootnoteError('USAGE', { detail: 'the question is empty' });
    const footnote = createFootnote(resolveConfig(args));
    const signal = cancelOnSigint();
    try {
      await ensureIndex(footnote, (line) => process.stderr.write(`${line}\n`));
      const run = footnote.ask(question, { signal });
      // Generated text streams to a terminal as it arrives; JSON waits for the verified answer.
      const stream = !args.json && footnote.provider === 'openai';
      let streamed = '';
      for (;;) {
        const step = await run.next();
        if (step.done) {
          if (args.json) process.stdout.write(`${JSON.stringify(step.value, null, 2)}\n`);
          else if (!stream) process.stdout.write(formatAnswer(step.value));
          else {
            // Verification may drop or renumber the draft's markers: then the final text follows.
            if (step.value.answer !== streamed) process.stdout.write(`\n\n${step.value.answer}`);
            process.stdout.write(`\n\n${formatCitations(step.value)}`);
          }
          return;
        }
        if (stream && step.value.type === 'text-delta') {
          streamed += step.value.text;
          process.stdout.write(step.value.text);
        }
      }
    } finally {
      footnote.close();
    }
  },
};
