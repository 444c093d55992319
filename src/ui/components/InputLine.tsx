import { Box, Text, useInput, type Key } from 'ink';
import { useCallback, useImperativeHandle, useRef, useState, type Ref } from 'react';
import { plural } from '../../shared/plural.js';
import { fitInputRows } from '../format/fit-input-rows.js';
import { useInputHistory } from '../hooks/use-input-history.js';
import { useTerminalRows } from '../hooks/use-terminal-rows.js';
import { useTerminalWidth } from '../hooks/use-terminal-width.js';
import { useRawInput, type RawInput } from '../hooks/use-raw-input.js';
import { editLine, EMPTY_LINE, type LineEdit, type LineState } from '../state/edit-line.js';
import { useColor } from '../terminal-context.js';

/** What the empty line suggests. */
export const INPUT_PLACEHOLDER = 'Ask a question, or /help';
const PROMPT = '› ';

/** What the chat can do to the input line from outside. */
export interface InputLineHandle {
  /**
   * Puts `text` back on the line, before whatever is typed there now (which
   * was typed after it), so that nothing is lost; the cursor goes to the end.
   */
  putBack(text: string): void;
}

/** Props of {@link InputLine}. */
export interface InputLineProps {
  /**
   * Called with the line on Enter. Return `false` to refuse it and keep the
   * text; otherwise the line is cleared.
   */
  onSubmit(value: string): boolean;
  /** Ctrl+D on an empty line: the user wants to leave. */
  onEndOfInput?(): void;
  /** Earlier lines, oldest first, for the up and down keys. */
  history: readonly string[];
  /** What the empty line suggests; defaults to {@link INPUT_PLACEHOLDER}. */
  placeholder?: string;
  /** The chat's hold on the line, to put queued lines back in it on Ctrl+C. */
  ref?: Ref<InputLineHandle>;
}

/**
 * The input line, with readline's keys: ← → Home End (Ctrl+A, Ctrl+E),
 * Backspace and Delete, Ctrl+W, Ctrl+U, Ctrl+K, Alt+← → by word, ↑ ↓ through
 * earlier lines, Enter to submit. A pasted block keeps its line breaks and
 * stays one question: with bracketed paste nothing is sent until Enter;
 * without it, a paste ending in a line break is sent whole. The line lives
 * in a ref so keys that arrive before React re-renders see the latest text.
 */
export function InputLine({
  onSubmit,
  onEndOfInput,
  history,
  placeholder = INPUT_PLACEHOLDER,
  ref,
}: InputLineProps) {
  const color = useColor();
  const columns = useTerminalWidth();
  const rows = useTerminalRows();
  // Half the screen at most: Ink reprints the whole conversation on every key
  // once its live region is as tall as the terminal, and the answer needs room too.
  const maxRows = rows === undefined ? undefined : Math.max(2, Math.floor(rows / 2) - 2);
  const [line, setLine] = useState<LineState>(EMPTY_LINE);
  const lineRef = useRef(line);
  const propsRef = useRef({ onSubmit, onEndOfInput });
  propsRef.current = { onSubmit, onEndOfInput };
  const inputHistory = useInputHistory(history);
  const rawRef = useRawInput();

  const update = useCallback((next: LineState) => {
    lineRef.current = next;
    setLine(next);
  }, []);

  useImperativeHandle(
    ref,
    () => ({
      putBack: (text) => {
        const value = [text, lineRef.current.value].filter((part) => part !== '').join('\n');
        inputHistory.reset();
        update({ value, cursor: value.length });
      },
    }),
    [inputHistory, update],
  );

  const handleInput = useCallback(
    (input: string, key: Key) => {
      const raw = rawRef.current;
      if (raw.marker || key.tab) return;
      const current = lineRef.current;
      const edit = (change: LineEdit): void => update(editLine(current, change));
      const submit = (text: string): boolean => {
        if (!propsRef.current.onSubmit(text)) return false;
        inputHistory.reset();
        update(EMPTY_LINE);
        return true;
      };
      if (key.ctrl) {
        if (input === 'd' && current.value === '') return propsRef.current.onEndOfInput?.();
        const change = CTRL_EDITS[input];
        if (change !== undefined) edit(change);
        else if (key.leftArrow) edit({ type: 'move-word-left' });
        else if (key.rightArrow) edit({ type: 'move-word-right' });
        return;
      }
      if (key.meta && !key.upArrow && !key.downArrow) {
        if (input === 'b' || key.leftArrow) edit({ type: 'move-word-left' });
        else if (input === 'f' || key.rightArrow) edit({ type: 'move-word-right' });
        else if (key.backspace || key.delete) edit({ type: 'delete-word-before' });
        return;
      }
      if (key.return) {
        if (raw.pasting) edit({ type: 'insert', text: '\n' });
        else submit(current.value);
        return;
      }
      if (key.upArrow || key.downArrow) {
        const recalled = inputHistory.browse(key.upArrow ? 'older' : 'newer', current.value);
        if (recalled !== null) update({ value: recalled, cursor: recalled.length });
        return;
      }
      if (key.leftArrow) return edit({ type: 'move-left' });
      if (key.rightArrow) return edit({ type: 'move-right' });
      if (key.home) return edit({ type: 'move-home' });
      if (key.end) return edit({ type: 'move-end' });
      if (key.backspace || key.delete) {
        return edit({ type: raw.forwardDelete ? 'delete-after' : 'delete-before' });
      }
      typeText(input, raw, current, update, submit);
    },
    [inputHistory, update, rawRef],
  );
  useInput(handleInput);

  const prompt = <Text color={color('prompt')}>{PROMPT}</Text>;
  if (line.value === '') {
    // A hint, not input: cut at the edge so the input line stays one row tall.
    return (
      <Text wrap="truncate-end">
        {prompt}
        <Text inverse>{placeholder.slice(0, 1)}</Text>
        <Text dimColor>{placeholder.slice(1)}</Text>
      </Text>
    );
  }
  const shown = maxRows === undefined ? null : fitInputRows(line.value, line.cursor, columns - PROMPT.length, maxRows);
  if (shown !== null && (shown.rowsAbove > 0 || shown.rowsBelow > 0)) {
    const hidden = [
      shown.rowsAbove > 0 ? `↑ ${plural(shown.rowsAbove, 'more line', 'more lines')}` : '',
      shown.rowsBelow > 0 ? `↓ ${plural(shown.rowsBelow, 'more line', 'more lines')}` : '',
    ];
    return (
      <Box flexDirection="column">
        <Text wrap="truncate-end">
          {prompt}
          <Text dimColor>{hidden.filter((part) => part !== '').join(' · ')}</Text>
        </Text>
        <Box paddingLeft={PROMPT.length}>
          <EditedText value={shown.text} cursor={shown.cursor} />
        </Box>
      </Box>
    );
  }
  return (
    <Box>
      <Box flexShrink={0}>{prompt}</Box>
      <Box flexShrink={1}>
        <EditedText value={line.value} cursor={line.cursor} />
      </Box>
    </Box>
  );
}

/** The text of the line with the cursor drawn as an inverse cell. */
function EditedText({ value, cursor }: { value: string; cursor: number }) {
  const before = value.slice(0, cursor);
  const under = String.fromCodePoint(value.codePointAt(cursor) ?? 0x20);
  const after = value.slice(cursor + (cursor < value.length ? under.length : 0));
  return (
    <Text>
      {before}
      {/* A cursor on a line break shows as a space at the end of its line. */}
      <Text inverse>{under === '\n' ? ' ' : under}</Text>
      {under === '\n' ? '\n' : ''}
      {after}
    </Text>
  );
}

/** Ctrl+key edits, readline style (Ctrl+D on a non-empty line deletes forward). */
const CTRL_EDITS: Partial<Record<string, LineEdit>> = {
  a: { type: 'move-home' },
  e: { type: 'move-end' },
  b: { type: 'move-left' },
  f: { type: 'move-right' },
  d: { type: 'delete-after' },
  h: { type: 'delete-before' },
  w: { type: 'delete-word-before' },
  u: { type: 'delete-to-start' },
  k: { type: 'delete-to-end' },
};

/**
 * Typed or pasted text. Line breaks are kept (a pasted block stays one
 * question). Outside a bracketed paste, text that ends in a line break was
 * typed (or pasted) faster than keys arrive one by one, and is sent. Control
 * keys that arrived in the same chunk (a fast Ctrl+U, say) still edit rather
 * than landing in the line as invisible characters.
 */
function typeText(
  input: string,
  raw: RawInput,
  current: LineState,
  update: (line: LineState) => void,
  submit: (text: string) => boolean,
): void {
  const text = input.replace(/\r\n?/g, '\n');
  const endsLine = !raw.pasting && text.length > 1 && text.endsWith('\n');
  const typed = endsLine ? text.replace(/\n+$/, '') : text;
  let line = current;
  let run = '';
  const flush = (): void => {
    if (run !== '') line = editLine(line, { type: 'insert', text: run });
    run = '';
  };
  for (const character of typed) {
    const code = character.charCodeAt(0);
    const isControl = (code < 0x20 && character !== '\n' && character !== '\t') || code === 0x7f;
    if (!isControl) {
      run += character;
      continue;
    }
    flush();
    const edit: LineEdit | undefined =
      code === 0x7f ? { type: 'delete-before' } : CTRL_EDITS[String.fromCharCode(code + 0x60)];
    if (edit !== undefined) line = editLine(line, edit);
  }
  flush();
  if (endsLine && submit(line.value)) return;
  if (line !== current) update(line);
}
