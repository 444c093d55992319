import { afterEach, describe, expect, it } from 'vitest';
import { LocalEmbedder } from '../../src/embed/local-embedder.js';
import { TextWorker } from '../../src/ingest/text-worker-client.js';
import { analyzePassage, type PassageText } from '../../src/store/analyze-passage.js';

const passages: PassageText[] = [
  { title: 'Speed of light', text: 'Light travels fast. It covers 300,000 km every second!', format: 'text' },
  { title: null, text: '我们今天去公园。天气很好！', format: 'text' },
  { title: 'Café notes', text: 'The naïve barista   made two lattes.\n\nThen he left.', format: 'text' },
  { title: 'Changelog', text: '- fix reader ([abc1234](https://github.com/o/sdk/commit/abc1234))', format: 'markdown' },
];

let worker: TextWorker | null = null;
afterEach(async () => {
  await worker?.close();
  worker = null;
});

describe('TextWorker', () => {
  it('tokenises passages on its thread exactly as the store does', async () => {
    worker = TextWorker.start({ embedder: null });
    const analyses = await worker.analyze(passages);
    expect(analyses).toEqual(passages.map(analyzePassage));
    expect(analyses[3]?.searchText).toBe('fix reader abc1234');
    expect(worker.threaded).toBe(true);
  });

  it('embeds with the local embedder, bit for bit', async () => {
    worker = TextWorker.start({ embedder: new LocalEmbedder({ dimensions: 64 }) });
    const texts = passages.map((passage) => passage.text);
    const vectors = await worker.embed(texts);
    expect(vectors.map((vector) => Array.from(vector))).toEqual(
      new LocalEmbedder({ dimensions: 64 }).embedToFloat32(texts).map((vector) => Array.from(vector)),
    );
    expect(worker.threaded).toBe(true);
  });

  it('answers requests made at once in the order they were made', async () => {
    worker = TextWorker.start({ embedder: new LocalEmbedder({ dimensions: 16 }) });
    const [first, second] = await Promise.all([
      worker.analyze(passages.slice(0, 1)),
      worker.analyze(passages.slice(1)),
    ]);
    expect([...first, ...second]).toEqual(passages.map(analyzePassage));
  });

  it('computes on the calling thread once its own is gone', async () => {
    worker = TextWorker.start({ embedder: new LocalEmbedder({ dimensions: 16 }) });
    await worker.close();
    expect(worker.threaded).toBe(false);
    expect(await worker.analyze(passages)).toEqual(passages.map(analyzePassage));
    expect(await worker.embed(['light'])).toEqual(new LocalEmbedder({ dimensions: 16 }).embedToFloat32(['light']));
  });

  it('refuses to embed when started without an embedder', async () => {
    worker = TextWorker.start({ embedder: null });
    await expect(worker.embed(['light'])).rejects.toThrow(/without an embedder/);
  });
});
