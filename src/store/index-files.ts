import { DATABASE_FILE_NAME } from './database.js';
import { LOCK_FILE_NAME } from './index-lock.js';
import { VECTORS_FILE_NAME } from './vector-index.js';

/**
 * Whether a file name is one an index folder holds: the database with its
 * WAL and shared-memory files, the vector file and its temporary copies, the
 * lock. For a corpus that is also the index folder, so that the index does
 * not index itself.
 */
export function isIndexFileName(name: string): boolean {
  return (
    name === DATABASE_FILE_NAME ||
    name.startsWith(`${DATABASE_FILE_NAME}-`) ||
    name === VECTORS_FILE_NAME ||
    name.startsWith(`${VECTORS_FILE_NAME}.tmp-`) ||
    name === LOCK_FILE_NAME
  );
}
