import path from 'node:path';
import { FootnoteError, throwIfAborted } from '../shared/errors.js';
import type { LoadedDocument, SkippedFile } from '../shared/types.js';
import { docxLoader } from './loaders/docx-loader.js';
import { htmlLoader } from './loaders/html-loader.js';
import type { Loader, LoaderResult } from './loaders/loader.js';
import { markdownLoader } from './loaders/markdown-loader.js';
import { pdfLoader } from './loaders/pdf-loader.js';
import { textLoader } from './loaders/text-loader.js';

/** A loaded document, or the report row saying why the file was left out. */
export type LoadOutcome =
  | { kind: 'document'; document: LoadedDocument }
  | { kind: 'skipped'; skipped: SkippedFile };

const LOADERS: readonly Loader[] = [textLoader, markdownLoader, htmlLoader, pdfLoader, docxLoader];

const LOADER_BY_EXTENSION = new Map(
  LOADERS.flatMap((loader) => loader.extensions.map((extension) => [extension, loader] as const)),
);

/** The file extensions footnote can index, lowercase with the dot. */
export const SUPPORTED_EXTENSIONS: readonly string[] = LOADERS.flatMap((loader) => loader.extensions);

/** Files larger than this (50 MiB) are skipped as `too-large` without being read. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

/** The report row for a file over `MAX_FILE_BYTES`; `size` in bytes. */
export function skipTooLarge(source: string, size: number): SkippedFile {
  return {
    source,
    reason: 'too-large',
    detail: `file is ${formatMebibytes(size)}; footnote skips files over ${formatMebibytes(MAX_FILE_BYTES)}`,
  };
}

/**
 * Loads one file's bytes into a document, choosing the loader by the file's
 * extension (case-insensitive). Every problem with the file itself (unsupported
 * extension, binary, bad encoding, a broken PDF, no text) comes back as a
 * `skipped` outcome.
 *
 * @param source Path relative to the corpus root, with `/` separators.
 * @throws FootnoteError `ABORTED` when the signal fires; nothing else.
 * @example
 * const outcome = await loadDocument('notes/a.md', await readFile(file));
 * if (outcome.kind === 'skipped') report.push(outcome.skipped);
 */
export async function loadDocument(
  source: string,
  bytes: Uint8Array,
  options: { signal?: AbortSignal } = {},
): Promise<LoadOutcome> {
  throwIfAborted(options.signal);
  const extension = path.posix.extname(source).toLowerCase();
  const loader = LOADER_BY_EXTENSION.get(extension);
  if (loader === undefined) {
    const supported = SUPPORTED_EXTENSIONS.join(' ');
    return skip(source, 'unsupported', `unsupported file type; footnote reads ${supported}`);
  }
  let result: LoaderResult;
  try {
    result = await loader.load(bytes, options);
  } catch (error) {
    if (FootnoteError.isInstance(error) && error.code === 'ABORTED') throw error;
    throwIfAborted(options.signal);
    return skip(source, 'loader-error', `cannot read ${loader.format}: ${describeError(error)}`);
  }
  throwIfAborted(options.signal);
  if (!result.ok) return skip(source, result.reason, result.detail);
  if (result.text.trim() === '') return skip(source, 'empty', 'no text to index');
  const document: LoadedDocument = {
    source,
    format: loader.format,
    text: result.text,
    pageOffsets: result.pageOffsets ?? null,
  };
  if (result.title !== undefined) document.title = result.title;
  if (result.headings !== undefined && result.headings.length > 0) document.headings = result.headings;
  return { kind: 'document', document };
}

function skip(source: string, reason: SkippedFile['reason'], detail: string): LoadOutcome {
  return { kind: 'skipped', skipped: { source, reason, detail } };
}

/** Longest error text kept in a report row. */
const MAX_DETAIL_CHARS = 200;

/** The first line of an error's message, shortened: a report row stays one line. */
function describeError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const firstLine = message.split(/\r?\n/, 1)[0]?.trim() || 'unknown error';
  return firstLine.length > MAX_DETAIL_CHARS ? `${firstLine.slice(0, MAX_DETAIL_CHARS - 1)}…` : firstLine;
}

function formatMebibytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}
