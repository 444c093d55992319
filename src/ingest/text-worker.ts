// The text worker thread's entry (see text-worker-client.ts): embeds chunks
// with the local embedder and tokenises them for the store, off the thread
// that reads files and writes SQLite.
import { parentPort, workerData } from 'node:worker_threads';
import { LocalEmbedder } from '../embed/local-embedder.js';
import { analyzePassage } from '../store/analyze-passage.js';
import type { TextWorkerData, TextWorkerRequest, TextWorkerResponse } from './text-worker-client.js';

const { dimensions } = workerData as TextWorkerData;
const embedder = dimensions === null ? null : new LocalEmbedder({ dimensions });

parentPort?.on('message', (request: TextWorkerRequest) => {
  let response: TextWorkerResponse;
  const transfer: ArrayBuffer[] = [];
  try {
    if (request.kind === 'analyze') {
      response = { id: request.id, analyses: request.passages.map(analyzePassage) };
    } else {
      if (embedder === null) throw new Error('this text worker has no embedder');
      const vectors = embedder.embedToFloat32(request.texts);
      // One buffer for the batch, moved rather than copied back.
      const joined = new Float32Array(vectors.length * embedder.identity.dimensions);
      vectors.forEach((vector, i) => joined.set(vector, i * vector.length));
      transfer.push(joined.buffer);
      response = { id: request.id, vectors: joined };
    }
  } catch (error) {
    response = { id: request.id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(response, transfer);
});
