import type { CommandModule } from 'yargs';
import { terminalSafeName } from '../../shared/terminal-safe.js';
import { createFootnote } from '../../footnote.js';
import { FootnoteError } from '../../shared/errors.js';
import { formatIndexReport } from '../output/print-index-report.js';
import { formatProviderRetry } from '../../ui/format/format-provider-retry.js';
import { plural } from '../../shared/plural.js';
import { resolveConfig, withGlobalOptions, type GlobalArgs } from '../global-options.js';
import { cancelOnSigint } from '../cancel-on-sigint.js';

interface IndexArgs extends GlobalArgs {
  full?: boolean;
  json?: boolean;
}

/** `footnote index [--full] [--json]`: bring the index in line with the corpus. */
export const indexCommand: CommandModule<object, IndexArgs> = {
  command: 'index',
  describe: 'Index the corpus incrementally (only added or changed files are re-embedded)',
  builder: (argv) =>
    withGlobalOptions(argv)
      .option('full', { type: 'boolean', default: false, describe: 'rebuild the index from scratch' })
      .option('json', { type: 'boolean', default: false, describe: 'print the report as JSON' }),
  handler: async (args) => {
    const footnote = createFootnote(resolveConfig(args));
    const signal = cancelOnSigint(() => {
      process.stderr.write('\nstopping after the embeddings in flight (Ctrl+C again quits at once)…\n');
    });
    const progress = process.stderr.isTTY && !args.json;
    let indexed = 0;
    try {
      const run = footnote.ingest({ full: args.full, signal });
      for (;;) {
        const step = await run.next().catch((error: unknown) => {
          // Ctrl+C: the files written so far stay in the index; say so before the error line.
          if (FootnoteError.isInstance(error) && error.code === 'ABORTED' && !args.full && indexed > 0) {
            if (progress) process.stderr.write('\r\x1b[K');
            process.stderr.write(`note: ${plural(indexed, 'file')} indexed before the stop are kept\n`);
          }
          throw error;
        });
        if (step.done) {
          if (progress) process.stderr.write('\r\x1b[K');
          process.stdout.write(
            args.json ? `${JSON.stringify(step.value, null, 2)}\n` : `${formatIndexReport(step.value)}\n`,
          );
          return;
        }
        const event = step.value;
        if (event.type === 'file-indexed') indexed += 1;
        if (event.type === 'provider-retry') {
          process.stderr.write(`${progress ? '\r\x1b[K' : ''}note: ${formatProviderRetry(event.retry)}\n`);
        }
        if (progress && event.type === 'file-indexed') {
          process.stderr.write(`\r\x1b[K[${event.done}/${event.total}] ${terminalSafeName(event.source)}`);
        }
      }
    } finally {
      footnote.close();
    }
  },
};
