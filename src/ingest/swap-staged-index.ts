import fs from 'node:fs';
import path from 'node:path';
import { DATABASE_FILE_NAME } from '../store/database.js';
import { SCAN_FILE_NAME, VECTORS_FILE_NAME } from '../store/index-state.js';

/**
 * Moves a fully built index from `stagingDir` into `indexDir`.
 *
 * Order matters for crash safety: the old vector file (a graph or a scan's)
 * goes first, so that a
 * kill before the database rename leaves the old database with no vector file
 * (readers rebuild the vectors from it), and a kill after it leaves the new
 * database, whose vectors are rebuilt the same way. Never a database paired
 * with another database's vectors.
 */
export function swapInStagedIndex(stagingDir: string, indexDir: string): void {
  const target = (name: string) => path.join(indexDir, name);
  for (const name of VECTOR_FILE_NAMES) fs.rmSync(target(name), { force: true });
  // A stale WAL beside the new database file must not be replayed into it.
  fs.rmSync(target(`${DATABASE_FILE_NAME}-wal`), { force: true });
  fs.rmSync(target(`${DATABASE_FILE_NAME}-shm`), { force: true });
  fs.renameSync(path.join(stagingDir, DATABASE_FILE_NAME), target(DATABASE_FILE_NAME));
  for (const name of VECTOR_FILE_NAMES) {
    const stagedVectors = path.join(stagingDir, name);
    if (fs.existsSync(stagedVectors)) fs.renameSync(stagedVectors, target(name));
  }
}

const VECTOR_FILE_NAMES = [VECTORS_FILE_NAME, SCAN_FILE_NAME];
