import { describe, expect, it } from 'vitest';
import { stem } from '../../src/text/porter-stemmer.js';

describe('stem', () => {
  it.each([
    // Step 1a and 1b, from Porter's paper.
    ['caresses', 'caress'],
    ['ponies', 'poni'],
    ['ties', 'ti'],
    ['caress', 'caress'],
    ['cats', 'cat'],
    ['feed', 'feed'],
    ['agreed', 'agre'],
    ['plastered', 'plaster'],
    ['bled', 'bled'],
    ['motoring', 'motor'],
    ['sing', 'sing'],
    ['conflated', 'conflat'],
    ['troubled', 'troubl'],
    ['sized', 'size'],
    ['hopping', 'hop'],
    ['falling', 'fall'],
    ['hissing', 'hiss'],
    ['fizzed', 'fizz'],
    ['failing', 'fail'],
    ['filing', 'file'],
    ['happy', 'happi'],
    ['sky', 'sky'],
    // Steps 2 to 5, applied all the way through.
    ['relational', 'relat'],
    ['conditional', 'condit'],
    ['rational', 'ration'],
    ['digitizer', 'digit'],
    ['vietnamization', 'vietnam'],
    ['operator', 'oper'],
    ['hopefulness', 'hope'],
    ['sensibiliti', 'sensibl'],
    ['electrical', 'electr'],
    ['goodness', 'good'],
    ['allowance', 'allow'],
    ['adjustment', 'adjust'],
    ['adoption', 'adopt'],
    ['communism', 'commun'],
    ['effective', 'effect'],
    ['generalization', 'gener'],
    ['oscillators', 'oscil'],
    ['controll', 'control'],
    ['roll', 'roll'],
    ['cease', 'ceas'],
  ])('stems %s to %s', (word, expected) => {
    expect(stem(word)).toBe(expected);
  });

  it('leaves short, non-ASCII and mixed words unchanged', () => {
    expect(['is', 'as', 'café', '我们', 'h2o', 'straße'].map(stem)).toEqual([
      'is',
      'as',
      'café',
      '我们',
      'h2o',
      'straße',
    ]);
  });

  it('gives the same stem on a repeated call', () => {
    expect(stem('generalizations')).toBe('gener');
    expect(stem('generalizations')).toBe('gener');
  });
});
