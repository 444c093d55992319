import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { loadDocument, MAX_FILE_BYTES, skipTooLarge, type LoadOutcome } from '../load/load-document.js';
import { LINKED_FOLDER, NOT_REGULAR_FILE, walkCorpus } from '../load/walk-corpus.js';
import type { SkippedFile } from '../shared/types.js';
import { isIndexFileName } from '../store/index-files.js';
import { withFileTitle } from './file-title.js';
import type { ListedDocument } from './plan-changes.js';

/** A document read from its source, with the hash that decides whether it changed. */
export interface ReadDocument {
  /** Empty when `removed`. */
  hash: string;
  /** `removed` when the document was deleted after the source was listed. */
  outcome: LoadOutcome | { kind: 'removed' };
}

/**
 * Where an index run gets its documents: a folder of files for `footnote index`,
 * or in-memory records for `footnote eval`. Both go through the same chunker,
 * embedder and store.
 */
export interface DocumentSource {
  list(signal?: AbortSignal): Promise<ListedDocument[]>;
  /**
   * The document named `source` as it is now, or null when there is none: one
   * lookup where `list` walks the whole corpus (`/open` in the chat app).
   */
  find(source: string): Promise<ListedDocument | null>;
  /** Hash only, without loading: used to confirm that a suspect file really changed. */
  hash(document: ListedDocument, signal?: AbortSignal): Promise<string>;
  read(document: ListedDocument, signal?: AbortSignal): Promise<ReadDocument>;
}

/**
 * Documents of a corpus folder on disk. `indexDir`, when the index lives in
 * the corpus (`--corpus .` with the default `./embeddings`, or one folder for
 * both), is left out: indexing its files would change them, and every run
 * would find the corpus changed.
 */
export function createFolderSource(root: string, options: { indexDir?: string } = {}): DocumentSource {
  const absolute = new Map<string, string>();
  const indexDir = options.indexDir === undefined ? null : path.resolve(options.indexDir);
  const leaveOut = indexDir === null
    ? undefined
    : (file: string): boolean =>
      file === indexDir || (path.dirname(file) === indexDir && isIndexFileName(path.basename(file)));
  return {
    async list(signal) {
      const files = await walkCorpus(root, { signal, leaveOut });
      for (const file of files) absolute.set(file.source, file.absolutePath);
      return files.map(({ source, size, mtimeMs, unreadable }) =>
        (unreadable === undefined ? { source, size, mtimeMs } : { source, size, mtimeMs, unreadable }));
    },
    async find(source) {
      const absoluteRoot = path.resolve(root);
      const file = path.resolve(absoluteRoot, source);
      // Only the name `list` would give this file: nothing outside the corpus,
      // no second spelling of a path inside it.
      const relative = path.relative(absoluteRoot, file);
      const outside = relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative);
      if (outside || relative.split(path.sep).join('/') !== source) return null;
      if (leaveOut?.(file) === true) return null;
      const stats = await fs.stat(file).catch(() => null);
      if (!stats?.isFile()) return null;
      absolute.set(source, file);
      return { source, size: stats.size, mtimeMs: stats.mtimeMs };
    },
    async hash(document) {
      return hashBytes(await fs.readFile(pathOf(document)));
    },
    async read(document, signal) {
      if (document.unreadable !== undefined) {
        const unsupported = document.unreadable === LINKED_FOLDER || document.unreadable === NOT_REGULAR_FILE;
        const reason = unsupported ? 'unsupported' : 'unreadable';
        return skipped(`unreadable:${document.unreadable}`, { source: document.source, reason, detail: describeUnlisted(document.unreadable) });
      }
      if (document.size > MAX_FILE_BYTES) {
        return {
          hash: `size:${document.size}:${document.mtimeMs}`,
          outcome: { kind: 'skipped', skipped: skipTooLarge(document.source, document.size) },
        };
      }
      let bytes: Buffer;
      try {
        bytes = await fs.readFile(pathOf(document));
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? String(error);
        // Listed, then deleted before its turn came: gone, not broken.
        if (code === 'ENOENT') return { hash: '', outcome: { kind: 'removed' } };
        return skipped(`unreadable:${document.mtimeMs}`, {
          source: document.source,
          reason: 'unreadable',
          detail: `cannot read the file (${code}); check its permissions`,
        });
      }
      const outcome = await loadDocument(document.source, bytes, { signal });
      return {
        hash: hashBytes(bytes),
        outcome: outcome.kind === 'document' ? { kind: 'document', document: withFileTitle(outcome.document) } : outcome,
      };
    },
  };

  function pathOf(document: ListedDocument): string {
    if (document.unreadable !== undefined) throw new Error(`unreadable: ${document.source}`);
    const file = absolute.get(document.source);
    if (!file) throw new Error(`not listed: ${document.source}`);
    return file;
  }
}

/** SHA-256 of content, hex: the identity of a file's or chunk's content. */
export function hashBytes(bytes: Uint8Array | string): string {
  return crypto.createHash('sha256').update(bytes).digest('hex');
}

/** Why the walk could not list an entry, in words. */
function describeUnlisted(code: string): string {
  switch (code) {
    case LINKED_FOLDER:
      return 'a link to a folder, which footnote does not follow (a folder inside the corpus is indexed at its own path)';
    case NOT_REGULAR_FILE:
      return 'not a regular file (a pipe, socket or device, or a link to one); footnote does not open it';
    case 'ENOENT':
      return 'a link to nothing; fix or remove the link';
    case 'ELOOP':
      return 'a link that leads back to itself; fix or remove the link';
    case 'EACCES':
    case 'EPERM':
      return `cannot open it (${code}); check its permissions`;
    default:
      return `cannot open it (${code})`;
  }
}

/** A read that found the document cannot be indexed, with the hash that remembers why. */
function skipped(hash: string, file: SkippedFile): ReadDocument {
  return { hash, outcome: { kind: 'skipped', skipped: file } };
}
