import type { Loader } from './loader.js';

/**
 * Word documents, as their raw text: one paragraph per block, separated by a
 * blank line. A table row is one such block, its cells joined by `CELL_SEPARATOR`.
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
    let text = '';
    await mammoth.convertToHtml({ buffer }, {
      transformDocument(document: DocxElement) {
        text = blockText(document);
        return { ...document, children: [] };
      },
    });
    return { ok: true, text: text.trimEnd() };
  },
};

/** Between the cells of a table row: a row stays one line, and reads as one in a quote. */
export const CELL_SEPARATOR = ' | ';

/** The part of mammoth's document element this loader reads. */
interface DocxElement {
  type: string;
  value?: string;
  children?: DocxElement[];
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
