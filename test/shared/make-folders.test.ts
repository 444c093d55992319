import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeFolders } from '../../src/shared/make-folders.js';

let root: string;
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

describe('makeFolders', () => {
  it('makes every missing folder on the way, and leaves existing ones alone', () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'footnote-folders-'));
    fs.writeFileSync(path.join(root, 'kept.txt'), 'x');
    makeFolders(path.join(root, 'a', 'b', 'c'));
    makeFolders(path.join(root, 'a', 'b', 'c'));
    expect(fs.statSync(path.join(root, 'a', 'b', 'c')).isDirectory()).toBe(true);
    expect(fs.readFileSync(path.join(root, 'kept.txt'), 'utf8')).toBe('x');
  });

  it('fails with the error of the folder it cannot make, under a file', () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'footnote-folders-'));
    fs.writeFileSync(path.join(root, 'file'), 'x');
    expect(() => makeFolders(path.join(root, 'file', 'sub'))).toThrow(expect.objectContaining({ code: 'ENOTDIR' }));
  });

  // Node's recursive mkdirSync never returns here.
  it.skipIf(!fs.existsSync('/proc/self'))('fails at once where mkdir says ENOENT under an existing parent (/proc)', () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'footnote-folders-'));
    expect(() => makeFolders('/proc/footnote-nope/index')).toThrow(expect.objectContaining({ code: 'ENOENT' }));
  });
});
