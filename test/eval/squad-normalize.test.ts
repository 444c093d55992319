import { describe, expect, it } from 'vitest';
import { answerHit, countWords, normalizeAnswer } from '../../src/eval/squad-normalize.js';

describe('normalizeAnswer', () => {
  it('lowercases, drops punctuation and articles, and collapses spaces', () => {
    expect(normalizeAnswer('The  Cat!')).toBe('cat');
    expect(normalizeAnswer('an apple')).toBe('apple');
    expect(normalizeAnswer('  A  Tale of the City ')).toBe('tale of city');
  });

  it('removes punctuation before articles, so "a.m." becomes "am"', () => {
    expect(normalizeAnswer('9 a.m.')).toBe('9 am');
  });

  it('removes articles only as whole words', () => {
    expect(normalizeAnswer('Theatre and anthem')).toBe('theatre and anthem');
  });

  it('removes punctuation first, so an underscore joins an article to the next word', () => {
    expect(normalizeAnswer('the_end')).toBe('theend');
  });

  it('treats non-ASCII letters as word characters, like Python 3 regular expressions', () => {
    expect(normalizeAnswer('éthe thé')).toBe('éthe thé');
  });

  it('keeps non-ASCII punctuation, as string.punctuation is ASCII only', () => {
    expect(normalizeAnswer('«Denver»—24–10')).toBe('«denver»—24–10');
  });

  it('collapses the whitespace Python splits on, including no-break spaces', () => {
    expect(normalizeAnswer('Santa\u00a0Clara\u3000CA\u001cUSA')).toBe('santa clara ca usa');
  });
});

describe('answerHit', () => {
  it('finds a gold answer inside a longer answer after normalising both', () => {
    expect(answerHit('The game was won by the Denver Broncos.', ['denver broncos'])).toBe(true);
  });

  it('is true when any of several gold answers matches', () => {
    expect(answerHit("It was played at Levi's Stadium.", ['Santa Clara', "Levi's Stadium"])).toBe(true);
  });

  it('keeps a curly apostrophe, so it does not match a straight one', () => {
    expect(answerHit('It was played at Levi’s Stadium.', ["Levi's Stadium"])).toBe(false);
  });

  it('is false when no gold answer is contained', () => {
    expect(answerHit('Carolina Panthers', ['Denver Broncos'])).toBe(false);
  });

  it('ignores gold answers that normalise to nothing', () => {
    expect(answerHit('any answer at all', ['The', '!'])).toBe(false);
  });

  it('matches a plain substring, even inside a word', () => {
    expect(answerHit('concatenate', ['cat'])).toBe(true);
  });
});

describe('countWords', () => {
  it('counts whitespace-separated words', () => {
    expect(countWords('  one two\tthree\n')).toBe(3);
  });

  it('is 0 for empty or blank text', () => {
    expect(countWords('')).toBe(0);
    expect(countWords(' \n ')).toBe(0);
  });

  it('counts the segmented words of Chinese text, which has no spaces', () => {
    expect(countWords('我们喜欢读书。')).toBe(3);
    expect(countWords('用 Python 写代码')).toBe(4);
  });
});
