import JSZip from 'jszip';
import { PDFDocument, StandardFonts } from 'pdf-lib';

const PAGE_WIDTH = 612;
const PAGE_HEIGHT = 792;
const FONT_SIZE = 12;
const LINE_HEIGHT = 18;
const MARGIN = 72;

/**
 * Builds a PDF with one page per entry, each page given as its lines of text. Each
 * line is drawn on its own baseline, so pdf.js reads the lines back in order; an
 * empty string leaves its baseline empty, which sets paragraphs apart.
 * Standard Helvetica encodes only WinAnsi (Latin-1-like) characters.
 *
 * @example
 * const bytes = await makePdf([['Page one'], ['Page two', 'second line', '', 'next paragraph']]);
 */
export async function makePdf(pages: string[][]): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (const lines of pages) {
    const page = pdf.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
    lines.forEach((line, index) => {
      if (line === '') return;
      const y = PAGE_HEIGHT - MARGIN - index * LINE_HEIGHT;
      page.drawText(line, { x: MARGIN, y, size: FONT_SIZE, font });
    });
  }
  return pdf.save();
}

const CONTENT_TYPES_XML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
</Types>`;

const RELS_XML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>`;

/** A paragraph in Word's Heading `level` style (a style id only, as files without a styles part have). */
export interface DocxHeading {
  heading: number;
  text: string;
}

/**
 * Builds a minimal valid .docx with one block per entry: a string is a
 * paragraph, `{ heading, text }` a heading paragraph, an array of rows (each
 * an array of cell texts) is a table.
 *
 * @example
 * const bytes = await makeDocx([{ heading: 1, text: 'Sales' }, 'First paragraph.', [['Stout sales', '9000 barrels']]]);
 */
export async function makeDocx(blocks: (string | DocxHeading | string[][])[]): Promise<Uint8Array> {
  const paragraph = (text: string, style = ''): string =>
    `<w:p>${style}<w:r><w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r></w:p>`;
  const body = blocks
    .map((block) => typeof block === 'string'
      ? paragraph(block)
      : !Array.isArray(block)
      ? paragraph(block.text, `<w:pPr><w:pStyle w:val="Heading${block.heading}"/></w:pPr>`)
      : `<w:tbl>${block.map((row) => `<w:tr>${row.map((cell) => `<w:tc>${paragraph(cell)}</w:tc>`).join('')}</w:tr>`).join('')}</w:tbl>`)
    .join('');
  const documentXml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`;
  const zip = new JSZip();
  zip.file('[Content_Types].xml', CONTENT_TYPES_XML);
  zip.file('_rels/.rels', RELS_XML);
  zip.file('word/document.xml', documentXml);
  return zip.generateAsync({ type: 'uint8array' });
}

function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}
