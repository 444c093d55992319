import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { LocalEmbedder } from '../embed/local-embedder.js';
import { analyzePassage, type PassageAnalysis, type PassageText } from '../store/analyze-passage.js';

/** What the worker is started with: the local embedder's dimensions, or null when the run embeds elsewhere. */
export interface TextWorkerData {
  dimensions: number | null;
}

/** Work for the thread: tokenise passages for the store, or embed texts. */
export type TextWorkerTask = { kind: 'analyze'; passages: PassageText[] } | { kind: 'embed'; texts: string[] };

/** A task as posted, numbered so its answer finds its caller. */
export type TextWorkerRequest = TextWorkerTask & { id: number };

export type TextWorkerResponse =
  | { id: number; analyses: PassageAnalysis[] }
  | { id: number; vectors: Float32Array }
  | { id: number; error: string };

/**
 * A worker thread for an index run's pure text work: local embeddings and the
 * store's tokenisation (a chunk's sentence terms and FTS5 text). Together they
 * were half of the main thread's time in a 5 MB run, while the thread that
 * reads files and writes SQLite is the one the run waits for.
 *
 * Results equal what the main thread would compute (the same modules run in
 * the thread). Should the thread fail to start or die, every request from then
 * on is computed on the calling thread instead, so a run never fails for it.
 *
 * @example
 * const worker = TextWorker.start({ embedder: new LocalEmbedder() });
 * const [analyses, vectors] = await Promise.all([worker.analyze(passages), worker.embed(texts)]);
 * await worker.close();
 */
export class TextWorker {
  /** The run's local embedder: the thread builds its twin, and the caller falls back to it. */
  readonly #embedder: LocalEmbedder | null;
  #worker: Worker | null;
  /** Callers waiting for an answer; null tells one to compute it itself. */
  readonly #pending = new Map<number, (response: TextWorkerResponse | null) => void>();
  #nextId = 0;

  private constructor(embedder: LocalEmbedder | null, worker: Worker | null) {
    this.#embedder = embedder;
    this.#worker = worker;
    if (worker === null) return;
    worker.on('message', (response: TextWorkerResponse) => {
      const settle = this.#pending.get(response.id);
      this.#pending.delete(response.id);
      // A task that failed on the thread is computed by the caller, where a real error surfaces.
      settle?.('error' in response ? null : response);
    });
    worker.on('error', () => this.#abandon());
    worker.on('exit', () => this.#abandon());
  }

  /** Starts the thread; `embedder` is the run's local embedder, or null to tokenise only. */
  static start({ embedder }: { embedder: LocalEmbedder | null }): TextWorker {
    let worker: Worker | null;
    try {
      worker = spawnTextWorker({ dimensions: embedder?.identity.dimensions ?? null });
    } catch {
      worker = null;
    }
    return new TextWorker(embedder, worker);
  }

  /** True while requests go to the thread: it started and has not failed or been closed. */
  get threaded(): boolean {
    return this.#worker !== null;
  }

  /** The store's tokenisation of each passage, in order. */
  async analyze(passages: PassageText[]): Promise<PassageAnalysis[]> {
    const response = await this.#request({ kind: 'analyze', passages });
    if (response !== null && 'analyses' in response) return response.analyses;
    return passages.map(analyzePassage);
  }

  /** Local embeddings of `texts`, in order. Only for a worker started with an embedder. */
  async embed(texts: string[]): Promise<Float32Array[]> {
    const embedder = this.#embedder;
    if (embedder === null) throw new Error('this text worker was started without an embedder');
    const response = await this.#request({ kind: 'embed', texts });
    if (response === null || !('vectors' in response)) return embedder.embedToFloat32(texts);
    const { vectors } = response;
    const { dimensions } = embedder.identity;
    return texts.map((_, i) => vectors.subarray(i * dimensions, (i + 1) * dimensions));
  }

  /** Stops the thread. Call it once the run is over, also after a failure. */
  async close(): Promise<void> {
    const worker = this.#worker;
    this.#worker = null;
    await worker?.terminate();
  }

  /** The worker's answer, or null when the caller must compute it (no thread, or it failed). */
  #request(task: TextWorkerTask): Promise<TextWorkerResponse | null> {
    const worker = this.#worker;
    if (worker === null) return Promise.resolve(null);
    const id = this.#nextId++;
    return new Promise<TextWorkerResponse | null>((resolve) => {
      this.#pending.set(id, resolve);
      worker.postMessage({ ...task, id } satisfies TextWorkerRequest);
    });
  }

  /** The thread failed or stopped: whoever waits computes for themselves, as do later callers. */
  #abandon(): void {
    this.#worker = null;
    for (const settle of this.#pending.values()) settle(null);
    this.#pending.clear();
  }
}

/**
 * The thread runs text-worker.js beside this module when footnote runs from
 * its build (dist/); from the TypeScript sources (a checkout's tsx, vitest) it
 * first registers tsx's loader in the thread, since loader hooks of the main
 * thread do not reach workers on Node 20.
 */
function spawnTextWorker(data: TextWorkerData): Worker {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return new Worker(new URL('./text-worker.js', here), { workerData: data });
  // tsx's ESM API sits beside the CommonJS one that require.resolve finds.
  const tsxApi = createRequire(here).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs');
  const bootstrap = [
    `import { register } from ${JSON.stringify(pathToFileURL(tsxApi).href)};`,
    'register();',
    `await import(${JSON.stringify(new URL('./text-worker.ts', here).href)});`,
  ].join('\n');
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(bootstrap)}`), { workerData: data });
}
