import { checkExhaustive } from '../shared/check-exhaustive.js';
import { isAtxHeadingLine } from './markdown-sections.js';
import { trimRange, type TextSpan } from './text-span.js';

/**
 * What a block of text is, as Markdown (and plain-text docs that borrow its
 * conventions) lays it out. `code-fragment` is a fenced code block the text
 * starts or ends inside of, so only part of it is there.
 */
export type BlockKind = 'prose' | 'list-item' | 'table-row' | 'code' | 'code-fragment' | 'heading' | 'markup';

/** A block of a text: `text === source.slice(start, end)`, trimmed of surrounding whitespace. */
export interface TextBlock extends TextSpan {
  kind: BlockKind;
}

/** Three or more backticks or tildes, with an optional info string (`js`). */
const FENCE = /^\s*(`{3,}|~{3,})\s*(\S?)/;
const SETEXT_UNDERLINE = /^ {0,3}(?:=+|-{2,})[ \t]*$/;
const THEMATIC_BREAK = /^ {0,3}(?:(?:\*[ \t]*){3,}|(?:_[ \t]*){3,}|(?:-[ \t]*){3,})$/;
/** A bullet, or a number with `.` or `)`, then a space and the item's text. */
const LIST_ITEM = /^\s*(?:[-*+]|(\d{1,9})[.)])[ \t]+\S/;
const TABLE_ROW = /^\s*\|/;
/** A line of HTML tags or comments alone (`<p align="center">`, `<!-- prettier-ignore -->`). */
const MARKUP_LINE = /^\s*(?:<[^>]*>\s*)+$/;

interface Line {
  start: number;
  end: number;
  text: string;
}

/**
 * Splits a passage into its blocks: paragraphs, list items, table rows,
 * fenced code blocks (whole, blank lines and all), headings and lines of
 * markup. ICU's sentence breaks know none of these: a list whose items do not
 * end in a full stop, a table, or the code after "like so:" all read to it as
 * one sentence, so an answer would quote half a fence or three list items as
 * one. Runs on any text: plain-text docs use the same bullets and underlines.
 *
 * @example
 * splitBlocks('Options:\n- a: one.\n- b: two.').map((b) => [b.kind, b.text]);
 * // [['prose', 'Options:'], ['list-item', '- a: one.'], ['list-item', '- b: two.']]
 */
export function splitBlocks(text: string): TextBlock[] {
  const lines = splitLines(text);
  const blocks: TextBlock[] = [];
  let current: { kind: BlockKind; start: number; end: number } | null = null;
  const close = (): void => {
    if (current === null) return;
    const range = trimRange(text, current.start, current.end);
    if (range !== null) blocks.push({ kind: current.kind, ...range, text: text.slice(range.start, range.end) });
    current = null;
  };
  const open = (kind: BlockKind, line: Line): void => {
    close();
    current = { kind, start: line.start, end: line.end };
  };
  // The fence character of the code block we are in, or '' when the text opened inside one.
  let fence: string | null = startsInsideCode(lines) ? '' : null;
  if (fence !== null) current = { kind: 'code-fragment', start: 0, end: 0 };
  for (const line of lines) {
    if (fence !== null) {
      current!.end = line.end;
      const match = FENCE.exec(line.text);
      if (match !== null && match[2] === '' && match[1]!.startsWith(fence)) {
        fence = null;
        close();
      }
      continue;
    }
    const kind = classifyLine(line.text, current?.kind ?? null);
    switch (kind) {
      case 'blank':
        close();
        break;
      case 'fence':
        open('code-fragment', line);
        fence = FENCE.exec(line.text)![1]!.charAt(0);
        break;
      case 'underline':
        current!.kind = 'heading';
        current!.end = line.end;
        close();
        break;
      case 'continuation':
        current!.end = line.end;
        break;
      case 'prose':
      case 'list-item':
      case 'table-row':
      case 'heading':
      case 'markup':
        open(kind, line);
        // Rows, headings and markup are one line each; prose and items run on.
        if (kind !== 'prose' && kind !== 'list-item') close();
        break;
      default:
        checkExhaustive(kind);
    }
  }
  // A fence still open at the end: the passage stops inside the code.
  close();
  for (const block of blocks) if (block.kind === 'code-fragment' && isClosedFence(block.text)) block.kind = 'code';
  return blocks;
}

type LineKind = Exclude<BlockKind, 'code' | 'code-fragment'> | 'blank' | 'fence' | 'underline' | 'continuation';

/** What a line outside code does, given the kind of block it follows (null after a blank line). */
function classifyLine(line: string, previous: BlockKind | null): LineKind {
  if (line.trim() === '') return 'blank';
  if (FENCE.test(line)) return 'fence';
  if (isAtxHeadingLine(line)) return 'heading';
  if (previous === 'prose' && SETEXT_UNDERLINE.test(line)) return 'underline';
  if (THEMATIC_BREAK.test(line)) return 'markup';
  const item = LIST_ITEM.exec(line);
  // A number opens a list inside a paragraph only as `1.` (as in CommonMark),
  // so a wrapped line that starts with "1990. Then" stays in its sentence.
  if (item !== null && (item[1] === undefined || previous !== 'prose' || item[1] === '1')) return 'list-item';
  if (TABLE_ROW.test(line)) return 'table-row';
  if (MARKUP_LINE.test(line)) return 'markup';
  return previous === 'prose' || previous === 'list-item' ? 'continuation' : 'prose';
}

/**
 * True when the text begins inside a fenced code block (a chunk cut it in
 * two). Fences pair up as opener and closer, and only an opener may carry an
 * info string: if pairing from the first fence would make a fence with one a
 * closer, the first fence closes code begun before the text. An odd count of
 * bare fences is ambiguous; starting inside is the likelier cut, as a chunk
 * ends at a paragraph more often than it starts at one.
 */
function startsInsideCode(lines: readonly Line[]): boolean {
  const fences = lines.flatMap((line) => {
    const match = FENCE.exec(line.text);
    return match === null ? [] : [match[2] !== ''];
  });
  if (fences.length === 0 || fences[0] === true) return false;
  if (fences.some((hasInfo, index) => hasInfo && index % 2 === 1)) return true;
  return fences.length % 2 === 1;
}

/** True when a block that opened with a fence also ends with one. */
function isClosedFence(block: string): boolean {
  const lines = block.split(/\r\n|\n|\r/);
  return lines.length > 1 && FENCE.test(lines[0]!) && /^\s*(`{3,}|~{3,})\s*$/.test(lines[lines.length - 1]!);
}

/** The lines of `text` with their offsets (the end excludes the line break). */
function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  const lineBreak = /\r\n|\n|\r/g;
  let start = 0;
  for (let match = lineBreak.exec(text); match !== null; match = lineBreak.exec(text)) {
    lines.push({ start, end: match.index, text: text.slice(start, match.index) });
    start = match.index + match[0].length;
  }
  lines.push({ start, end: text.length, text: text.slice(start) });
  return lines;
}
