import { Box, Text, useInput, type Key } from 'ink';
import { useCallback, useRef, useState } from 'react';
import { useInputHistory } from '../hooks/use-input-history.js';
import { nextCodePoint, previousCodePoint } from '../format/code-point-boundary.js';

/** What the empty line suggests. */
export const INPUT_PLACEHOLDER = 'Ask a question, or /help';
const PROMPT = '› ';

/** Props of {@link InputLine}. */
export interface InputLineProps {
  /**
   * Called with the line on Enter. Return `false` to refuse it (the chat is
   * busy) and keep the text; otherwise the line is cleared.
   */
  onSubmit(value: string): boolean;
  /** Earlier lines, oldest first, for the up and down keys. */
  history: readonly string[];
  /** Ignore all keys and show `disabledText` (while indexing). */
  disabled?: boolean;
  disabledText?: string;
}

interface LineState {
  value: string;
  /** Cursor position in UTF-16 code units, 0..value.length. */
  cursor: number;
}

const EMPTY_LINE: LineState = { value: '', cursor: 0 };

/**
 * A one-line editor: typing, backspace, left and right, up and down through
 * earlier lines, Enter to submit. Keys arrive one at a time through `useInput`;
 * the line lives in a ref so keys that arrive before React re-renders still
 * see the latest text.
 */
export function InputLine({
  onSubmit,
  history,
  disabled = false,
  disabledText = 'please wait…',
}: InputLineProps) {
  const [line, setLine] = useState<LineState>(EMPTY_LINE);
  const lineRef = useRef(line);
  const propsRef = useRef({ onSubmit, disabled });
  propsRef.current = { onSubmit, disabled };
  const inputHistory = useInputHistory(history);

  const update = useCallback((next: LineState) => {
    lineRef.current = next;
    setLine(next);
  }, []);

  const handleInput = useCallback(
    (input: string, key: Key) => {
      if (propsRef.current.disabled || key.ctrl || key.meta || key.tab) return;
      const { value, cursor } = lineRef.current;
      const submit = (text: string): boolean => {
        if (!propsRef.current.onSubmit(text)) return false;
        inputHistory.reset();
        update(EMPTY_LINE);
        return true;
      };
      if (key.return) {
        submit(value);
        return;
      }
      if (key.upArrow || key.downArrow) {
        const recalled = inputHistory.browse(key.upArrow ? 'older' : 'newer', value);
        if (recalled !== null) update({ value: recalled, cursor: recalled.length });
        return;
      }
      if (key.leftArrow) return update({ value, cursor: previousCodePoint(value, cursor) });
      if (key.rightArrow) return update({ value, cursor: nextCodePoint(value, cursor) });
      if (key.home) return update({ value, cursor: 0 });
      if (key.end) return update({ value, cursor: value.length });
      // Terminals send DEL (0x7f) for the Backspace key, which Ink names `delete`.
      if (key.backspace || key.delete) {
        if (cursor === 0) return;
        const start = previousCodePoint(value, cursor);
        return update({ value: value.slice(0, start) + value.slice(cursor), cursor: start });
      }
      // A paste arrives as one string; a paste that ends in a newline submits.
      const endsLine = input.length > 1 && /[\r\n]$/.test(input);
      const typed = input.replace(/[\r\n]+$/, '').replace(/\r\n?|\n/g, ' ');
      const next = value.slice(0, cursor) + typed + value.slice(cursor);
      if (endsLine && submit(next)) return;
      if (typed === '') return;
      update({ value: next, cursor: cursor + typed.length });
    },
    [inputHistory, update],
  );
  useInput(handleInput);

  if (disabled) {
    return (
      <Text dimColor>
        {PROMPT}
        {disabledText}
      </Text>
    );
  }
  if (line.value === '') {
    return (
      <Text>
        <Text color="green">{PROMPT}</Text>
        <Text inverse>{INPUT_PLACEHOLDER.slice(0, 1)}</Text>
        <Text dimColor>{INPUT_PLACEHOLDER.slice(1)}</Text>
      </Text>
    );
  }
  const before = line.value.slice(0, line.cursor);
  const underEnd = nextCodePoint(line.value, line.cursor);
  const under = line.value.slice(line.cursor, underEnd);
  const after = line.value.slice(underEnd);
  return (
    <Box>
      <Text>
        <Text color="green">{PROMPT}</Text>
        {before}
        <Text inverse>{under === '' ? ' ' : under}</Text>
        {after}
      </Text>
    </Box>
  );
}
