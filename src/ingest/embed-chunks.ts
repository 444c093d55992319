import type { Embedder } from '../embed/embedder.js';

/** Embeddings for a batch of chunk texts, and how many the embedder computed. */
export interface EmbeddedBatch {
  vectors: Float32Array[];
  computed: number;
  reused: number;
}

/**
 * Embeds texts, reusing any vector already known for identical text (by content
 * hash) from the index or earlier in this run; each distinct new text is sent to
 * the embedder once.
 */
export async function embedChunks(
  texts: readonly string[],
  textHashes: readonly string[],
  embedder: Embedder,
  known: (hashes: string[]) => Map<string, Float32Array>,
  runCache: Map<string, Float32Array>,
  /** Computes the new embeddings instead of `embedder` (an index run's text worker does, for the local one). */
  compute?: (texts: string[]) => Promise<Float32Array[]>,
  /** Stops a remote embedder between its requests (Ctrl+C during an index run). */
  signal?: AbortSignal,
): Promise<EmbeddedBatch> {
  const unknownHashes = [...new Set(textHashes.filter((hash) => !runCache.has(hash)))];
  for (const [hash, vector] of known(unknownHashes)) runCache.set(hash, vector);

  const missing = new Map<string, string>();
  textHashes.forEach((hash, i) => {
    if (!runCache.has(hash) && !missing.has(hash)) missing.set(hash, texts[i] ?? '');
  });
  if (missing.size > 0) {
    const texts = [...missing.values()];
    const computed = await (compute ?? ((batch) => embedToFloat32(embedder, batch, signal)))(texts);
    [...missing.keys()].forEach((hash, i) => {
      runCache.set(hash, computed[i] ?? new Float32Array(embedder.identity.dimensions));
    });
  }
  const vectors = textHashes.map((hash) => {
    const vector = runCache.get(hash);
    if (!vector) throw new Error(`no embedding for chunk ${hash}`);
    return vector;
  });
  return { vectors, computed: missing.size, reused: textHashes.length - missing.size };
}

/** An embedder that can skip LangChain's `number[][]` (the local one does). */
interface Float32Embedder {
  embedToFloat32(texts: readonly string[]): Float32Array[];
}

function hasFloat32Path(embedder: Embedder): embedder is Embedder & Float32Embedder {
  return typeof (embedder as Partial<Float32Embedder>).embedToFloat32 === 'function';
}

// The store keeps float32; going through number[] would allocate a boxed
// array per vector only to convert it back.
async function embedToFloat32(embedder: Embedder, texts: string[], signal?: AbortSignal): Promise<Float32Array[]> {
  if (hasFloat32Path(embedder)) return embedder.embedToFloat32(texts);
  return (await embedder.embedDocuments(texts, { signal })).map((vector) => Float32Array.from(vector));
}
