import { describe, expect, it } from 'vitest';
import { DEFAULT_LOCAL_DIMENSIONS, LocalEmbedder } from '../../src/embed/local-embedder.js';

function cosine(a: readonly number[], b: readonly number[]): number {
  return a.reduce((sum, value, i) => sum + value * (b[i] ?? 0), 0);
}

function norm(vector: readonly number[]): number {
  return Math.sqrt(cosine(vector, vector));
}

describe('LocalEmbedder', () => {
  it('names itself local-hash with its dimensions', () => {
    expect(new LocalEmbedder().identity).toEqual({ id: 'local-hash', version: '1', dimensions: DEFAULT_LOCAL_DIMENSIONS });
    expect(new LocalEmbedder({ dimensions: 64 }).identity.dimensions).toBe(64);
  });

  it('rejects dimensions that are not a positive integer', () => {
    expect(() => new LocalEmbedder({ dimensions: 0 })).toThrow(RangeError);
    expect(() => new LocalEmbedder({ dimensions: 1.5 })).toThrow(RangeError);
  });

  it('returns the same vector for the same text, across instances', async () => {
    const first = await new LocalEmbedder().embedQuery('Feature hashing is deterministic.');
    const second = await new LocalEmbedder().embedDocuments(['Feature hashing is deterministic.']);
    expect(second[0]).toEqual(first);
  });

  it('returns unit-length vectors of the configured length', async () => {
    const vectors = await new LocalEmbedder({ dimensions: 256 }).embedDocuments(['one short text', 'another, longer text about vectors']);
    expect(vectors.map((vector) => vector.length)).toEqual([256, 256]);
    for (const vector of vectors) expect(norm(vector)).toBeCloseTo(1, 5);
  });

  it('places morphological variants closer than unrelated text', async () => {
    const embedder = new LocalEmbedder();
    const [cat, cats, tax] = await embedder.embedDocuments([
      'the cat sat on the mat',
      'cats sitting on mats',
      'quarterly tax filing deadlines',
    ]);
    expect(cosine(cat!, cats!)).toBeGreaterThan(0.3);
    expect(cosine(cat!, cats!)).toBeGreaterThan(cosine(cat!, tax!) + 0.2);
  });

  it('matches a misspelt word through shared character n-grams', async () => {
    const embedder = new LocalEmbedder();
    const [right, typo, other] = await embedder.embedDocuments(['retrieval', 'retreival', 'harbour']);
    expect(cosine(right!, typo!)).toBeGreaterThan(cosine(right!, other!) + 0.1);
  });

  it('gives text without words the zero vector, without NaN', async () => {
    const vectors = await new LocalEmbedder({ dimensions: 32 }).embedDocuments(['', '  ...  ', 'the of and']);
    for (const vector of vectors) {
      expect(vector).toEqual(new Array(32).fill(0));
    }
  });

  it('gives Chinese text a non-zero vector close to a text sharing its words', async () => {
    const embedder = new LocalEmbedder();
    const [books, library, weather] = await embedder.embedDocuments(['我们喜欢读书', '他喜欢在图书馆读书', '今天天气很好']);
    expect(norm(books!)).toBeCloseTo(1, 5);
    expect(cosine(books!, library!)).toBeGreaterThan(cosine(books!, weather!));
  });

  it('embeds to Float32Array with the same values as embedDocuments', async () => {
    const embedder = new LocalEmbedder({ dimensions: 64 });
    const [fast] = embedder.embedToFloat32(['float32 fast path']);
    const [plain] = await embedder.embedDocuments(['float32 fast path']);
    expect(fast).toBeInstanceOf(Float32Array);
    expect(Array.from(fast!)).toEqual(plain);
  });
});
