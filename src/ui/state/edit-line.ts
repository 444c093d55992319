import { checkExhaustive } from '../../shared/check-exhaustive.js';
import { nextCodePoint, previousCodePoint } from '../../text/code-point-boundary.js';

/** The input line being edited. */
export interface LineState {
  value: string;
  /** Cursor position in UTF-16 code units, 0..value.length, never inside a surrogate pair. */
  cursor: number;
}

/** An empty line. */
export const EMPTY_LINE: LineState = { value: '', cursor: 0 };

/** An editing key, readline style. */
export type LineEdit =
  | { type: 'insert'; text: string }
  | { type: 'delete-before' }
  | { type: 'delete-after' }
  | { type: 'delete-word-before' }
  | { type: 'delete-to-start' }
  | { type: 'delete-to-end' }
  | { type: 'move-left' }
  | { type: 'move-right' }
  | { type: 'move-word-left' }
  | { type: 'move-word-right' }
  | { type: 'move-home' }
  | { type: 'move-end' };

/**
 * Applies one edit to the line; pure. Moves and deletions step over whole code
 * points, so an emoji or a rare CJK character is never split in half.
 *
 * @example
 * editLine({ value: 'one two', cursor: 7 }, { type: 'delete-word-before' })
 * // → { value: 'one ', cursor: 4 }
 */
export function editLine(line: LineState, edit: LineEdit): LineState {
  const { value, cursor } = line;
  switch (edit.type) {
    case 'insert':
      return {
        value: value.slice(0, cursor) + edit.text + value.slice(cursor),
        cursor: cursor + edit.text.length,
      };
    case 'delete-before':
      return removeRange(line, previousCodePoint(value, cursor), cursor);
    case 'delete-after':
      return removeRange(line, cursor, nextCodePoint(value, cursor));
    case 'delete-word-before':
      return removeRange(line, previousWordStart(value, cursor), cursor);
    case 'delete-to-start':
      return removeRange(line, 0, cursor);
    case 'delete-to-end':
      return removeRange(line, cursor, value.length);
    case 'move-left':
      return { value, cursor: previousCodePoint(value, cursor) };
    case 'move-right':
      return { value, cursor: nextCodePoint(value, cursor) };
    case 'move-word-left':
      return { value, cursor: previousWordStart(value, cursor) };
    case 'move-word-right':
      return { value, cursor: nextWordEnd(value, cursor) };
    case 'move-home':
      return { value, cursor: 0 };
    case 'move-end':
      return { value, cursor: value.length };
    default:
      return checkExhaustive(edit);
  }
}

function removeRange(line: LineState, from: number, to: number): LineState {
  if (from >= to) return line;
  return { value: line.value.slice(0, from) + line.value.slice(to), cursor: from };
}

/** Start of the word before the cursor, skipping the spaces just before it (Ctrl+W). */
function previousWordStart(value: string, cursor: number): number {
  let index = cursor;
  while (index > 0 && /\s/.test(value.charAt(index - 1))) index--;
  while (index > 0 && !/\s/.test(value.charAt(index - 1))) index--;
  return index;
}

function nextWordEnd(value: string, cursor: number): number {
  let index = cursor;
  while (index < value.length && /\s/.test(value.charAt(index))) index++;
  while (index < value.length && !/\s/.test(value.charAt(index))) index++;
  return index;
}
