import { typedOptions } from './typed-options.js';

/**
 * yargs's "Unknown argument: bogus" with the option written as it was typed
 * (`--bogus`, `-x`), so a user sees which word it means; words that were not
 * options stay as yargs names them.
 *
 * @example
 * nameUnknownOptions('Unknown argument: bogus', ['--bogus']); // 'unknown option --bogus'
 */
export function nameUnknownOptions(message: string, argv: readonly string[]): string {
  const match = /^Unknown arguments?: (.+)$/u.exec(message);
  if (match === null) return message;
  const typed = typedOptions(argv);
  const options = match[1]!.split(', ').map((name) => typed.find((option) => option.name === name)?.spelling);
  if (options.some((option) => option === undefined)) return message;
  return `unknown option${options.length > 1 ? 's' : ''} ${options.join(', ')}`;
}
