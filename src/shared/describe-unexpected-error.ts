import { terminalSafeName } from './terminal-safe.js';

/**
 * The most characters of an unexpected error's message shown: enough for any
 * message written for people, short of a response body or a minified source
 * line that a library put in its message (100 KB on one line floods a terminal).
 */
export const MAX_UNEXPECTED_ERROR_CHARS = 300;

/**
 * An error footnote has no entry for, in one line for `error:` (the CLI) or
 * the chat: `unexpected error: ` and the message's first line, cut to
 * `MAX_UNEXPECTED_ERROR_CHARS` characters with an ellipsis, controls shown.
 *
 * @example
 * describeUnexpectedError(new Error('boom\n    at x')); // 'unexpected error: boom'
 */
export function describeUnexpectedError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const firstLine = message.split('\n', 1)[0] ?? '';
  return `unexpected error: ${terminalSafeName(cutToLength(firstLine, MAX_UNEXPECTED_ERROR_CHARS))}`;
}

/** `text` cut to at most `most` characters (code points, so no emoji is halved), the last one an ellipsis. */
function cutToLength(text: string, most: number): string {
  if (text.length <= most) return text;
  // 2 × most + 1 code units hold more than `most` code points whenever the text does.
  const characters = Array.from(text.slice(0, most * 2 + 1));
  return characters.length <= most ? text : `${characters.slice(0, most - 1).join('')}…`;
}
