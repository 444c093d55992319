import { FootnoteError } from '../shared/errors.js';
import { typedOptions } from './typed-options.js';

/** A value of each option, for the hint; an option not listed is shown with `VALUE`. */
const EXAMPLE_VALUES: Readonly<Record<string, string>> = {
  corpus: 'docs',
  index: 'embeddings',
  provider: 'local',
  k: '8',
  'chunk-size': '1000',
  'chunk-overlap': '150',
  model: 'llama3.2',
  'chat-model': 'llama3.2',
  'embedding-model': 'nomic-embed-text',
  history: 'turns.json',
  sentences: '2',
};

/**
 * Stops a run that names an option taking a value but gives it none
 * (`ask "q" --k`, `--k --json`, `--k=`). yargs reads the value as "", which the
 * config check would report as `got ""` and `--history` would take for a file's name.
 *
 * Runs after yargs's checks, so that an unknown `--bogus=` is called unknown:
 * of the options left, only one that takes a value can hold "".
 *
 * @param parsed what yargs made of the command line
 * @param argv the command line as typed, to name the option as the user spelt it
 * @throws FootnoteError OPTION_VALUE_MISSING
 */
export function rejectMissingValues(parsed: Record<string, unknown>, argv: readonly string[]): void {
  const missing = typedOptions(argv).find((option) => parsed[option.name] === '');
  if (missing === undefined) return;
  const example = `${missing.spelling} ${EXAMPLE_VALUES[missing.name] ?? 'VALUE'}`;
  throw new FootnoteError('OPTION_VALUE_MISSING', { option: missing.spelling, example });
}
