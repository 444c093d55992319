import { Parser } from 'htmlparser2';

/** The visible text of an HTML page and its `<title>`, if any. */
export interface HtmlText {
  text: string;
  title: string | null;
}

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
 *
 * @example
 * extractHtmlText('<title>T</title><p>a &amp; b</p><p>c</p>')
 * // { text: 'a & b\n\nc', title: 'T' }
 */
export function extractHtmlText(html: string): HtmlText {
  const output = new TextBuilder();
  let hiddenDepth = 0;
  let preDepth = 0;
  let titleDepth = 0;
  let titleText = '';
  let title: string | null = null;

  const parser = new Parser(
    {
      onopentag(name) {
        if (name === 'title') titleDepth++;
        else if (HIDDEN_ELEMENTS.has(name)) hiddenDepth++;
        else if (name === 'pre') preDepth++;
        output.breakFor(name);
      },
      onclosetag(name) {
        if (name === 'title') {
          titleDepth = Math.max(0, titleDepth - 1);
          title ??= collapseWhitespace(titleText).trim() || null;
          titleText = '';
        } else if (HIDDEN_ELEMENTS.has(name)) hiddenDepth = Math.max(0, hiddenDepth - 1);
        else if (name === 'pre') preDepth = Math.max(0, preDepth - 1);
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
  return { text: body === '' && title !== null ? title : body, title };
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
      if (this.pendingBreak === 2) this.pieces.push('\n\n');
      else if (this.pendingBreak === 1) this.pieces.push('\n');
      else if (this.pendingCell) this.pieces.push(' | ');
      else if (this.pendingSpace) this.pieces.push(' ');
    }
    this.pieces.push(content);
    this.pendingBreak = 0;
    this.pendingSpace = false;
    this.pendingCell = false;
  }

  /** Drops trailing whitespace, from as many of the last pieces as it spans. */
  private trimEnd(): void {
    while (this.pieces.length > 0) {
      const trimmed = (this.pieces.pop() as string).trimEnd();
      if (trimmed !== '') {
        this.pieces.push(trimmed);
        return;
      }
    }
  }
}
