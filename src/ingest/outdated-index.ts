import { formatEmbedderIdentity, type EmbedderIdentity } from '../embed/embedder.js';
import { LOCAL_EMBEDDER_ID } from '../embed/local-embedder.js';
import type { ChunkRepository } from '../store/chunk-repository.js';
import { hasCurrentTokenizer } from '../store/tokenizer-version.js';

/**
 * True when the index was written by another version of footnote itself: its
 * terms come from another tokenizer version, or its vectors from another
 * version or size of the offline embedder. Such an index must be rebuilt
 * before it can answer, and rebuilding costs only time (no provider calls:
 * a full run reuses the previous index's embeddings where its embedder is the
 * same), so index runs do it without being asked. An index built with another
 * provider or model is not outdated: which one to keep is the user's call
 * (`EMBEDDER_MISMATCH`). Without a `current` embedder (its server cannot be
 * reached), only the tokenizer is compared.
 */
export function isOutdatedIndex(repo: ChunkRepository, current: EmbedderIdentity | null): boolean {
  if (!hasCurrentTokenizer(repo)) return true;
  const indexed = repo.getMeta('embedder');
  return (
    indexed !== null &&
    current?.id === LOCAL_EMBEDDER_ID &&
    indexed.startsWith(`${LOCAL_EMBEDDER_ID}@`) &&
    indexed !== formatEmbedderIdentity(current) &&
    repo.counts().chunks > 0
  );
}
