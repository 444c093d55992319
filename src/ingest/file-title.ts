import { listMarkdownHeadings } from '../chunk/markdown-sections.js';
import { titleFromFileName } from '../shared/file-name-title.js';
import type { LoadedDocument } from '../shared/types.js';

/**
 * A file's document with a title: its own, or else one made from its file
 * name (see `titleFromFileName`), so that a question naming the file ("what
 * does the q3 report say…") finds its passages by keywords and by meaning.
 * The order is MkDocs' and Docusaurus': a title the document states, then its
 * file name. A document states one in an HTML `<title>` (set by the loader)
 * or, in Markdown, with a one-line `title:` in its YAML front matter or a
 * first heading that is its only H1 (markdownlint's MD025 reads a single H1 as
 * the title). That H1 already opens the trail of every passage beneath it, so
 * such a file is left without a title rather than given it twice.
 *
 * PDF Title and DOCX dc:title metadata are not read: they are often left from
 * a template or written by the converter ("Microsoft Word - doc1.docx",
 * "Slide 1"), and only a list of such defaults could filter them out.
 *
 * @example
 * withFileTitle({ source: 'reports/2024-q3-report.txt', format: 'text', text: '…', pageOffsets: null });
 * // { …, title: '2024 q3 report' }
 */
export function withFileTitle(document: LoadedDocument): LoadedDocument {
  if (document.title !== undefined) return document;
  if (document.format === 'markdown') {
    if (hasTitleHeading(document.text)) return document;
    const stated = frontMatterTitle(document.text);
    if (stated !== null) return { ...document, title: stated };
  }
  const title = titleFromFileName(document.source);
  return title === null ? document : { ...document, title };
}

/** True when the first heading is the only H1 (`# Guide`, or `Guide` over `===`). */
function hasTitleHeading(text: string): boolean {
  const [first, ...rest] = listMarkdownHeadings(text);
  return first?.level === 1 && first.title !== '' && rest.every((heading) => heading.level > 1);
}

/** A YAML front matter block at the very top: `---`, its lines, then `---` or `...`. */
const FRONT_MATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;
/** `title: Harbor guide`, optionally quoted; a block scalar (`title: >`) is not read. */
const TITLE_LINE = /^title:[ \t]*(?:"([^"\r\n]*)"|'([^'\r\n]*)'|([^\s>|"'][^\r\n]*?))[ \t]*$/m;

/** The `title:` of the front matter (Jekyll, Hugo, MkDocs, Docusaurus), or null. */
function frontMatterTitle(text: string): string | null {
  const block = FRONT_MATTER.exec(text)?.[1];
  const match = block === undefined ? null : TITLE_LINE.exec(block);
  const title = (match?.[1] ?? match?.[2] ?? match?.[3] ?? '').trim();
  return title === '' ? null : title;
}
