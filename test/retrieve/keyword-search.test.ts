import { describe, expect, it } from 'vitest';
import { buildMatchExpression } from '../../src/retrieve/keyword-search.js';

describe('buildMatchExpression', () => {
  it('quotes and ORs the content words, dropping stop words', () => {
    expect(buildMatchExpression('Who led the team that visited Safe-Run?')).toBe(
      '"led" OR "team" OR "visited" OR "safe" OR "run"',
    );
  });

  it('keeps FTS5 syntax in the question literal', () => {
    expect(buildMatchExpression('NEAR(a b) OR "x" AND y*')).toBe('"near" OR "b" OR "x" OR "y"');
  });

  it('falls back to stop words when the question has nothing else', () => {
    expect(buildMatchExpression('to be or not to be')).toBe('"to" OR "be" OR "or" OR "not"');
  });

  it('segments Chinese so words can match', () => {
    expect(buildMatchExpression('我们喜欢读书')).toBe('"我们" OR "喜欢" OR "读书"');
  });

  it('returns null for a question without words', () => {
    expect(buildMatchExpression('?!')).toBeNull();
  });
});
