import { afterEach, describe, expect, it } from 'vitest';
import { LocalEmbedder } from '../../src/embed/local-embedder.js';
import { TextWorker, type PassageText } from '../../src/ingest/text-worker-client.js';
import { analyzePassage } from '../../src/store/analyze-passage.js';

const passages: PassageText[] = [
  { title: 'Speed of light', text: 'Light travels fast. It covers 300,000 km every second!' },
  { title: null, text: '我们今天去公园。天气很好！' },
  { title: 'Café notes', text: 'The naïve barista   made two lattes.\n\nThen he left.' },
];

let worker: TextWorker | null = null;
afterEach(async () => {
  await worker?.close();
  worker = null;
});

describe('TextWorker', () => {
  it('tokenises passages on its thread exactly as the store does', async () => {
    worker = TextWorker.start({ embedder: null });
    expect(await worker.analyze(passages)).toEqual(passages.map(({ title, text }) => analyzePassage(title, text)));
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
    expect([...first, ...second]).toEqual(passages.map(({ title, text }) => analyzePassage(title, text)));
  });

  it('computes on the calling thread once its own is gone', async () => {
    worker = TextWorker.start({ embedder: new LocalEmbedder({ dimensions: 16 }) });
    await worker.close();
    expect(worker.threaded).toBe(false);
    expect(await worker.analyze(passages)).toEqual(passages.map(({ title, text }) => analyzePassage(title, text)));
    expect(await worker.embed(['light'])).toEqual(new LocalEmbedder({ dimensions: 16 }).embedToFloat32(['light']));
  });

  it('refuses to embed when started without an embedder', async () => {
    worker = TextWorker.start({ embedder: null });
    await expect(worker.embed(['light'])).rejects.toThrow(/without an embedder/);
  });
});
