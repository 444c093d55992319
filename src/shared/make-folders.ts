import fs from 'node:fs';
import path from 'node:path';

/**
 * `mkdir -p`, one folder at a time. Node's `mkdirSync(dir, { recursive: true })`
 * never returns where `mkdir` fails with ENOENT under a parent that exists (any
 * path under `/proc`): it retries the parent forever, and `--index /proc/x`
 * hung instead of saying the folder cannot be made. Throws the first failing
 * `mkdir`'s error, as the recursive form does elsewhere.
 */
export function makeFolders(dir: string): void {
  const missing: string[] = [];
  for (let current = path.resolve(dir); !fs.existsSync(current); current = path.dirname(current)) {
    missing.push(current);
    if (path.dirname(current) === current) break;
  }
  for (const folder of missing.reverse()) {
    try {
      fs.mkdirSync(folder);
    } catch (error) {
      // Another process made it in between: what we wanted.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}
