import { createRequire } from 'node:module';
import path from 'node:path';
import { throwIfAborted } from '../../shared/errors.js';
import { dropRunningLines } from './drop-running-lines.js';
import { groupPdfLines, type PdfLine, type PdfTextItem } from './group-pdf-lines.js';
import { layoutPdfPage, measureLineSpacing } from './layout-pdf-page.js';
import type { Loader, LoaderResult } from './loader.js';
import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

type TextContentItem = Awaited<ReturnType<PDFPageProxy['getTextContent']>>['items'][number];

/** Separates the text of one page from the next. */
const PAGE_SEPARATOR = '\n\n';

/**
 * PDFs, as the text of each page in reading order, pages separated by a blank
 * line. Each page reads as it looks (see `layoutPdfPage`): paragraphs joined
 * and set apart, running headers and footers left out (see `dropRunningLines`).
 * `pageOffsets` records where each page starts so chunks can carry a page number.
 */
export const pdfLoader: Loader = {
  format: 'pdf',
  extensions: ['.pdf'],
  load: loadPdf,
};

async function loadPdf(
  bytes: Uint8Array,
  options: { signal?: AbortSignal },
): Promise<LoaderResult> {
  // pdf.js is large; importing it only when a PDF turns up keeps text-only runs fast.
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = getDocument({
    // pdf.js takes ownership of the buffer it is given, so hand it a copy.
    data: new Uint8Array(bytes),
    useSystemFonts: false,
    disableFontFace: true,
    isEvalSupported: false,
    verbosity: 0,
    // Local data files, read from disk: nothing is fetched from the network.
    ...pdfjsDataUrls(),
  });
  try {
    const pdf = await task.promise;
    const pages: PdfLine[][] = [];
    const boxes: { left: number; right: number }[] = [];
    for (let pageNumber = 1; pageNumber <= pdf.numPages; pageNumber++) {
      throwIfAborted(options.signal);
      const page = await pdf.getPage(pageNumber);
      const content = await page.getTextContent();
      pages.push(groupPdfLines(content.items.flatMap(toTextItem)));
      const [left = 0, , right = 0] = page.view;
      boxes.push({ left, right });
      page.cleanup();
    }
    // Headers go first: their distance from the body would skew the line spacing.
    const bodies = dropRunningLines(pages);
    const lineSpacing = measureLineSpacing(bodies);
    return joinPages(bodies.map((lines, index) => layoutPdfPage(lines, { lineSpacing, pageBox: boxes[index] })));
  } catch (error) {
    if (error instanceof Error && error.name === 'PasswordException') {
      return {
        ok: false,
        reason: 'loader-error',
        detail: 'the PDF is password-protected; save a copy without a password',
      };
    }
    throw error;
  } finally {
    await task.destroy();
  }
}

/** A pdf.js item in the layout's terms; marked-content markers carry no text. */
function toTextItem(item: TextContentItem): PdfTextItem[] {
  if (!('str' in item)) return [];
  const [, , c = 0, d = 0, x = 0, y = 0] = item.transform as number[];
  return [{ text: item.str, x, y, width: item.width, fontSize: Math.hypot(c, d), rightToLeft: item.dir === 'rtl' }];
}

function joinPages(pages: string[]): LoaderResult {
  if (pages.every((page) => page.trim() === '')) {
    return { ok: false, reason: 'empty', detail: 'no extractable text (scanned PDF?)' };
  }
  const pageOffsets: number[] = [];
  let offset = 0;
  for (const page of pages) {
    pageOffsets.push(offset);
    offset += page.length + PAGE_SEPARATOR.length;
  }
  return { ok: true, text: pages.join(PAGE_SEPARATOR), pageOffsets };
}

let dataUrls: { standardFontDataUrl: string; cMapUrl: string; cMapPacked: true; wasmUrl: string } | undefined;

/**
 * Folders of the installed pdfjs-dist package. In Node, pdf.js reads these with
 * `fs` (a path ending in a separator): standard fonts for PDFs that do not embed
 * theirs, CMaps for CJK text, and wasm image decoders.
 */
function pdfjsDataUrls(): NonNullable<typeof dataUrls> {
  if (dataUrls === undefined) {
    const require = createRequire(import.meta.url);
    const packageFolder = path.dirname(require.resolve('pdfjs-dist/package.json'));
    const folder = (name: string): string => path.join(packageFolder, name) + path.sep;
    dataUrls = {
      standardFontDataUrl: folder('standard_fonts'),
      cMapUrl: folder('cmaps'),
      cMapPacked: true,
      wasmUrl: folder('wasm'),
    };
  }
  return dataUrls;
}
