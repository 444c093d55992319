import { FootnoteError } from '../shared/errors.js';
import { typedOptions } from './typed-options.js';

/** Keys that hold words, not options: `ask`'s question collects every word so that it can say to quote them. */
const WORD_KEYS = new Set(['_', '--', 'question']);

/**
 * Stops a run whose command line gives an option more than once (`--k 3 --k 4`).
 * yargs collects the values into an array, which the config check would
 * report as `must be a number (got ["3","4"])`, and taking either value would
 * hide a mistake in a script.
 *
 * @param parsed what yargs made of the command line
 * @param argv the command line as typed, to name the option as the user spelt it
 * @throws FootnoteError USAGE
 */
export function rejectRepeatedOptions(parsed: Record<string, unknown>, argv: readonly string[]): void {
  const repeated = Object.entries(parsed).filter(
    (entry): entry is [string, unknown[]] => !WORD_KEYS.has(entry[0]) && Array.isArray(entry[1]),
  );
  const [first] = repeated;
  if (first === undefined) return;
  // yargs stores `--chunk-size` under chunk-size and chunkSize (and aliases): name the one typed.
  const typed = typedOptions(argv).map((option) => option.name);
  const [key, values] = repeated.find(([name]) => typed.includes(name)) ?? first;
  const times = values.length === 2 ? 'twice' : `${values.length} times`;
  const given = values.map((value) => JSON.stringify(String(value))).join(', ');
  throw new FootnoteError('USAGE', { detail: `--${key} was given ${times} (${given}); give it once` });
}
