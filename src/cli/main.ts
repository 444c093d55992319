import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { describeUnexpectedError } from '../shared/describe-unexpected-error.js';
import { FootnoteError } from '../shared/errors.js';
import { askCommand } from './commands/ask-command.js';
import { defaultCommand } from './commands/default-command.js';
import { evalCommand } from './commands/eval-command.js';
import { indexCommand } from './commands/index-command.js';
import { nameUnknownOptions } from './name-unknown-options.js';
import { packageVersion } from './package-version.js';
import { rejectMissingValues } from './reject-missing-values.js';
import { rejectRepeatedOptions } from './reject-repeated-options.js';
import { rejectUnknownCommand } from './reject-unknown-command.js';

/** The named commands, as `footnote <name>` takes them. */
const COMMAND_NAMES = [indexCommand, askCommand, evalCommand].map((command) => String(command.command).split(' ')[0] ?? '');

/**
 * The bin entry: parses argv, runs one command and maps every failure to one
 * or two lines (`error:` and `hint:`) and an exit code — 1 for a runtime
 * failure, 2 for a usage error. This is the only catch-all.
 */
export async function main(argv: string[]): Promise<number> {
  const parser = yargs(argv)
    .scriptName('footnote')
    .usage('footnote — answers about your documents, with citations\n\nUsage: $0 [command] [options]')
    .command(defaultCommand)
    .command(indexCommand)
    .command(askCommand)
    .command(evalCommand)
    .strict()
    .middleware((args) => {
      rejectUnknownCommand(args, COMMAND_NAMES);
      rejectRepeatedOptions(args, argv);
    }, true)
    .middleware((args) => rejectMissingValues(args, argv))
    .help()
    .alias('h', 'help')
    // Read only when asked for: an empty string still lists the option in --help.
    .version(argv.includes('--version') ? packageVersion() : '')
    // Every other word footnote prints is English; yargs would follow LANG and
    // mix in its own translations (dist/ bundles yargs without its locale files).
    .locale('en')
    .wrap(Math.min(100, process.stdout.columns ?? 100))
    .fail((message, error) => {
      // Throwing here stops yargs before the command's handler runs.
      throw error ?? new FootnoteError('USAGE', { detail: nameUnknownOptions(message, argv) });
    });
  try {
    await parser.parseAsync();
  } catch (error) {
    return reportError(error);
  }
  return 0;
}

function reportError(error: unknown): number {
  if (FootnoteError.isInstance(error)) {
    process.stderr.write(`error: ${error.message}\nhint: ${error.hint}\n`);
    return error.exitCode;
  }
  process.stderr.write(`error: ${describeUnexpectedError(error)}\nhint: please report this with the command you ran\n`);
  if (process.env['FOOTNOTE_DEBUG'] && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  return 1;
}

process.exitCode = await main(hideBin(process.argv));
