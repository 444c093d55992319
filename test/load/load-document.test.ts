import { describe, expect, it } from 'vitest';
import {
  MAX_FILE_BYTES,
  SUPPORTED_EXTENSIONS,
  loadDocument,
  skipTooLarge,
} from '../../src/load/load-document.js';
import { makeDocx, makePdf } from '../helpers/make-fixtures.js';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('loadDocument', () => {
  it('loads a text file as a document with the source and format', async () => {
    expect(await loadDocument('notes/a.txt', utf8('hello\n'))).toEqual({
      kind: 'document',
      document: { source: 'notes/a.txt', format: 'text', text: 'hello\n', pageOffsets: null },
    });
  });

  it.each([
    ['a.TXT', 'text'],
    ['a.text', 'text'],
    ['a.md', 'markdown'],
    ['a.Markdown', 'markdown'],
    ['a.mdx', 'markdown'],
    ['a.htm', 'html'],
    ['a.HTML', 'html'],
  ])('chooses the loader for %s by its lowercase extension', async (source, format) => {
    const outcome = await loadDocument(source, utf8('<p>x</p>'));
    expect(outcome.kind === 'document' && outcome.document.format).toBe(format);
  });

  it('carries the HTML title onto the document', async () => {
    const outcome = await loadDocument('page.html', utf8('<title>T</title><p>Body</p>'));
    expect(outcome).toEqual({
      kind: 'document',
      document: { source: 'page.html', format: 'html', text: 'Body', pageOffsets: null, title: 'T' },
    });
  });

  it('loads a PDF with its page offsets', async () => {
    const outcome = await loadDocument('report.pdf', await makePdf([['First page'], ['Second page']]));
    expect(outcome).toEqual({
      kind: 'document',
      document: { source: 'report.pdf', format: 'pdf', text: 'First page\n\nSecond page', pageOffsets: [0, 12] },
    });
  });

  it('loads a DOCX file', async () => {
    const outcome = await loadDocument('memo.docx', await makeDocx(['Hello.', 'Bye.']));
    expect(outcome).toEqual({
      kind: 'document',
      document: { source: 'memo.docx', format: 'docx', text: 'Hello.\n\nBye.', pageOffsets: null },
    });
  });

  it('skips an unknown extension as unsupported, listing what is supported', async () => {
    expect(await loadDocument('data/sheet.xlsx', utf8('x'))).toEqual({
      kind: 'skipped',
      skipped: {
        source: 'data/sheet.xlsx',
        reason: 'unsupported',
        detail: 'unsupported file type; footnote reads .txt .text .md .markdown .mdx .html .htm .pdf .docx',
      },
    });
    expect(await loadDocument('README', utf8('x'))).toMatchObject({ kind: 'skipped', skipped: { reason: 'unsupported' } });
  });

  it('skips a whitespace-only document as empty', async () => {
    expect(await loadDocument('blank.md', utf8(' \r\n\t\n'))).toEqual({
      kind: 'skipped',
      skipped: { source: 'blank.md', reason: 'empty', detail: 'no text to index' },
    });
  });

  it('skips binary and badly encoded text with the decoder reason', async () => {
    expect(await loadDocument('a.txt', new Uint8Array([0x61, 0x00]))).toMatchObject({
      kind: 'skipped',
      skipped: { reason: 'binary' },
    });
    expect(await loadDocument('a.txt', new Uint8Array([0x61, 0xff]))).toMatchObject({
      kind: 'skipped',
      skipped: { reason: 'invalid-utf8', detail: 'invalid UTF-8 at byte 1 (line 1); re-save the file as UTF-8' },
    });
  });

  it('skips a PDF without text with the scanned-PDF hint', async () => {
    expect(await loadDocument('scan.pdf', await makePdf([[]]))).toEqual({
      kind: 'skipped',
      skipped: { source: 'scan.pdf', reason: 'empty', detail: 'no extractable text (scanned PDF?)' },
    });
  });

  it.each([
    ['broken.pdf', '%PDF-1.7\nthis is not really a pdf'],
    ['broken.docx', 'PK but not a zip'],
  ])('reports a corrupt file (%s) as a one-line loader error instead of throwing', async (source, content) => {
    const outcome = await loadDocument(source, utf8(content));
    expect(outcome).toMatchObject({ kind: 'skipped', skipped: { source, reason: 'loader-error' } });
    if (outcome.kind !== 'skipped') return;
    expect(outcome.skipped.detail).toMatch(/^cannot read (pdf|docx): /);
    expect(outcome.skipped.detail).not.toContain('\n');
  });

  it('throws ABORTED when the signal has fired', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(loadDocument('a.txt', utf8('x'), { signal: controller.signal })).rejects.toMatchObject({
      code: 'ABORTED',
    });
  });

  it('exports the supported extensions and the size limit', () => {
    expect(SUPPORTED_EXTENSIONS).toEqual(['.txt', '.text', '.md', '.markdown', '.mdx', '.html', '.htm', '.pdf', '.docx']);
    expect(MAX_FILE_BYTES).toBe(52_428_800);
  });
});

describe('skipTooLarge', () => {
  it('builds the too-large row with the size and the limit', () => {
    expect(skipTooLarge('big.pdf', 60 * 1024 * 1024)).toEqual({
      source: 'big.pdf',
      reason: 'too-large',
      detail: 'file is 60.0 MiB; footnote skips files over 50.0 MiB',
    });
  });
});
