import fs from 'node:fs';
import path from 'node:path';

/** Bytes per file directly inside `dir` (the index folder is flat), and their total. */
export function measureFolder(dir: string): { files: Record<string, number>; totalBytes: number } {
  const files: Record<string, number> = {};
  let totalBytes = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const size = fs.statSync(path.join(dir, entry.name)).size;
    files[entry.name] = size;
    totalBytes += size;
  }
  return { files, totalBytes };
}
