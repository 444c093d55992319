import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../helpers/run-cli.js';

/**
 * bin/footnote.js runs dist/cli/main.js only while it is at least as new as
 * every file and folder under src/, and otherwise the sources through tsx. A
 * stand-in project (the real bin, tsconfig and node_modules; a src and a dist
 * that print where they run from) shows which one ran.
 */
let root: string;

function write(relative: string, text: string, mtimeSeconds: number): void {
  const file = path.join(root, relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  fs.utimesSync(file, mtimeSeconds, mtimeSeconds);
}

function setFolderTime(relative: string, mtimeSeconds: number): void {
  fs.utimesSync(path.join(root, relative), mtimeSeconds, mtimeSeconds);
}

function runBin(env: Record<string, string> = {}): string {
  const environment = { ...process.env, ...env };
  if (!('FOOTNOTE_NO_DIST' in env)) delete environment['FOOTNOTE_NO_DIST'];
  return execFileSync(process.execPath, [path.join(root, 'bin/footnote.js')], { env: environment, encoding: 'utf8' }).trim();
}

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'footnote-bin-'));
  fs.mkdirSync(path.join(root, 'bin'));
  fs.copyFileSync(path.join(PROJECT_ROOT, 'bin/footnote.js'), path.join(root, 'bin/footnote.js'));
  fs.copyFileSync(path.join(PROJECT_ROOT, 'tsconfig.json'), path.join(root, 'tsconfig.json'));
  fs.copyFileSync(path.join(PROJECT_ROOT, 'package.json'), path.join(root, 'package.json'));
  fs.symlinkSync(path.join(PROJECT_ROOT, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  write('src/cli/main.ts', "const from: string = 'src';\nconsole.log(from);\n", 1_000);
  setFolderTime('src/cli', 1_000);
  setFolderTime('src', 1_000);
  write('dist/cli/main.js', "console.log('dist');\n", 2_000);
});
afterEach(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

describe('bin/footnote.js', () => {
  it('runs the prebuilt dist when it is newer than every source', () => {
    expect(runBin()).toBe('dist');
  });

  it('runs the sources through tsx once a source file is newer than dist', () => {
    write('src/cli/main.ts', "const from: string = 'edited src';\nconsole.log(from);\n", 3_000);
    expect(runBin()).toBe('edited src');
  });

  it('runs the sources when a file was added to or removed from a source folder after the build', () => {
    setFolderTime('src/cli', 3_000);
    expect(runBin()).toBe('src');
  });

  it('runs the sources when there is no dist, or FOOTNOTE_NO_DIST=1 asks for them', () => {
    expect(runBin({ FOOTNOTE_NO_DIST: '1' })).toBe('src');
    fs.rmSync(path.join(root, 'dist'), { recursive: true });
    expect(runBin()).toBe('src');
  });
});
