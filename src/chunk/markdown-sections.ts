/** A Markdown heading: where its first line starts, its level (1–6) and its plain text. */
export interface MarkdownHeading {
  /** UTF-16 offset of the start of the heading's first line. */
  offset: number;
  level: number;
  title: string;
}

/** `# Title`, up to six #'s, with an optional closing run of #'s (CommonMark ATX headings). */
const ATX_HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t]*$/;

/** True when `text` is one ATX heading line (`## Linux`): a label, never a sentence worth quoting. */
export function isAtxHeadingLine(text: string): boolean {
  return !/[\r\n]/.test(text) && ATX_HEADING.test(text);
}
const ATX_CLOSING = /(?:^|[ \t]+)#+$/;
/** The underline of a setext heading: `===` (level 1) or `---` (level 2). */
const SETEXT_UNDERLINE = /^ {0,3}(=+|-+)[ \t]*$/;
/** A code fence's opening: three or more backticks or tildes. */
const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})/;
/** Lines that start a block a setext underline cannot turn into a heading. */
const NOT_A_PARAGRAPH = /^ {0,3}(?:[-*+][ \t]|\d{1,9}[.)][ \t]|>|\|)|^(?: {4}|\t)/;

/**
 * The ATX and setext headings of a Markdown text, in order. Lines inside
 * fenced code blocks (``` and ~~~, closed by a fence of the same character at
 * least as long, or running to the end) and a leading YAML front matter block
 * are not read, so a `# comment` in a shell example is no heading.
 */
export function listMarkdownHeadings(text: string): MarkdownHeading[] {
  const lines = splitLines(text);
  const headings: MarkdownHeading[] = [];
  let index = skipFrontMatter(lines);
  let fence: string | null = null;
  // The paragraph a setext underline would turn into a heading: its first line.
  let paragraphStart: number | null = null;
  for (; index < lines.length; index++) {
    const { offset, line } = lines[index]!;
    if (fence !== null) {
      if (closesFence(line, fence)) fence = null;
      continue;
    }
    const opening = FENCE_OPEN.exec(line);
    // A backtick fence's info string may not hold backticks (CommonMark 4.5).
    if (opening !== null && !(opening[1]!.startsWith('`') && line.slice(opening[0].length).includes('`'))) {
      fence = opening[1]!;
      paragraphStart = null;
      continue;
    }
    const atx = ATX_HEADING.exec(line);
    if (atx !== null) {
      headings.push({ offset, level: atx[1]!.length, title: cleanTitle((atx[2] ?? '').replace(ATX_CLOSING, '')) });
      paragraphStart = null;
      continue;
    }
    const underline = SETEXT_UNDERLINE.exec(line);
    if (underline !== null && paragraphStart !== null) {
      const title = lines.slice(paragraphStart, index).map((entry) => entry.line).join(' ');
      headings.push({
        offset: lines[paragraphStart]!.offset,
        level: underline[1]!.startsWith('=') ? 1 : 2,
        title: cleanTitle(title),
      });
      paragraphStart = null;
      continue;
    }
    if (line.trim() === '') paragraphStart = null;
    else if (paragraphStart === null && !NOT_A_PARAGRAPH.test(line)) paragraphStart = index;
  }
  return headings;
}

interface Line {
  offset: number;
  line: string;
}

/** The lines of `text` with their start offsets; CRLF, LF and CR all end a line. */
function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  const lineBreak = /\r\n|\n|\r/g;
  let start = 0;
  for (let match = lineBreak.exec(text); match !== null; match = lineBreak.exec(text)) {
    lines.push({ offset: start, line: text.slice(start, match.index) });
    start = match.index + match[0].length;
  }
  lines.push({ offset: start, line: text.slice(start) });
  return lines;
}

/** The index of the first line after a YAML front matter block (`---` … `---` or `...`), or 0 without one. */
function skipFrontMatter(lines: readonly Line[]): number {
  if (lines[0]?.line.trimEnd() !== '---') return 0;
  for (let index = 1; index < lines.length; index++) {
    const line = lines[index]!.line.trimEnd();
    if (line === '---' || line === '...') return index + 1;
  }
  // Never closed: a thematic break at the top, not front matter.
  return 0;
}

function closesFence(line: string, fence: string): boolean {
  const trimmed = line.replace(/^ {0,3}/, '').trimEnd();
  return trimmed.length >= fence.length && /^(`+|~+)$/.test(trimmed) && trimmed[0] === fence[0];
}

/**
 * A heading's text as a reader sees it: links by their text; no images, HTML
 * tags, code or emphasis marks. Images go first and whole: a README's
 * `# p-queue [![Build Status](…svg)](…)` is titled `p-queue`, not with the
 * badges' alt texts and the URL left over when a link wraps an image, words
 * that every passage of the file would otherwise be searched under.
 */
function cleanTitle(raw: string): string {
  return raw
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    // HTML tags (lowercase names), but not inside code spans: `<Static>` names a component.
    .replace(/(`+)[\s\S]*?\1|<\/?[a-z][a-z0-9-]*(?:\s[^>]*)?\/?>/g, (match, ticks?: string) => (ticks ? match : ''))
    .replace(/`+/g, '')
    .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, '$2')
    .replace(/(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}
