import type { DocumentFormat } from '../shared/types.js';
import { splitBlocks } from './split-blocks.js';
import { isWhitespaceCode } from './text-span.js';

/**
 * What search reads of a passage: a Markdown passage as a reader sees it (see
 * {@link hideLinkTargets}), any other format as it is. The result has the
 * passage's length, lines and word order, so offsets into one are offsets
 * into the other and term positions stay those of the text that is quoted.
 *
 * @example
 * searchableText('[fix](https://x.io/a)', 'markdown'); // '[fix](              )'
 * searchableText('[fix](https://x.io/a)', 'text');     // '[fix](https://x.io/a)'
 */
export function searchableText(text: string, format: DocumentFormat): string {
  return format === 'markdown' ? hideLinkTargets(text) : text;
}

/** Where a link's target may start: an inline link's `](`, a full reference's `][`, a definition's `[`; or an HTML tag. */
const LINK_TARGET_CUE = /\]\(|\]\[|^ {0,3}\[|<\/?[A-Za-z]/m;
/** An inline HTML open or close tag (CommonMark 6.6), its attributes in group 1. */
const HTML_TAG = /<\/?[A-Za-z][A-Za-z0-9-]*((?:\s+[A-Za-z_:][\w.:-]*(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/g;
/** A tag with attributes that the passage's end cuts off: `<img src="https://x.io/lo`. */
const CUT_TAG = /<[A-Za-z][A-Za-z0-9-]*\s+[A-Za-z_:][\w.:-]*\s*=[^<>]*$/;
/** One attribute of a tag; the value, without quotes, in group 2, 3 or 4. */
const HTML_ATTRIBUTE = /([A-Za-z_:][\w.:-]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
/** An inline link's or image's `](`, or a full reference link's `][label]` (a collapsed `[]` hides nothing). */
const TARGET_OPENER = /\](?:\(|\[(?=[^\]\n]))/g;
/** A reference definition, `[label]: destination "title"`, alone on its line. */
const DEFINITION = /^ {0,3}\[(?:[^\]\\\n]|\\.)+\]:[ \t]*(?:<[^<>\n]*>|\S+)(?:[ \t]+(?:"[^"\n]*"|'[^'\n]*'|\([^()\n]*\)))?[ \t]*$/gm;
const BACKSLASH = 0x5c;
const OPEN_PAREN = 0x28;
const CLOSE_PAREN = 0x29;
/** A code span: a run of backticks, then anything up to a run of as many (CommonMark 6.1). */
const CODE_SPAN = /(?<!`)(`+)(?!`)[\s\S]*?(?<!`)\1(?!`)/g;

/**
 * Markdown with what a reader never sees of its links replaced by spaces: the
 * destination and title of inline links and images (`[text](url "title")`,
 * `![alt](src)`), the label of full reference links (`[text][label]`), and
 * reference definitions (`[label]: url`) whole, and inline HTML tags whole
 * but for an `alt` attribute's text. Link text, alt text and text between tags stay,
 * as do autolinks (`<https://x.io>`) and bare URLs, which are the text a
 * reader sees. Code blocks and code spans are left as written. Line breaks
 * stay, so the text keeps its length, its lines and its words' order.
 *
 * A changelog line `- fix reader ([abc1234](https://github.com/openai/openai-node/commit/abc1234))`
 * otherwise reads as `github com openai openai node commit` to search: every
 * such line matched "openai sdk", and crowded out the README that answers it.
 * A link cut by the passage's end (`[text](https://gith`) is hidden too.
 *
 * @example
 * hideLinkTargets('[fix](https://x.io/a "Fix") now'); // '[fix](                   ) now'
 * hideLinkTargets('[id]: https://x.io');                // '                  '
 */
export function hideLinkTargets(markdown: string): string {
  if (!LINK_TARGET_CUE.test(markdown)) return markdown;
  const hidden: [number, number][] = [];
  // A passage may end inside a link: what is left of its target is hidden too.
  const textEnd = markdown.trimEnd().length;
  for (const block of splitBlocks(markdown)) {
    if (block.kind === 'code' || block.kind === 'code-fragment') continue;
    if (!LINK_TARGET_CUE.test(block.text)) continue;
    const codeSpans = block.text.includes('`')
      ? [...block.text.matchAll(CODE_SPAN)].map((match) => [match.index, match.index + match[0].length] as const)
      : [];
    const inCode = (offset: number): boolean => codeSpans.some(([start, end]) => offset >= start && offset < end);
    const atTextEnd = block.end === textEnd;
    if (block.text.includes('<')) {
      for (const match of block.text.matchAll(HTML_TAG)) {
        if (!inCode(match.index)) hidden.push(...tagRanges(match, block.start));
      }
      // A passage may end inside a tag too (a sponsors line of badges runs long).
      const cut = atTextEnd ? CUT_TAG.exec(block.text) : null;
      if (cut !== null && !inCode(cut.index)) hidden.push([block.start + cut.index, block.end]);
    }
    if (block.kind === 'markup') continue;
    for (const match of block.text.matchAll(TARGET_OPENER)) {
      const open = match.index + match[0].length;
      if (inCode(match.index)) continue;
      const close = match[0] === '](' ? inlineTargetEnd(block.text, open, atTextEnd) : labelEnd(block.text, open, atTextEnd);
      if (close !== null) hidden.push([block.start + open, block.start + close]);
    }
    if (!block.text.includes(']:')) continue;
    for (const match of block.text.matchAll(DEFINITION)) {
      if (!inCode(match.index)) hidden.push([block.start + match.index, block.start + match.index + match[0].length]);
    }
  }
  return blank(markdown, hidden);
}

/**
 * The ranges of an inline HTML tag a reader never sees: all of it but the
 * text of an `alt` attribute. `<a href="https://github.com/…">` and badge
 * `<img src="…">` lines otherwise read as `href github com` to search.
 */
function tagRanges(tag: RegExpExecArray | RegExpMatchArray, blockStart: number): [number, number][] {
  const start = blockStart + tag.index!;
  const end = start + tag[0].length;
  const attributes = tag[1] ?? '';
  const attributesStart = start + tag[0].indexOf(attributes, 1);
  const ranges: [number, number][] = [];
  let from = start;
  for (const attribute of attributes.matchAll(HTML_ATTRIBUTE)) {
    const value = attribute[2] ?? attribute[3] ?? attribute[4];
    if (attribute[1]!.toLowerCase() !== 'alt' || value === undefined || value === '') continue;
    const valueStart = attributesStart + attribute.index + attribute[0].lastIndexOf(value);
    ranges.push([from, valueStart]);
    from = valueStart + value.length;
  }
  ranges.push([from, end]);
  return ranges;
}

/**
 * Where an inline link's destination and title end (the offset of its `)`),
 * given the offset after its `(`; null when what follows is no link target
 * (`[x](see below)`). At the end of a passage that ends inside it, the
 * passage's length.
 * @see https://spec.commonmark.org/0.31.2/#inline-link
 */
function inlineTargetEnd(text: string, open: number, atTextEnd: boolean): number | null {
  let i = skipSpace(text, open);
  if (text[i] === '<') {
    const end = text.indexOf('>', i);
    if (end === -1 || text.slice(i, end).includes('\n')) return null;
    i = end + 1;
  } else {
    let depth = 0;
    for (; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === BACKSLASH) i += 1;
      else if (code === OPEN_PAREN) depth += 1;
      else if (code === CLOSE_PAREN && depth-- === 0) break;
      else if (isWhitespaceCode(code)) break;
    }
  }
  const beforeTitle = i;
  i = skipSpace(text, i);
  const quote = text[i];
  if (i > beforeTitle && (quote === '"' || quote === "'" || quote === '(')) {
    const closing = quote === '(' ? ')' : quote;
    for (i += 1; i < text.length && text[i] !== closing; i++) if (text[i] === '\\') i += 1;
    i = skipSpace(text, i + 1);
  }
  if (i >= text.length) return atTextEnd ? text.length : null;
  return text[i] === ')' ? i : null;
}

/** Where a full reference link's label ends (the offset of its `]`), or at a passage's end, its length. */
function labelEnd(text: string, open: number, atTextEnd: boolean): number | null {
  const end = text.indexOf(']', open);
  if (end === -1) return atTextEnd && !text.includes('\n', open) ? text.length : null;
  return text.slice(open, end).includes('\n') ? null : end;
}

/** The offset after spaces and tabs and at most one line break from `offset`. */
function skipSpace(text: string, offset: number): number {
  let i = offset;
  while (text[i] === ' ' || text[i] === '\t') i++;
  if (text[i] === '\r') i++;
  if (text[i] === '\n') i++;
  while (text[i] === ' ' || text[i] === '\t') i++;
  return i;
}

/** `text` with every code unit in the ranges, except line breaks, made a space. */
function blank(text: string, ranges: readonly [number, number][]): string {
  if (ranges.length === 0) return text;
  let result = '';
  let at = 0;
  for (const [start, end] of [...ranges].sort((a, b) => a[0] - b[0])) {
    if (end <= at) continue;
    const from = Math.max(start, at);
    const hidden = text.slice(from, end);
    result += text.slice(at, from) + (/[\r\n]/.test(hidden) ? hidden.replace(/[^\r\n]/g, ' ') : ' '.repeat(hidden.length));
    at = end;
  }
  return result + text.slice(at);
}
