import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A corpus folder in the system temp dir, filled with the given files. */
export interface TempCorpus {
  /** Absolute path of the corpus folder. */
  root: string;
  /** Writes (or overwrites) a file; `filePath` is relative to `root` with `/` separators. */
  write(filePath: string, content: string | Uint8Array): void;
  /** Deletes a file or folder; missing paths are fine. */
  remove(filePath: string): void;
  /** Deletes the whole corpus folder. */
  cleanup(): void;
}

/**
 * Creates a temp corpus. Keys are paths relative to the root (`notes/a.md`); missing
 * folders are created; string contents are written as UTF-8.
 *
 * @example
 * const corpus = createTempCorpus({ 'a.txt': 'hello', 'notes/b.md': '# B' });
 * afterEach(() => corpus.cleanup());
 */
export function createTempCorpus(files: Record<string, string | Uint8Array>): TempCorpus {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'footnote-corpus-'));
  const resolve = (filePath: string): string => path.join(root, ...filePath.split('/'));
  const corpus: TempCorpus = {
    root,
    write(filePath, content) {
      const absolutePath = resolve(filePath);
      fs.mkdirSync(path.dirname(absolutePath), { recursive: true });
      fs.writeFileSync(absolutePath, content);
    },
    remove(filePath) {
      fs.rmSync(resolve(filePath), { recursive: true, force: true });
    },
    cleanup() {
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
  for (const [filePath, content] of Object.entries(files)) corpus.write(filePath, content);
  return corpus;
}
