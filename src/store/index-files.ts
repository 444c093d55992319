import { DATABASE_FILE_NAME } from './database.js';
import { LOCK_FILE_NAME } from './index-lock.js';
import { SCAN_FILE_NAME } from './scan-vector-index.js';
import { VECTORS_FILE_NAME } from './vector-index.js';

/**
 * Whether a file name is one an index folder holds: the database with its
 * WAL and shared-memory files, the vector file (a graph's or a scan's) and its temporary copies, the
 * lock. For a corpus that is also the index folder, so that the index does
 * not index itself.
 */
export function isIndexFileName(name: string): boolean {
  return (
    name === DATABASE_FILE_NAME ||
    name.startsWith(`${DATABASE_FILE_NAME}-`) ||
    [VECTORS_FILE_NAME, SCAN_FILE_NAME].some((vectors) => name === vectors || name.startsWith(`${vectors}.tmp-`)) ||
    name === LOCK_FILE_NAME
  );
}
