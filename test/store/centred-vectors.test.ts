import { describe, expect, it } from 'vitest';
import { dot, estimateCenter, normalized, toStoredVector } from '../../src/store/centred-vectors.js';

describe('centred vectors', () => {
  it('estimates the centre as the mean, and none from no vectors', () => {
    const center = estimateCenter([Float32Array.from([1, 0]), Float32Array.from([0, 1])], 2);
    expect(Array.from(center!)).toEqual([0.5, 0.5]);
    expect(estimateCenter([], 2)).toBeNull();
  });

  it('stores a vector at unit length minus the centre', () => {
    const stored = toStoredVector([3, 4], Float32Array.from([0.5, 0.5]));
    expect(stored[0]).toBeCloseTo(0.1, 6);
    expect(stored[1]).toBeCloseTo(0.3, 6);
    expect(Array.from(toStoredVector([3, 4], null))).toEqual([expect.closeTo(0.6, 6), expect.closeTo(0.8, 6)]);
  });

  it('keeps a zero vector zero before the subtraction, with no NaN', () => {
    expect(Array.from(normalized(new Float32Array(3)))).toEqual([0, 0, 0]);
    expect(Array.from(toStoredVector(new Float32Array(2), Float32Array.from([0.25, 0.5])))).toEqual([-0.25, -0.5]);
  });

  it('ranks by q·(v − c) as by q·v: the centre only shifts every score of a query alike', () => {
    const center = Float32Array.from([0.4, 0.3, 0.2]);
    const query = normalized([1, 2, 0.5]);
    const vectors = [[1, 0, 0], [0, 1, 0], [0.5, 0.5, 0.7], [0.2, 0.9, 0.1]].map((v) => normalized(v));
    const shift = dot(query, center);
    for (const vector of vectors) {
      expect(dot(query, toStoredVector(vector, center)) + shift).toBeCloseTo(dot(query, vector), 6);
    }
  });
});
