import type { ChunkRepository } from '../store/chunk-repository.js';
import type { SkippedFile } from '../shared/types.js';
import type { IndexedDocument, ListedDocument } from './plan-changes.js';

const META_KEY = 'skipped_files';

/** A file that failed to load, with the fingerprint it had then. */
export interface RememberedSkip extends SkippedFile {
  size: number;
  mtimeMs: number;
}

/**
 * Files that failed last time are remembered with their size and mtime, so an
 * unchanged broken file is reported again without being re-read, and does not
 * make the index look stale forever.
 */
export function readSkippedFiles(repo: ChunkRepository): Map<string, RememberedSkip> {
  const raw = repo.getMeta(META_KEY);
  if (raw === null) return new Map();
  try {
    const entries = JSON.parse(raw) as RememberedSkip[];
    return new Map(entries.map((entry) => [entry.source, entry]));
  } catch {
    return new Map();
  }
}

export function writeSkippedFiles(
  repo: ChunkRepository,
  failed: readonly SkippedFile[],
  fingerprints: ReadonlyMap<string, ListedDocument>,
): void {
  const entries: RememberedSkip[] = failed.flatMap((file) => {
    const listed = fingerprints.get(file.source);
    return listed ? [{ ...file, size: listed.size, mtimeMs: listed.mtimeMs }] : [];
  });
  repo.setMeta(META_KEY, JSON.stringify(entries));
}

/** Remembered skips in the shape the change planner compares against. */
export function asIndexedDocuments(skipped: ReadonlyMap<string, RememberedSkip>): IndexedDocument[] {
  return [...skipped.values()].map(({ source, size, mtimeMs }) => ({ path: source, size, mtimeMs }));
}
