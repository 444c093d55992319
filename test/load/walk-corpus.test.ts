import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { NOT_REGULAR_FILE, walkCorpus } from '../../src/load/walk-corpus.js';
import { FootnoteError } from '../../src/shared/errors.js';
import { createTempCorpus, type TempCorpus } from '../helpers/temp-corpus.js';

describe('walkCorpus', () => {
  let corpus: TempCorpus | undefined;
  afterEach(() => corpus?.cleanup());

  const sources = async (root: string): Promise<string[]> =>
    (await walkCorpus(root)).map((file) => file.source);

  it('lists every file with its relative path, size and absolute path, sorted by source', async () => {
    corpus = createTempCorpus({ 'b.txt': 'bee', 'a/z.md': '# z', 'a/b/c.pdf': 'x', 'Z.html': '', 'data.bin': 'x' });
    const files = await walkCorpus(corpus.root);
    expect(files.map((file) => [file.source, file.size])).toEqual([
      ['Z.html', 0],
      ['a/b/c.pdf', 1],
      ['a/z.md', 3],
      ['b.txt', 3],
      ['data.bin', 1],
    ]);
    expect(files[3]?.absolutePath).toBe(path.join(corpus.root, 'b.txt'));
    expect(files[3]?.mtimeMs).toBe(fs.statSync(path.join(corpus.root, 'b.txt')).mtimeMs);
  });

  it('skips hidden files, hidden folders and node_modules', async () => {
    corpus = createTempCorpus({
      'keep.txt': 'x',
      '.secret.txt': 'x',
      '.git/config.txt': 'x',
      'notes/.obsidian/workspace.md': 'x',
      'node_modules/pkg/readme.md': 'x',
      'notes/node_modules/readme.md': 'x',
      'notes/kept.md': 'x',
    });
    expect(await sources(corpus.root)).toEqual(['keep.txt', 'notes/kept.md']);
  });

  it('skips what .footnoteignore matches, including folders and negated patterns', async () => {
    corpus = createTempCorpus({
      '.footnoteignore': '# drafts are private\n*.log\ndrafts/\n!important.log\n/top.txt\n',
      'a.txt': 'x',
      'run.log': 'x',
      'important.log': 'x',
      'top.txt': 'x',
      'sub/top.txt': 'x',
      'sub/debug.log': 'x',
      'drafts/idea.md': 'x',
      'sub/drafts/idea.md': 'x',
    });
    expect(await sources(corpus.root)).toEqual(['a.txt', 'important.log', 'sub/top.txt']);
  });

  it('does not enter an ignored folder, so a negation inside it cannot bring files back', async () => {
    corpus = createTempCorpus({
      '.footnoteignore': 'archive/\n!archive/keep.md\n',
      'archive/keep.md': 'x',
      'b.md': 'x',
    });
    expect(await sources(corpus.root)).toEqual(['b.md']);
  });

  it('lists symlinked files, and names symlinked folders without following them', async () => {
    corpus = createTempCorpus({ 'real/a.txt': 'x' });
    fs.symlinkSync(path.join(corpus.root, 'real', 'a.txt'), path.join(corpus.root, 'link.txt'));
    fs.symlinkSync(corpus.root, path.join(corpus.root, 'real', 'loop'));
    fs.symlinkSync(path.join(corpus.root, 'missing.txt'), path.join(corpus.root, 'broken.txt'));
    fs.symlinkSync(path.join(corpus.root, 'twin.txt'), path.join(corpus.root, 'loop.txt'));
    fs.symlinkSync(path.join(corpus.root, 'loop.txt'), path.join(corpus.root, 'twin.txt'));
    const files = await walkCorpus(corpus.root);
    expect(files.filter((file) => file.unreadable === undefined).map((file) => file.source)).toEqual(['link.txt', 'real/a.txt']);
    // Broken and looping links are listed with their error, so that the report can name them.
    expect(files.filter((file) => file.unreadable !== undefined).map(({ source, unreadable }) => [source, unreadable]))
      .toEqual([['broken.txt', 'ENOENT'], ['loop.txt', 'ELOOP'], ['real/loop', 'LINKED_FOLDER'], ['twin.txt', 'ELOOP']]);
  });

  it.skipIf(process.platform === 'win32')('names a FIFO and links to devices as not regular files, without opening them', async () => {
    corpus = createTempCorpus({ 'a.txt': 'x' });
    execFileSync('mkfifo', [path.join(corpus.root, 'pipe.txt')]);
    fs.symlinkSync('/dev/null', path.join(corpus.root, 'null.txt'));
    fs.symlinkSync('/dev/zero', path.join(corpus.root, 'zero.md'));
    const files = await walkCorpus(corpus.root);
    expect(files.map(({ source, unreadable }) => [source, unreadable])).toEqual([
      ['a.txt', undefined],
      ['null.txt', NOT_REGULAR_FILE],
      ['pipe.txt', NOT_REGULAR_FILE],
      ['zero.md', NOT_REGULAR_FILE],
    ]);
  });

  it('leaves out a file deleted between reading its folder and its stat, rather than calling it a broken link', async () => {
    corpus = createTempCorpus({ 'a.txt': 'x', 'gone.txt': 'x' });
    const gone = path.join(corpus.root, 'gone.txt');
    // leaveOut is asked about each entry after the folder is read and before any stat.
    const leaveOut = (file: string): boolean => {
      if (file === gone) fs.rmSync(gone);
      return false;
    };
    expect(await walkCorpus(corpus.root, { leaveOut })).toMatchObject([{ source: 'a.txt' }]);
  });

  it('throws CORPUS_NOT_FOUND for a missing root', async () => {
    corpus = createTempCorpus({});
    const missing = path.join(corpus.root, 'nope');
    await expect(walkCorpus(missing)).rejects.toMatchObject({ code: 'CORPUS_NOT_FOUND', facts: { path: missing } });
  });

  it('throws CORPUS_NOT_A_FOLDER when the root is a file', async () => {
    corpus = createTempCorpus({ 'a.txt': 'x' });
    const error = await walkCorpus(path.join(corpus.root, 'a.txt')).catch((caught: unknown) => caught);
    expect(FootnoteError.isInstance(error) && error.code).toBe('CORPUS_NOT_A_FOLDER');
  });

  it('throws ABORTED when the signal has fired', async () => {
    corpus = createTempCorpus({ 'a.txt': 'x' });
    const controller = new AbortController();
    controller.abort();
    await expect(walkCorpus(corpus.root, { signal: controller.signal })).rejects.toMatchObject({ code: 'ABORTED' });
  });
});
