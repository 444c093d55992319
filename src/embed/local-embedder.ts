import { Embeddings } from '@langchain/core/embeddings';
import type { Embedder, EmbedderIdentity } from './embedder.js';
import { FNV_OFFSET_BASIS, fnvStep, hashString } from '../text/fnv-hash.js';
import { stem } from '../text/porter-stemmer.js';
import { STOP_WORDS } from '../text/stop-words.js';
import { tokenize } from '../text/tokenize.js';

/**
 * Vector length of the local embedder unless told otherwise. Measured with
 * `npm run eval` (nDCG@10 of the vector ranker alone / of the default
 * reranked retrieval):
 *
 * | dimensions | SciFact       | SQuAD dev     | CMRC 2018     |
 * | ---------- | ------------- | ------------- | ------------- |
 * | 1024       | 0.477 / 0.690 | 0.754 / 0.894 | 0.906 / 0.990 |
 * | 768        | 0.470 / 0.689 | 0.738 / 0.894 | 0.877 / 0.990 |
 * | 512        | 0.417 / 0.688 | 0.702 / 0.894 | 0.814 / 0.990 |
 *
 * Fewer dimensions build the graph faster (768: 23%, 512: 51% on 7,670
 * chunks) at the same HNSW recall, but a whole index run of 5 MB was only
 * about 12% faster at 768, while hash collisions cost the vector ranker,
 * which is what retrieval falls back on where a question's words are not
 * the passage's.
 */
export const DEFAULT_LOCAL_DIMENSIONS = 1024;

/**
 * Feature weights. Word unigrams carry the meaning; bigrams reward phrases that
 * match in order; character 3–5-grams of each word let `cat`/`cats`,
 * `index`/`indexing` and typos overlap. Each word's n-grams together weigh about
 * `CHAR_GRAM_WORD_WEIGHT` (L2) against 1 for the word itself.
 *
 * Measured by hand on 5,000 prose paragraphs, with 300 synthetic queries per run
 * cut from them (words dropped, re-inflected, misspelt), MRR@10 averaged over
 * three runs: no n-grams 0.70, word weight 0.5 0.73, 0.7 0.74, 1.0 0.75. 512
 * dimensions cost 0.03–0.05 against 1024, and 2048 gained nothing. 0.7 keeps
 * most of the gain while common n-grams (`ing>`, `tion`) still weigh little
 * next to the words. Speed: about 5,000 passages of 850 characters a second
 * on one core.
 */
const UNIGRAM_WEIGHT = 1;
const BIGRAM_WEIGHT = 0.5;
const CHAR_GRAM_WORD_WEIGHT = 0.7;
const MIN_CHAR_GRAM = 3;
const MAX_CHAR_GRAM = 5;
/** A word with n letters has about 3n-3 n-grams of length 3 to 5 once `<` and `>` mark its ends. */
const TYPICAL_CHAR_GRAMS_PER_WORD = 18;
const CHAR_GRAM_WEIGHT = CHAR_GRAM_WORD_WEIGHT / Math.sqrt(TYPICAL_CHAR_GRAMS_PER_WORD);
/** Longer tokens are identifiers, hashes or URLs: their n-grams only add noise and time. */
const MAX_CHAR_GRAM_TOKEN_LENGTH = 24;

/** Distinct FNV seeds keep the three feature kinds apart even when their strings coincide. */
const UNIGRAM_SEED = FNV_OFFSET_BASIS;
const BIGRAM_SEED = 0x050c5d1f;
const CHAR_GRAM_SEED = 0x2b992ddf;
const WORD_START = 0x3c; // '<'
const WORD_END = 0x3e; // '>'
const BIGRAM_SEPARATOR = 0x20; // ' '

/**
 * murmur3's finaliser: FNV's low bits mix poorly, and the bucket comes from them.
 * @see https://github.com/aappleby/smhasher/blob/master/src/MurmurHash3.cpp
 */
function mix(hash: number): number {
  let h = hash ^ (hash >>> 16);
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * Occurrences per feature hash, in first-seen order: an open-addressing table
 * on typed arrays. It replaced a `Map<number, number>`, which took a third of
 * the embedder's time; iterating in insertion order as the Map did keeps every
 * vector bit-for-bit the same (float sums depend on order).
 */
class FeatureCounts {
  #bits = 12;
  #features = new Int32Array(1 << this.#bits);
  #counts = new Int32Array(1 << this.#bits);
  /** Slots in first-seen order. */
  #order: number[] = [];

  get size(): number {
    return this.#order.length;
  }

  featureAt(index: number): number {
    return this.#features[this.#order[index]!]!;
  }

  countAt(index: number): number {
    return this.#counts[this.#order[index]!]!;
  }

  add(feature: number): void {
    const mask = (1 << this.#bits) - 1;
    let slot = Math.imul(feature, 0x9e3779b1) >>> (32 - this.#bits);
    while (this.#counts[slot] !== 0 && this.#features[slot] !== feature) slot = (slot + 1) & mask;
    if (this.#counts[slot] === 0) {
      this.#features[slot] = feature;
      this.#order.push(slot);
    }
    this.#counts[slot] = this.#counts[slot]! + 1;
    if (this.#order.length * 2 > mask) this.#grow();
  }

  clear(): void {
    for (const slot of this.#order) this.#counts[slot] = 0;
    this.#order.length = 0;
  }

  #grow(): void {
    const features = Array.from({ length: this.size }, (_, i) => this.featureAt(i));
    const counts = Array.from({ length: this.size }, (_, i) => this.countAt(i));
    this.#bits += 1;
    this.#features = new Int32Array(1 << this.#bits);
    this.#counts = new Int32Array(1 << this.#bits);
    this.#order = [];
    features.forEach((feature, i) => {
      this.add(feature);
      this.#counts[this.#order[i]!] = counts[i]!;
    });
  }
}

/**
 * The hash of every character n-gram of `<word>`, in order, without building
 * the n-gram strings: the hash of each start position is extended one code
 * unit at a time.
 */
function hashCharGrams(word: string): number[] {
  const hashes: number[] = [];
  const length = word.length + 2;
  for (let start = 0; start + MIN_CHAR_GRAM <= length; start++) {
    let hash = CHAR_GRAM_SEED;
    const end = Math.min(length, start + MAX_CHAR_GRAM);
    for (let position = start; position < end; position++) {
      const codeUnit =
        position === 0 ? WORD_START : position === length - 1 ? WORD_END : word.charCodeAt(position - 1);
      hash = fnvStep(hash, codeUnit);
      if (position - start + 1 >= MIN_CHAR_GRAM) hashes.push(hash);
    }
  }
  return hashes;
}

/** What one token contributes, whatever its neighbours: null for a stop word. */
interface TokenFeatures {
  stemmed: string;
  unigram: number;
  /** Seed of the bigram this token starts. */
  bigramSeed: number;
  charGrams: readonly number[];
}

/**
 * Features by token. Word frequencies follow Zipf's law, so most tokens of a
 * passage were seen before: stemming and n-gram hashing once per distinct
 * token halves the embedder's time on prose (measured on 16k passages). The
 * cache only skips work; vectors are identical. Cleared when full to bound memory.
 */
const tokenCache = new Map<string, TokenFeatures | null>();
// ~50k tokens of a few hundred bytes each: about 15 MB at most.
const TOKEN_CACHE_LIMIT = 50_000;

function featuresOf(token: string): TokenFeatures | null {
  const cached = tokenCache.get(token);
  if (cached !== undefined) return cached;
  let features: TokenFeatures | null = null;
  if (!STOP_WORDS.has(token)) {
    const stemmed = stem(token);
    features = {
      stemmed,
      unigram: hashString(stemmed, UNIGRAM_SEED),
      bigramSeed: hashString(stemmed, BIGRAM_SEED),
      charGrams: token.length <= MAX_CHAR_GRAM_TOKEN_LENGTH ? hashCharGrams(token) : [],
    };
  }
  if (tokenCache.size >= TOKEN_CACHE_LIMIT) tokenCache.clear();
  tokenCache.set(token, features);
  return features;
}

/**
 * Adds the counted features to `vector`: each lands in bucket `mix(h) mod d`
 * with a sign from another bit, so colliding features cancel on average instead
 * of piling up. Term frequency is sublinear (`1 + ln tf`), as in classic tf-idf.
 * @see https://en.wikipedia.org/wiki/Feature_hashing
 */
function project(vector: Float32Array, counts: FeatureCounts, weight: number): void {
  const dimensions = vector.length;
  for (let i = 0; i < counts.size; i++) {
    const feature = counts.featureAt(i);
    const occurrences = counts.countAt(i);
    const mixed = mix(feature);
    const bucket = mixed % dimensions;
    const sign = (mix(feature ^ 0x9e3779b9) & 1) === 0 ? 1 : -1;
    vector[bucket] = (vector[bucket] ?? 0) + sign * weight * (1 + Math.log(occurrences));
  }
}

/** Scales `vector` to unit length in place; an all-zero vector stays all zero. */
function normalize(vector: Float32Array): void {
  let sumOfSquares = 0;
  for (let i = 0; i < vector.length; i++) {
    const value = vector[i] ?? 0;
    sumOfSquares += value * value;
  }
  if (sumOfSquares === 0) return;
  const scale = 1 / Math.sqrt(sumOfSquares);
  for (let i = 0; i < vector.length; i++) vector[i] = (vector[i] ?? 0) * scale;
}

// Reused across calls (the work is synchronous) so that embedding allocates no tables.
const unigramCounts = new FeatureCounts();
const bigramCounts = new FeatureCounts();
const charGramCounts = new FeatureCounts();

/** The hashed, weighted, L2-normalised feature vector of one text. */
function embedText(text: string, dimensions: number): Float32Array {
  unigramCounts.clear();
  bigramCounts.clear();
  charGramCounts.clear();
  let previousStemHash: number | null = null;
  for (const token of tokenize(text)) {
    const features = featuresOf(token);
    if (features === null) continue;
    unigramCounts.add(features.unigram);
    // Bigrams join neighbouring content words, so "speed of light" pairs speed+light.
    if (previousStemHash !== null) {
      bigramCounts.add(hashString(features.stemmed, fnvStep(previousStemHash, BIGRAM_SEPARATOR)));
    }
    previousStemHash = features.bigramSeed;
    for (const hash of features.charGrams) charGramCounts.add(hash);
  }
  const vector = new Float32Array(dimensions);
  project(vector, unigramCounts, UNIGRAM_WEIGHT);
  project(vector, bigramCounts, BIGRAM_WEIGHT);
  project(vector, charGramCounts, CHAR_GRAM_WEIGHT);
  normalize(vector);
  return vector;
}

/** The offline embedder's identity id, whatever its version and dimensions. */
export const LOCAL_EMBEDDER_ID = 'local-hash';

/** Options for the offline embedder. */
export interface LocalEmbedderOptions {
  /** Vector length; default `DEFAULT_LOCAL_DIMENSIONS`. */
  dimensions?: number;
}

/**
 * The offline embedder: feature hashing of stemmed words, word bigrams and
 * character n-grams into a fixed-length, L2-normalised vector. It needs no model
 * or network, is deterministic across runs and machines, and embeds thousands of
 * passages a second on one core. Texts without a word token (empty, only
 * punctuation) get the all-zero vector.
 *
 * @example
 * const embedder = new LocalEmbedder();
 * const [vector] = await embedder.embedDocuments(['The cat sat on the mat.']);
 */
export class LocalEmbedder extends Embeddings implements Embedder {
  readonly identity: EmbedderIdentity;
  readonly lexical = true;

  constructor(options: LocalEmbedderOptions = {}) {
    super({});
    const dimensions = options.dimensions ?? DEFAULT_LOCAL_DIMENSIONS;
    if (!Number.isInteger(dimensions) || dimensions < 1) {
      throw new RangeError(`dimensions must be a positive integer (got ${dimensions})`);
    }
    this.identity = { id: LOCAL_EMBEDDER_ID, version: '1', dimensions };
  }

  /** Embeds synchronously into `Float32Array`s: the fast path for the index, which stores float32. */
  embedToFloat32(texts: readonly string[]): Float32Array[] {
    return texts.map((text) => embedText(text, this.identity.dimensions));
  }

  /** LangChain's interface: one plain-array vector per text, in order. */
  override async embedDocuments(texts: string[]): Promise<number[][]> {
    return this.embedToFloat32(texts).map((vector) => Array.from(vector));
  }

  /** LangChain's interface: the vector of one query. Queries and passages embed alike. */
  override async embedQuery(text: string): Promise<number[]> {
    return Array.from(embedText(text, this.identity.dimensions));
  }
}
