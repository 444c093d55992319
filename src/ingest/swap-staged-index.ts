import fs from 'node:fs';
import path from 'node:path';
import { DATABASE_FILE_NAME } from '../store/database.js';
import { VECTORS_FILE_NAME } from '../store/index-state.js';

/**
 * Moves a fully built index from `stagingDir` into `indexDir`.
 *
 * Order matters for crash safety: the old vector file goes first, so that a
 * kill before the database rename leaves the old database with no vector file
 * (readers rebuild the vectors from it), and a kill after it leaves the new
 * database, whose vectors are rebuilt the same way. Never a database paired
 * with another database's vectors.
 */
export function swapInStagedIndex(stagingDir: string, indexDir: string): void {
  const target = (name: string) => path.join(indexDir, name);
  fs.rmSync(target(VECTORS_FILE_NAME), { force: true });
  // A stale WAL beside the new database file must not be replayed into it.
  fs.rmSync(target(`${DATABASE_FILE_NAME}-wal`), { force: true });
  fs.rmSync(target(`${DATABASE_FILE_NAME}-shm`), { force: true });
  fs.renameSync(path.join(stagingDir, DATABASE_FILE_NAME), target(DATABASE_FILE_NAME));
  const stagedVectors = path.join(stagingDir, VECTORS_FILE_NAME);
  if (fs.existsSync(stagedVectors)) fs.renameSync(stagedVectors, target(VECTORS_FILE_NAME));
}
