import { FootnoteError } from '../shared/errors.js';
import { TOKENIZER_VERSION } from '../text/tokenize.js';
import type { ChunkRepository } from './chunk-repository.js';

/** The meta key under which the index records the tokenizer version its terms were made with. */
const TOKENIZER_META_KEY = 'tokenizer';

/**
 * Indexes made before the version was recorded split words with version 1
 * (FTS5 text segmented for CJK only, accents kept, Thai unsegmented).
 */
const UNRECORDED_VERSION = '1';

/**
 * Throws `TOKENIZER_MISMATCH` when the index holds passages whose terms were
 * made by another tokenizer version than this build's: its FTS5 rows, term
 * statistics and local embeddings would disagree with the question's terms.
 * An empty index matches any version.
 */
export function assertTokenizerVersion(repo: ChunkRepository): void {
  if (hasCurrentTokenizer(repo)) return;
  throw new FootnoteError('TOKENIZER_MISMATCH', {
    indexed: repo.getMeta(TOKENIZER_META_KEY) ?? UNRECORDED_VERSION,
    current: TOKENIZER_VERSION,
  });
}

/** False when the index holds passages whose terms another tokenizer version made (see {@link assertTokenizerVersion}). */
export function hasCurrentTokenizer(repo: ChunkRepository): boolean {
  return repo.getMeta(TOKENIZER_META_KEY) === TOKENIZER_VERSION || repo.counts().chunks === 0;
}

/** Records this build's tokenizer version; call when writing passages into the index. */
export function recordTokenizerVersion(repo: ChunkRepository): void {
  repo.setMeta(TOKENIZER_META_KEY, TOKENIZER_VERSION);
}
