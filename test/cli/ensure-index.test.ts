import fs from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ensureIndex } from '../../src/cli/ensure-index.js';
import { createFootnote } from '../../src/footnote.js';
import { LOCK_FILE_NAME, acquireIndexLock } from '../../src/store/index-lock.js';
import { FakeEmbedder } from '../helpers/fake-embedder.js';
import { createTempCorpus, type TempCorpus } from '../helpers/temp-corpus.js';
import { makeTestConfig } from '../helpers/test-config.js';

const paragraph = (topic: string) => `The ${topic} paragraph says how ${topic} works, in words enough to stand alone.`;

let corpus: TempCorpus;
afterEach(() => corpus?.cleanup());

function setup() {
  corpus = createTempCorpus({ 'a.md': paragraph('alpha'), 'b.md': paragraph('beta') });
  const config = makeTestConfig(corpus.root, { chunkSize: 200, chunkOverlap: 0 });
  return { config, footnote: createFootnote(config, { embedder: new FakeEmbedder() }) };
}

describe('ensureIndex', () => {
  it('says what the update changed: files and chunks written, files removed', async () => {
    const { footnote } = setup();
    const lines: string[] = [];
    try {
      await ensureIndex(footnote, (line) => lines.push(line));
      corpus.write('c.md', paragraph('gamma'));
      corpus.remove('a.md');
      await ensureIndex(footnote, (line) => lines.push(line));
    } finally {
      footnote.close();
    }
    expect(lines[0]).toBe('no index yet; indexing the corpus…');
    expect(lines[1]).toMatch(/^indexed 2 files \(2 chunks written\) in \d+\.\d s$/);
    expect(lines[2]).toBe('corpus changed; updating the index…');
    expect(lines[3]).toMatch(/^indexed 1 file \(1 chunk written\) and removed 1 file in \d+\.\d s$/);
  });

  it('answers from the index as it is while another run holds it', async () => {
    const { footnote, config } = setup();
    const lines: string[] = [];
    await ensureIndex(footnote, () => {});
    corpus.write('c.md', paragraph('gamma'));
    const lock = acquireIndexLock(config.index);
    try {
      expect(await ensureIndex(footnote, (line) => lines.push(line))).toBeNull();
      expect((await footnote.retrieve('beta', { k: 1 }))[0]?.source).toBe('b.md');
    } finally {
      lock.release();
      footnote.close();
    }
    expect(lines.at(-1)).toBe('another index run is updating the index; answering from the index as it is');
  });

  it('answers from the index as it is when the index folder may not be written (another user\'s, a read-only mount)', async () => {
    const { footnote, config } = setup();
    const lines: string[] = [];
    await ensureIndex(footnote, () => {});
    corpus.write('c.md', paragraph('gamma'));
    // As root (CI) no folder refuses a write, so the refusal is the system call's.
    const openSync = fs.openSync;
    const open = vi.spyOn(fs, 'openSync').mockImplementation((file, ...rest) => {
      if (String(file).endsWith(LOCK_FILE_NAME)) throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
      return openSync(file, ...rest);
    });
    try {
      expect(await ensureIndex(footnote, (line) => lines.push(line))).toBeNull();
      expect((await footnote.retrieve('beta', { k: 1 }))[0]?.source).toBe('b.md');
    } finally {
      open.mockRestore();
      footnote.close();
    }
    expect(lines.at(-1)).toBe(
      `cannot write the index folder ${config.index}: EACCES; answering from the index as it is, without the latest changes`,
    );
  });

  it('leaves the index as it is when the corpus folder is empty (a drive not mounted)', async () => {
    const { footnote } = setup();
    const lines: string[] = [];
    try {
      await ensureIndex(footnote, () => {});
      corpus.remove('a.md');
      corpus.remove('b.md');
      expect(await ensureIndex(footnote, (line) => lines.push(line))).toBeNull();
      expect((await footnote.retrieve('beta', { k: 1 }))[0]?.source).toBe('b.md');
    } finally {
      footnote.close();
    }
    expect(lines).toEqual(['the corpus folder is empty; answering from the index as it is (`footnote index` empties it)']);
  });

  it('stops the update on Ctrl+C', async () => {
    const { footnote } = setup();
    const controller = new AbortController();
    controller.abort();
    try {
      await expect(ensureIndex(footnote, () => {}, controller.signal)).rejects.toMatchObject({ code: 'ABORTED' });
    } finally {
      footnote.close();
    }
  });

  it('still fails when there is no index to answer from', async () => {
    const { footnote, config } = setup();
    const lock = acquireIndexLock(config.index);
    try {
      await expect(ensureIndex(footnote, () => {})).rejects.toMatchObject({ code: 'INDEX_LOCKED' });
    } finally {
      lock.release();
      footnote.close();
    }
  });
});
