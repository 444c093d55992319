import { Parser } from 'htmlparser2';
import type { DocumentHeading } from '../../shared/types.js';

/** The visible text of an HTML page, its `<title>`, if any, and where its `<h1>`–`<h6>` lines are. */
export interface HtmlText {
  text: string;
  title: string | null;
  headings: DocumentHeading[];
}

/** `h1` … `h6`, with the level as its group. */
const HEADING_ELEMENT = /^h([1-6])$/;

/** Elements whose content is never shown. */
const HIDDEN_ELEMENTS = new Set(['script', 'style', 'noscript', 'template', 'head']);

/** Elements that end a line but keep the next one in the same paragraph. */
const LINE_ELEMENTS = new Set(['br', 'li', 'dt', 'dd', 'option', 'caption', 'figcaption', 'summary']);

/**
 * Elements that stand apart as paragraphs: a blank line before and after. A
 * table row is one: the sentence splitter reads a single line break as
 * wrapping, so rows in one paragraph made one "sentence" of a whole table, and
 * an answer quoted the table instead of its row (DOCX rows are cut the same way).
 */
const PARAGRAPH_ELEMENTS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'details', 'dialog', 'div', 'dl',
  'fieldset', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header',
  'hr', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'table', 'tr', 'ul',
]);

/** Table cells sit on their row's line, separated by " | " as DOCX cells are. */
const CELL_ELEMENTS = new Set(['td', 'th']);

/**
 * Extracts the text a reader sees: hidden elements dropped, entities decoded, runs
 * of whitespace collapsed to one space, block elements on their own lines and
 * paragraphs separated by a blank line. `<pre>` keeps its whitespace. The page's
 * `<title>` is returned apart and is not in the text, as a browser shows it in the
 * tab and not on the page: each passage is searched and embedded under it (see
 * `passageHeading`), so in the text too it counted twice for the first passage.
 * A page with nothing but a title has it as its text, to be found at all.
 * Headings are listed with their place in the text, so passages get a
 * section as Markdown ones do; a heading nested in another is part of it.
 *
 * @example
 * extractHtmlText('<title>T</title><h2>A</h2><p>a &amp; b</p>')
 * // { text: 'A\n\na & b', title: 'T', headings: [{ start: 0, end: 1, level: 2, title: 'A' }] }
 */
export function extractHtmlText(html: string): HtmlText {
  const output = new TextBuilder();
  let hiddenDepth = 0;
  let preDepth = 0;
  let titleDepth = 0;
  let titleText = '';
  let title: string | null = null;
  // The outermost open <hN>: its level and how deep inside it we are.
  let heading: { level: number; depth: number } | null = null;
  const headingRanges: Omit<DocumentHeading, 'title'>[] = [];

  const parser = new Parser(
    {
      onopentag(name) {
        if (name === 'title') titleDepth++;
        else if (HIDDEN_ELEMENTS.has(name)) hiddenDepth++;
        else if (name === 'pre') preDepth++;
        output.breakFor(name);
        const level = HEADING_ELEMENT.exec(name)?.[1];
        if (heading !== null && level !== undefined) heading.depth++;
        else if (level !== undefined && titleDepth === 0) {
          heading = { level: Number(level), depth: 1 };
          output.markNextText();
        }
      },
      onclosetag(name) {
        if (name === 'title') {
          titleDepth = Math.max(0, titleDepth - 1);
          title ??= collapseWhitespace(titleText).trim() || null;
          titleText = '';
        } else if (HIDDEN_ELEMENTS.has(name)) hiddenDepth = Math.max(0, hiddenDepth - 1);
        else if (name === 'pre') preDepth = Math.max(0, preDepth - 1);
        if (heading !== null && HEADING_ELEMENT.test(name) && --heading.depth === 0) {
          const start = output.takeMark();
          if (start !== null) headingRanges.push({ start, end: output.length, level: heading.level });
          heading = null;
        }
        output.breakFor(name);
      },
      ontext(text) {
        if (titleDepth > 0) titleText += text;
        else if (hiddenDepth > 0) return;
        else if (preDepth > 0) output.addPreformatted(text);
        else output.addInline(collapseWhitespace(text));
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.end(html);

  const body = output.toString();
  if (body === '') return { text: title ?? '', title, headings: [] };
  return { text: body, title, headings: toHeadings(body, headingRanges) };
}

/** Heading ranges trimmed to their text (a `<pre>` inside may end in spaces), with their titles. */
function toHeadings(text: string, ranges: readonly Omit<DocumentHeading, 'title'>[]): DocumentHeading[] {
  return ranges.flatMap(({ start, end, level }) => {
    const shown = text.slice(start, Math.min(end, text.length));
    const title = collapseWhitespace(shown).trim();
    if (title === '') return [];
    const leading = shown.length - shown.trimStart().length;
    return [{ start: start + leading, end: start + shown.trimEnd().length, level, title }];
  });
}

/** HTML's whitespace (space, tab, LF, FF, CR) collapses to one space. */
function collapseWhitespace(text: string): string {
  return text.replace(/[ \t\n\f\r]+/g, ' ');
}

/**
 * Accumulates text with pending breaks, so that nested blocks give one break, and
 * no line starts or ends with a space and the text neither starts nor ends with a break.
 */
class TextBuilder {
  /**
   * The text so far, in pieces: trimming the end of one growing string copies
   * all of it each time (V8 flattens it first), which made an 8 MB page of
   * Node's API docs take 6 minutes to read instead of a second.
   */
  private readonly pieces: string[] = [];
  /** 0 none, 1 line break, 2 blank line: the largest pending break wins. */
  private pendingBreak: 0 | 1 | 2 = 0;
  private pendingSpace = false;
  /** A cell began or ended since the last text: the next text on this line is another cell. */
  private pendingCell = false;
  /** The text's length so far, kept as pieces come and go. */
  private textLength = 0;
  /** Whether the next text's start is to be recorded ({@link markNextText}), and where it was. */
  private marking = false;
  private mark: number | null = null;

  /** The length of the text so far: where text appended now (after any break) would end. */
  get length(): number {
    return this.textLength;
  }

  /** Records where the next text starts, after the break before it: see {@link takeMark}. */
  markNextText(): void {
    this.marking = true;
    this.mark = null;
  }

  /** Where the text after {@link markNextText} started, or null if none came; stops marking. */
  takeMark(): number | null {
    const mark = this.mark;
    this.marking = false;
    this.mark = null;
    return mark;
  }

  breakFor(element: string): void {
    if (PARAGRAPH_ELEMENTS.has(element)) this.pendingBreak = 2;
    else if (LINE_ELEMENTS.has(element)) this.pendingBreak = Math.max(this.pendingBreak, 1) as 1 | 2;
    else if (CELL_ELEMENTS.has(element)) this.pendingCell = true;
  }

  addInline(collapsed: string): void {
    // The same whitespace that trim() drops marks a space: U+00A0 and the other
    // Unicode spaces too. `Eleanor&nbsp;Whitcombe` reaches here as three text
    // nodes, and testing for ' ' alone joined the words into one.
    if (/^\s/.test(collapsed)) this.pendingSpace = true;
    const content = collapsed.trim();
    if (content !== '') this.append(content);
    if (content !== '' && /\s$/.test(collapsed)) this.pendingSpace = true;
  }

  addPreformatted(text: string): void {
    // As in browsers, a newline right after <pre> is not shown.
    const shown = this.pendingBreak > 0 ? text.replace(/^\r?\n/, '') : text;
    if (shown !== '') this.append(shown);
  }

  toString(): string {
    this.trimEnd();
    return this.pieces.join('');
  }

  private append(content: string): void {
    if (this.pieces.length > 0) {
      // Only <pre> content can end in whitespace; a break replaces it.
      if (this.pendingBreak > 0) this.trimEnd();
      if (this.pendingBreak === 2) this.push('\n\n');
      else if (this.pendingBreak === 1) this.push('\n');
      else if (this.pendingCell) this.push(' | ');
      else if (this.pendingSpace) this.push(' ');
    }
    if (this.marking && this.mark === null) this.mark = this.textLength;
    this.push(content);
    this.pendingBreak = 0;
    this.pendingSpace = false;
    this.pendingCell = false;
  }

  /** Drops trailing whitespace, from as many of the last pieces as it spans. */
  private trimEnd(): void {
    while (this.pieces.length > 0) {
      const piece = this.pieces.pop() as string;
      this.textLength -= piece.length;
      const trimmed = piece.trimEnd();
      if (trimmed !== '') {
        this.push(trimmed);
        return;
      }
    }
  }

  private push(piece: string): void {
    this.pieces.push(piece);
    this.textLength += piece.length;
  }
}
