#!/usr/bin/env node
// The `footnote` command. Runs dist/cli/main.js, compiled from src/ by
// `npm install` (the `prepare` script, bin/build-cli.js), when it is at least
// as new as every file and folder under src/; otherwise tsx compiles the
// sources on the fly, so an edited checkout can never run stale output.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

const built = new URL('../dist/cli/main.js', import.meta.url);

/** True when some file or folder under `dir` changed after `time` (ms); a folder changes when an entry is added or removed. */
function changedSince(dir, time) {
  const stats = fs.statSync(dir);
  if (stats.mtimeMs > time) return true;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const entryPath = `${dir}/${entry.name}`;
    if (entry.isDirectory() ? changedSince(entryPath, time) : fs.statSync(entryPath).mtimeMs > time) return true;
  }
  return false;
}

function isBuildFresh() {
  try {
    const builtAt = fs.statSync(built).mtimeMs;
    return !changedSince(fileURLToPath(new URL('../src', import.meta.url)), builtAt);
  } catch {
    return false;
  }
}

if (process.env.FOOTNOTE_NO_DIST !== '1' && isBuildFresh()) {
  await import(built.href);
} else {
  const { register } = await import('tsx/esm/api');
  // The project's tsconfig (JSX settings), whatever the working directory.
  register({ tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) });
  await import('../src/cli/main.ts');
}
