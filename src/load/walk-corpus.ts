import type { Dirent } from 'node:fs';
import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { FootnoteError, throwIfAborted } from '../shared/errors.js';

/** A file found in the corpus folder, before anything is read from it. */
export interface CorpusFile {
  /** Path relative to the corpus root, with `/` separators (`notes/a.md`). */
  source: string;
  absolutePath: string;
  /** Size in bytes. */
  size: number;
  /** Last modification time, in milliseconds since the epoch. */
  mtimeMs: number;
  /**
   * Why it cannot be read, when the walk already knows (a broken or looping
   * link, a folder that cannot be opened): the error code. It is listed all
   * the same, so the index report names it; size and mtime are then 0.
   */
  unreadable?: string;
}

/** `CorpusFile.unreadable` of a link to a folder, which the walk does not follow. */
export const LINKED_FOLDER = 'LINKED_FOLDER';

/**
 * `CorpusFile.unreadable` of a FIFO, socket or device, or a link to one: never
 * opened, since opening a FIFO blocks until a writer comes and /dev/zero never ends.
 */
export const NOT_REGULAR_FILE = 'NOT_REGULAR_FILE';

/** The ignore file read from the corpus root, in gitignore syntax. */
export const IGNORE_FILE_NAME = '.footnoteignore';

/**
 * Lists every regular file under `root`, sorted by `source`. Skips hidden files and
 * folders (names starting with `.`), `node_modules`, and whatever `.footnoteignore`
 * at the root matches (ignored folders are not entered). Symlinked files are listed;
 * symlinked folders are not followed, so links cannot loop, but are listed
 * (`unreadable`) for the report, as are FIFOs, sockets and devices (never
 * opened). Every extension is listed: the loader decides
 * what it can read, so the rest can be reported.
 *
 * @throws FootnoteError `CORPUS_NOT_FOUND` when `root` is missing, `CORPUS_NOT_A_FOLDER` when it is a file,
 *   `ABORTED` when the signal fires.
 */
export async function walkCorpus(
  root: string,
  options: {
    signal?: AbortSignal;
    /** Absolute paths of files and folders to leave out, such as an index folder kept inside the corpus. */
    leaveOut?: (absolutePath: string) => boolean;
  } = {},
): Promise<CorpusFile[]> {
  const absoluteRoot = path.resolve(root);
  const rootStats = await stat(absoluteRoot).catch(() => null);
  if (rootStats === null) throw new FootnoteError('CORPUS_NOT_FOUND', { path: root });
  if (!rootStats.isDirectory()) throw new FootnoteError('CORPUS_NOT_A_FOLDER', { path: root });

  const rules = await readIgnoreRules(absoluteRoot);
  const files: CorpusFile[] = [];
  const folders = [''];
  for (let folder = folders.pop(); folder !== undefined; folder = folders.pop()) {
    throwIfAborted(options.signal);
    const candidates: { source: string; absolutePath: string; isLink: boolean }[] = [];
    const listing = await readFolder(path.join(absoluteRoot, folder));
    if ('error' in listing) {
      if (folder === '') throw new FootnoteError('CORPUS_UNREADABLE', { path: root, detail: listing.error });
      files.push(unlisted(folder, path.join(absoluteRoot, folder), listing.error));
      continue;
    }
    for (const entry of listing.entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const source = folder === '' ? entry.name : `${folder}/${entry.name}`;
      const absolutePath = path.join(absoluteRoot, source);
      if (options.leaveOut?.(absolutePath) === true) continue;
      if (entry.isDirectory()) {
        if (!rules.ignores(`${source}/`)) folders.push(source);
        continue;
      }
      if (rules.ignores(source)) continue;
      if (entry.isFile() || entry.isSymbolicLink()) candidates.push({ source, absolutePath, isLink: entry.isSymbolicLink() });
      else files.push(unlisted(source, absolutePath, NOT_REGULAR_FILE));
    }
    // A folder's stats in parallel: one at a time, the round trips to libuv's
    // thread pool were most of a no-op re-index of 10,000 files (`npm run bench`).
    // stat follows a symlink: a link to a folder, a broken or a looping one is
    // listed with why it is not read.
    const stats = await Promise.all(candidates.map(({ absolutePath }) =>
      stat(absolutePath).catch((error: NodeJS.ErrnoException) => error.code ?? 'error')));
    candidates.forEach(({ source, absolutePath, isLink }, i) => {
      const fileStats = stats[i]!;
      // A file deleted since the folder was read is simply not there; only a
      // link can point at nothing.
      if (fileStats === 'ENOENT' && !isLink) return;
      if (typeof fileStats === 'string') files.push(unlisted(source, absolutePath, fileStats));
      else if (fileStats.isFile()) files.push({ source, absolutePath, size: fileStats.size, mtimeMs: fileStats.mtimeMs });
      // Not followed (links could loop), but named, so nobody wonders where its files went.
      else if (fileStats.isDirectory()) files.push(unlisted(source, absolutePath, LINKED_FOLDER));
      else files.push(unlisted(source, absolutePath, NOT_REGULAR_FILE));
    });
  }
  return files.sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0));
}

/** A file listed for the report only, with `why` it is not read. */
function unlisted(source: string, absolutePath: string, why: string): CorpusFile {
  return { source, absolutePath, size: 0, mtimeMs: 0, unreadable: why };
}

async function readIgnoreRules(absoluteRoot: string): Promise<Ignore> {
  const rules = ignore();
  const content = await readFile(path.join(absoluteRoot, IGNORE_FILE_NAME), 'utf8').catch(
    () => null,
  );
  if (content !== null) rules.add(content);
  return rules;
}

/**
 * A subfolder's entries. One that vanished mid-walk has none; one that cannot
 * be opened gives its error code, for the report. Either way the walk goes on
 * rather than failing the whole run over one folder.
 */
async function readFolder(absoluteFolder: string): Promise<{ entries: Dirent[] } | { error: string }> {
  try {
    return { entries: await readdir(absoluteFolder, { withFileTypes: true }) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    return code === 'ENOENT' ? { entries: [] } : { error: code };
  }
}
