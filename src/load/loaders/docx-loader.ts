import type { DocumentHeading } from '../../shared/types.js';
import type { Loader } from './loader.js';

/**
 * Word documents, as their raw text: one paragraph per block, separated by a
 * blank line. A table row is one such block, its cells joined by `CELL_SEPARATOR`.
 * Paragraphs in Word's Heading 1–6 styles are listed as the document's headings.
 */
export const docxLoader: Loader = {
  format: 'docx',
  extensions: ['.docx'],
  async load(bytes) {
    // mammoth pulls in a zip and XML stack; load it only when a .docx turns up.
    const { default: mammoth } = await import('mammoth');
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    // extractRawText gives every table cell a paragraph of its own, which cut
    // `Stout sales | 9000 barrels` into a label and a number that were cited
    // apart. Its document tree is public only through transformDocument; the
    // tree is emptied there so that no HTML is rendered.
    const output: DocxText = { pieces: [], length: 0, headings: [] };
    await mammoth.convertToHtml({ buffer }, {
      transformDocument(document: DocxElement) {
        appendBlock(document, output);
        return { ...document, children: [] };
      },
    });
    const text = output.pieces.join('').trimEnd();
    return output.headings.length === 0 ? { ok: true, text } : { ok: true, text, headings: output.headings };
  },
};

/** Between the cells of a table row: a row stays one line, and reads as one in a quote. */
export const CELL_SEPARATOR = ' | ';

/** The part of mammoth's document element this loader reads. */
interface DocxElement {
  type: string;
  value?: string;
  children?: DocxElement[];
  /** A paragraph's style: `Heading1` and `heading 1` in English Word, a translated id elsewhere. */
  styleId?: string | null;
  styleName?: string | null;
}

/** The text as it is written, and where its headings went. */
interface DocxText {
  pieces: string[];
  length: number;
  headings: DocumentHeading[];
}

/**
 * Raw text as mammoth's extractRawText writes it, except that a table row is
 * one paragraph; a heading paragraph's place in the text is recorded.
 */
function appendBlock(element: DocxElement, output: DocxText): void {
  const push = (piece: string): void => {
    output.pieces.push(piece);
    output.length += piece.length;
  };
  switch (element.type) {
    case 'paragraph': {
      const text = childrenText(element);
      const level = headingLevel(element);
      const title = text.replace(/\s+/g, ' ').trim();
      if (level !== null && title !== '') {
        const start = output.length + (text.length - text.trimStart().length);
        output.headings.push({ start, end: output.length + text.trimEnd().length, level, title });
      }
      push(`${text}\n\n`);
      return;
    }
    case 'tableRow':
    case 'text':
    case 'tab':
      push(blockText(element));
      return;
    default:
      for (const child of element.children ?? []) appendBlock(child, output);
  }
}

/**
 * 1–6 for a paragraph in a Heading style. Word writes the built-in style's
 * English name (`heading 1`) into every document, whatever the language; a
 * file without a styles part has only the id (`Heading1`).
 */
function headingLevel(paragraph: DocxElement): number | null {
  const match = /^heading ?([1-6])$/i.exec(paragraph.styleName ?? paragraph.styleId ?? '');
  return match === null ? null : Number(match[1]);
}

/** Raw text as mammoth's extractRawText writes it, except that a table row is one paragraph. */
function blockText(element: DocxElement): string {
  switch (element.type) {
    case 'text':
      return element.value ?? '';
    case 'tab':
      return '\t';
    case 'paragraph':
      return `${childrenText(element)}\n\n`;
    case 'tableRow': {
      const cells = (element.children ?? []).map(cellText).filter((cell) => cell !== '');
      return cells.length === 0 ? '' : `${cells.join(CELL_SEPARATOR)}\n\n`;
    }
    default:
      return childrenText(element);
  }
}

function childrenText(element: DocxElement): string {
  return (element.children ?? []).map(blockText).join('');
}

/** A cell's paragraphs (and any table inside it) run together on the row's line. */
function cellText(cell: DocxElement): string {
  return childrenText(cell).replace(/\s*\n\s*/g, ' ').trim();
}
