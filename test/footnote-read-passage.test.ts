import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFootnote } from '../src/footnote.js';
import { createTempCorpus, type TempCorpus } from './helpers/temp-corpus.js';
import { makeTestConfig } from './helpers/test-config.js';

let corpus: TempCorpus | null = null;

afterEach(() => {
  corpus?.cleanup();
  corpus = null;
});

describe('footnote facade: readPassage', () => {
  it('reads the cited lines with the lines around them from the corpus', async () => {
    corpus = createTempCorpus({ 'notes/a.md': 'one\ntwo\nthree\nfour\nfive\nsix' });
    const footnote = createFootnote(makeTestConfig(corpus.root));
    const lines = await footnote.readPassage(
      { source: 'notes/a.md', startLine: 3, endLine: 4 },
      { contextLines: 1 },
    );
    expect(lines?.map((line) => [line.number, line.text, line.inRange])).toEqual([
      [2, 'two', false],
      [3, 'three', true],
      [4, 'four', true],
      [5, 'five', false],
    ]);
    expect(footnote.corpusDir).toBe(path.resolve(corpus.root));
  });

  it('follows a passage that lines added above it moved down, and keeps the indexed lines when it is gone', async () => {
    corpus = createTempCorpus({ 'a.md': 'one\nOn June 2 the team visited.\nthree' });
    const footnote = createFootnote(makeTestConfig(corpus.root));
    corpus.write('a.md', 'new\nnewer\none\nOn June 2 the team visited.\nthree');
    const moved = await footnote.readPassage(
      { source: 'a.md', startLine: 2, endLine: 2, text: 'On June 2 the team visited.' },
      { contextLines: 0 },
    );
    expect(moved?.map((line) => [line.number, line.text])).toEqual([[4, 'On June 2 the team visited.']]);
    corpus.write('a.md', 'one\nOn June 3 nobody came.\nthree');
    const gone = await footnote.readPassage(
      { source: 'a.md', startLine: 2, endLine: 2, text: 'On June 2 the team visited.' },
      { contextLines: 0 },
    );
    expect(gone?.map((line) => line.number)).toEqual([2]);
  });

  it('reads a cited file that .footnoteignore has matched since it was indexed', async () => {
    corpus = createTempCorpus({ '.footnoteignore': 'a.txt\n', 'a.txt': 'alpha' });
    const footnote = createFootnote(makeTestConfig(corpus.root));
    expect((await footnote.readPassage({ source: 'a.txt', startLine: 1, endLine: 1 }))?.[0]?.text).toBe('alpha');
  });

  it('gives null for a source outside the corpus folder, spelt another way or naming a folder', async () => {
    corpus = createTempCorpus({ 'notes/a.txt': 'alpha', 'notes/sub/b.txt': 'beta', 'secret.txt': 'key' });
    const footnote = createFootnote(makeTestConfig(path.join(corpus.root, 'notes')));
    const read = (source: string) => footnote.readPassage({ source, startLine: 1, endLine: 1 });
    expect((await read('sub/b.txt'))?.[0]?.text).toBe('beta');
    expect(await read('../secret.txt')).toBeNull();
    expect(await read(path.join(corpus.root, 'secret.txt'))).toBeNull();
    expect(await read('./a.txt')).toBeNull();
    expect(await read('sub')).toBeNull();
    expect(await read('')).toBeNull();
  });

  it('gives null for a file that is gone', async () => {
    corpus = createTempCorpus({ 'a.txt': 'alpha' });
    const footnote = createFootnote(makeTestConfig(corpus.root));
    expect(await footnote.readPassage({ source: 'b.txt', startLine: 1, endLine: 1 })).toBeNull();
  });
});
