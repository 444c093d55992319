import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FootnoteError } from '../shared/errors.js';
import { makeFolders } from '../shared/make-folders.js';

/** The lock file a writer holds inside the index folder. */
export const LOCK_FILE_NAME = 'index.lock';

/** A lock file we cannot parse is trusted for this long (a writer may be mid-write). */
const UNPARSABLE_LOCK_STALE_MS = 10 * 60 * 1000;

/** The one-writer lock on an index folder. */
export interface IndexLock {
  /** Removes the lock file if it is still ours. Safe to call more than once. */
  release(): void;
}

/** What a lock file holds, so a second writer can name the first. */
interface LockOwner {
  pid: number;
  hostname: string;
  startedAt: string;
}

/**
 * Takes the writer lock on `indexDir` by creating `index.lock` atomically.
 * A lock left behind by a dead process on this host is taken over; a lock
 * file that cannot be parsed counts as stale after ten minutes.
 *
 * @throws FootnoteError `INDEX_LOCKED` naming the holder's pid and start time.
 * @example
 * const lock = acquireIndexLock('embeddings');
 * try { ... } finally { lock.release(); }
 */
export function acquireIndexLock(indexDir: string): IndexLock {
  const lockPath = path.join(indexDir, LOCK_FILE_NAME);
  const owner: LockOwner = {
    pid: process.pid,
    hostname: os.hostname(),
    startedAt: new Date().toISOString(),
  };
  const content = JSON.stringify(owner);
  makeFolders(indexDir);

  if (!tryCreate(lockPath, content)) {
    const holder = readHolder(lockPath);
    if (!isStale(lockPath, holder)) throw lockedError(lockPath, holder);
    fs.rmSync(lockPath, { force: true });
    // Retry once: if another writer took the lock in between, it wins.
    if (!tryCreate(lockPath, content)) throw lockedError(lockPath, readHolder(lockPath));
  }

  let released = false;
  return {
    release() {
      if (released) return;
      released = true;
      // Only remove our own lock: after a takeover the file may be someone else's.
      if (readContent(lockPath) === content) fs.rmSync(lockPath, { force: true });
    },
  };
}

/** Creates the lock file with `content`; false when it already exists. */
function tryCreate(lockPath: string, content: string): boolean {
  let fd: number;
  try {
    fd = fs.openSync(lockPath, 'wx');
  } catch (error) {
    const code = errorCode(error);
    if (code === 'EEXIST') return false;
    // A folder that exists but is not ours to write: the user's to fix, not a bug.
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
      throw new FootnoteError('INDEX_UNWRITABLE', { path: path.dirname(lockPath), detail: code }, { cause: error });
    }
    throw error;
  }
  try {
    fs.writeSync(fd, content);
  } finally {
    fs.closeSync(fd);
  }
  return true;
}

/** The holder recorded in the lock file, or null when it is gone or unparsable. */
function readHolder(lockPath: string): LockOwner | null {
  const content = readContent(lockPath);
  if (content === null) return null;
  try {
    const parsed: unknown = JSON.parse(content);
    if (isLockOwner(parsed)) return parsed;
  } catch {
    // fall through: unparsable
  }
  return null;
}

function isStale(lockPath: string, holder: LockOwner | null): boolean {
  if (holder === null) {
    const stats = statOrNull(lockPath);
    // Vanished since we tried: stale in the sense that nobody holds it.
    if (stats === null) return true;
    return Date.now() - stats.mtimeMs > UNPARSABLE_LOCK_STALE_MS;
  }
  // A pid on another host cannot be checked, so that lock stands.
  if (holder.hostname !== os.hostname()) return false;
  return !isProcessAlive(holder.pid);
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return errorCode(error) !== 'ESRCH';
  }
  return !isZombie(pid);
}

/**
 * True for a process that has exited but not been reaped: signal 0 still
 * reaches it. In a container whose first process does not reap orphans, a
 * killed index run stays a zombie for good, and its lock would never be taken
 * over. Linux only (elsewhere there is no /proc to ask: false).
 */
function isZombie(pid: number): boolean {
  let stat: string;
  try {
    stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return false;
  }
  // "pid (command) state …": the command may itself hold spaces and parentheses.
  return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) === 'Z';
}

function lockedError(lockPath: string, holder: LockOwner | null): FootnoteError {
  return new FootnoteError('INDEX_LOCKED', {
    path: lockPath,
    pid: holder?.pid ?? 'unknown',
    startedAt: holder?.startedAt ?? 'at an unknown time',
  });
}

function readContent(lockPath: string): string | null {
  try {
    return fs.readFileSync(lockPath, 'utf8');
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return null;
    throw error;
  }
}

function statOrNull(lockPath: string): fs.Stats | null {
  try {
    return fs.statSync(lockPath);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return null;
    throw error;
  }
}

function isLockOwner(value: unknown): value is LockOwner {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return (
    // pid 0 or below would make process.kill signal a whole process group.
    Number.isInteger(record['pid']) &&
    (record['pid'] as number) > 0 &&
    typeof record['hostname'] === 'string' &&
    typeof record['startedAt'] === 'string'
  );
}

function errorCode(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error && typeof error.code === 'string'
    ? error.code
    : undefined;
}
