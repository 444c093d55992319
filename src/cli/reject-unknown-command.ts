import { nearestKey } from '../config/nearest-key.js';
import { FootnoteError } from '../shared/errors.js';

/**
 * Stops `footnote frobnicate`: without a command yargs runs the chat, whose
 * strict check would call the word an "Unknown argument". Runs as middleware,
 * where `_` holds the command (when one matched) and then the leftover words.
 *
 * @param commands the names of footnote's commands (`index`, `ask`, …)
 * @throws FootnoteError UNKNOWN_COMMAND
 */
export function rejectUnknownCommand(parsed: { _?: readonly unknown[] }, commands: readonly string[]): void {
  const first = parsed._?.[0];
  if (first === undefined || commands.includes(String(first))) return;
  const word = String(first);
  throw new FootnoteError('UNKNOWN_COMMAND', {
    command: word,
    commands: commands.join(', '),
    suggestion: nearestKey(word, commands),
  });
}
