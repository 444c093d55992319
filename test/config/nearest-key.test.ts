import { describe, expect, it } from 'vitest';
import { nearestKey } from '../../src/config/nearest-key.js';

const KEYS = ['corpus', 'index', 'k', 'chunkSize', 'chunkOverlap', 'chatModel', 'model', 'embeddingModel'];

describe('nearestKey', () => {
  it.each([
    ['chatModell', 'chatModel'],
    ['ChatModel', 'chatModel'],
    ['chunksize', 'chunkSize'],
    ['copus', 'corpus'],
    ['idnex', 'index'],
    ['embedingModel', 'embeddingModel'],
  ])('reads %s as a typo of %s', (typo, meant) => {
    expect(nearestKey(typo, KEYS)).toBe(meant);
  });

  it.each(['topK', 'kk', 'x', 'temperature'])('suggests nothing for %s, which is not close to a key', (key) => {
    expect(nearestKey(key, KEYS)).toBeUndefined();
  });
});
