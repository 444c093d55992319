import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FootnoteError } from '../../src/shared/errors.js';
import { LOCK_FILE_NAME, acquireIndexLock } from '../../src/store/index-lock.js';

let indexDir: string;
let lockPath: string;
beforeEach(() => {
  indexDir = fs.mkdtempSync(path.join(os.tmpdir(), 'footnote-lock-'));
  lockPath = path.join(indexDir, LOCK_FILE_NAME);
});
afterEach(() => {
  fs.rmSync(indexDir, { recursive: true, force: true });
});

function catchError(fn: () => unknown): FootnoteError {
  try {
    fn();
  } catch (error) {
    if (error instanceof FootnoteError) return error;
    throw error;
  }
  throw new Error('expected a throw');
}

/** The pid of a process that has already exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '']);
  return child.pid!;
}

describe('acquireIndexLock', () => {
  it('reports a folder it may not write to as INDEX_UNWRITABLE, not as a bug', () => {
    // As root (CI) no folder refuses a write, so the refusal is the system call's.
    const open = vi.spyOn(fs, 'openSync').mockImplementation(() => {
      throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    });
    try {
      const error = catchError(() => acquireIndexLock(indexDir));
      expect(error.code).toBe('INDEX_UNWRITABLE');
      expect(error.message).toBe(`cannot write the index folder ${indexDir}: EACCES`);
    } finally {
      open.mockRestore();
    }
  });

  it('writes the holder into index.lock and removes it on release', () => {
    const lock = acquireIndexLock(indexDir);
    const holder = JSON.parse(fs.readFileSync(lockPath, 'utf8'));
    expect(holder.pid).toBe(process.pid);
    expect(holder.hostname).toBe(os.hostname());
    expect(Number.isNaN(Date.parse(holder.startedAt))).toBe(false);
    lock.release();
    expect(fs.existsSync(lockPath)).toBe(false);
  });

  it('refuses a second writer, naming the holder pid', () => {
    const lock = acquireIndexLock(indexDir);
    const error = catchError(() => acquireIndexLock(indexDir));
    expect(error.code).toBe('INDEX_LOCKED');
    expect(error.facts['pid']).toBe(process.pid);
    expect(error.facts['path']).toBe(lockPath);
    expect(error.message).toContain(`pid ${process.pid}`);
    lock.release();
  });

  it('takes over a lock left by a process that has exited', () => {
    const pid = deadPid();
    fs.writeFileSync(
      lockPath,
      JSON.stringify({ pid, hostname: os.hostname(), startedAt: '2024-01-01T00:00:00.000Z' }),
    );
    const lock = acquireIndexLock(indexDir);
    expect(JSON.parse(fs.readFileSync(lockPath, 'utf8')).pid).toBe(process.pid);
    lock.release();
  });

  it.runIf(process.platform === 'linux')('takes over a lock left by a process that exited but was never reaped', async () => {
    // The shell's background child exits once the shell has become `sleep`,
    // which never reaps it: a zombie for as long as `sleep` runs.
    const parent = spawn('sh', ['-c', 'sleep 0.2 & echo $!; exec sleep 5'], { stdio: ['ignore', 'pipe', 'ignore'] });
    try {
      const pid = Number((await once(parent.stdout, 'data'))[0].toString().trim());
      await vi.waitFor(() => expect(fs.readFileSync(`/proc/${pid}/stat`, 'utf8')).toMatch(/\) Z /u), { timeout: 5000 });
      fs.writeFileSync(lockPath, JSON.stringify({ pid, hostname: os.hostname(), startedAt: '2024-01-01T00:00:00.000Z' }));
      const lock = acquireIndexLock(indexDir);
      expect(JSON.parse(fs.readFileSync(lockPath, 'utf8')).pid).toBe(process.pid);
      lock.release();
    } finally {
      parent.kill();
    }
  });

  it('respects a lock held from another host', () => {
    fs.writeFileSync(
      lockPath,
      JSON.stringify({ pid: deadPid(), hostname: `not-${os.hostname()}`, startedAt: 'x' }),
    );
    expect(catchError(() => acquireIndexLock(indexDir)).code).toBe('INDEX_LOCKED');
  });

  it('treats an unparsable lock as held until it is ten minutes old', () => {
    fs.writeFileSync(lockPath, '{"pid": 12');
    expect(catchError(() => acquireIndexLock(indexDir)).code).toBe('INDEX_LOCKED');
    const elevenMinutesAgo = new Date(Date.now() - 11 * 60 * 1000);
    fs.utimesSync(lockPath, elevenMinutesAgo, elevenMinutesAgo);
    const lock = acquireIndexLock(indexDir);
    lock.release();
  });

  it('releases idempotently and leaves a lock that is no longer ours', () => {
    const lock = acquireIndexLock(indexDir);
    lock.release();
    lock.release();
    const other = JSON.stringify({ pid: process.pid, hostname: os.hostname(), startedAt: 'later' });
    fs.writeFileSync(lockPath, other);
    lock.release();
    expect(fs.readFileSync(lockPath, 'utf8')).toBe(other);
  });

  it('creates the index folder when it is missing', () => {
    const nested = path.join(indexDir, 'embeddings');
    const lock = acquireIndexLock(nested);
    expect(fs.existsSync(path.join(nested, LOCK_FILE_NAME))).toBe(true);
    lock.release();
  });
});
