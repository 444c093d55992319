import { describe, expect, it } from 'vitest';
import { findParagraphSplit } from '../../../src/ui/state/find-paragraph-split.js';

describe('findParagraphSplit', () => {
  it('cuts after the last blank line', () => {
    expect(findParagraphSplit('one\n\ntwo\n\nthree')).toBe(10);
  });

  it('returns 0 when no paragraph has finished', () => {
    expect(findParagraphSplit('one\ntwo')).toBe(0);
  });

  it('does not cut inside a code fence', () => {
    const text = 'intro\n\n```\ncode\n\nmore\n';
    expect(findParagraphSplit(text)).toBe(7);
  });
});
