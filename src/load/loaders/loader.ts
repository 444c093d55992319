import type { DocumentFormat, DocumentHeading, SkipReason } from '../../shared/types.js';

/**
 * What a loader makes of a file's bytes: the loaded text (and its page starts,
 * title or headings), or why the file cannot be indexed. `loadDocument` adds the source path.
 */
export type LoaderResult =
  | { ok: true; text: string; pageOffsets?: number[]; title?: string; headings?: DocumentHeading[] }
  | { ok: false; reason: SkipReason; detail: string };

/** One file format: the extensions it claims and how to turn bytes into text. */
export interface Loader {
  format: DocumentFormat;
  /** Lowercase, with the dot: `.md`. */
  extensions: readonly string[];
  /**
   * Turns bytes into text. May throw on a broken file (the caller reports it as
   * `loader-error`); throws `ABORTED` when the signal fires.
   */
  load(bytes: Uint8Array, options: { signal?: AbortSignal }): Promise<LoaderResult>;
}
