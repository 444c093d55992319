import { describe, expect, it } from 'vitest';
import { fuseRankings } from '../../src/retrieve/fuse-rankings.js';

describe('fuseRankings', () => {
  it('adds 1 / (k + rank) from every list', () => {
    const fused = fuseRankings([{ ids: [1, 2] }, { ids: [2, 3] }], { k: 60 });
    expect(fused.map((hit) => hit.id)).toEqual([2, 1, 3]);
    expect(fused[0]?.score).toBeCloseTo(1 / 62 + 1 / 61, 12);
    expect(fused[1]?.score).toBeCloseTo(1 / 61, 12);
    expect(fused[2]?.score).toBeCloseTo(1 / 62, 12);
  });

  it('weights a list', () => {
    const fused = fuseRankings([{ ids: [1], weight: 1 }, { ids: [2], weight: 2 }], { k: 0 });
    expect(fused).toEqual([
      { id: 2, score: 2 },
      { id: 1, score: 1 },
    ]);
  });

  it('returns nothing for no rankings', () => {
    expect(fuseRankings([])).toEqual([]);
  });
});
