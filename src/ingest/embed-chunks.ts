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
): Promise<EmbeddedBatch> {
  const unknownHashes = [...new Set(textHashes.filter((hash) => !runCache.has(hash)))];
  for (const [hash, vector] of known(unknownHashes)) runCache.set(hash, vector);

  const missing = new Map<string, string>();
  textHashes.forEach((hash, i) => {
    if (!runCache.has(hash) && !missing.has(hash)) missing.set(hash, texts[i] ?? '');
  });
  if (missing.size > 0) {
    const computed = await embedder.embedDocuments([...missing.values()]);
    [...missing.keys()].forEach((hash, i) => {
      runCache.set(hash, Float32Array.from(computed[i] ?? []));
    });
  }
  const vectors = textHashes.map((hash) => {
    const vector = runCache.get(hash);
    if (!vector) throw new Error(`no embedding for chunk ${hash}`);
    return vector;
  });
  return { vectors, computed: missing.size, reused: textHashes.length - missing.size };
}
