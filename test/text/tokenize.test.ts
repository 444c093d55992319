import { describe, expect, it } from 'vitest';
import { STOP_WORDS } from '../../src/text/stop-words.js';
import { characterBigrams, contentTerms, hasUnspacedScript, tokenize } from '../../src/text/tokenize.js';

describe('tokenize', () => {
  it('lowercases and splits on punctuation and spaces', () => {
    expect(tokenize('The Cat, the HAT; 3.14!')).toEqual(['the', 'cat', 'the', 'hat', '3', '14']);
  });

  it('splits words at apostrophes', () => {
    expect(tokenize("Don't stop")).toEqual(['don', 't', 'stop']);
  });

  it('applies NFKC so full-width and ligature forms match plain ones', () => {
    expect(tokenize('ＡＢＣ ﬁle 第１２号')).toEqual(['abc', 'file', '第', '12', '号']);
  });

  it('folds accents on Latin letters as FTS5 remove_diacritics does, and keeps other scripts whole', () => {
    expect(tokenize('naïve café Straße')).toEqual(['naive', 'cafe', 'straße']);
    expect(tokenize('cafe\u0301')).toEqual(['cafe']);
    expect(tokenize('Привет, мир! Йод')).toEqual(['привет', 'мир', 'йод']);
  });

  it('segments Chinese into dictionary words', () => {
    expect(tokenize('我们喜欢读书。')).toEqual(['我们', '喜欢', '读书']);
  });

  it('segments Japanese kanji and kana, keeping the prolonged sound mark in its word', () => {
    expect(tokenize('ラーメンが好きです。')).toEqual(['ラーメン', 'が', '好き', 'です']);
  });

  it('segments Thai, which has no spaces between words', () => {
    expect(tokenize('ภาษาไทยง่ายนิดเดียว')).toEqual(['ภาษา', 'ไทย', 'ง่าย', 'นิด', 'เดียว']);
  });

  it('splits a run where it changes between Chinese and Latin letters or digits', () => {
    expect(tokenize('Hello世界 test')).toEqual(['hello', '世界', 'test']);
    expect(tokenize('用Python写代码')).toEqual(['用', 'python', '写', '代码']);
    expect(tokenize('iPhone手机2018年')).toEqual(['iphone', '手机', '2018', '年']);
  });

  it('keeps Hangul words as written, since Korean is spaced', () => {
    expect(tokenize('안녕하세요 세계')).toEqual(['안녕하세요', '세계']);
  });

  it('follows a camelCase or PascalCase identifier with its words, so "read a file" finds readFile', () => {
    expect(tokenize('fsPromises.readFile(path)')).toEqual(['fspromises', 'fs', 'promises', 'readfile', 'read', 'file', 'path']);
    expect(tokenize('XMLHttpRequest base64Encode')).toEqual(['xmlhttprequest', 'xml', 'http', 'request', 'base64encode', 'base64', 'encode']);
    expect(tokenize('exitOnCtrlC, NASA and Paris')).toEqual(['exitonctrlc', 'exit', 'on', 'ctrl', 'c', 'nasa', 'and', 'paris']);
    expect(tokenize('naïveCafé İstanbulCity')).toEqual(['naivecafe', 'naive', 'cafe', 'istanbulcity', 'istanbul', 'city']);
    expect(tokenize('URLs and IDs')).toEqual(['urls', 'and', 'ids']);
  });

  it('puts each identifier\'s words right after it, whatever separates the runs', () => {
    // Curly quotes and dashes are separators outside ASCII; `Größe` makes the text's letters non-ASCII.
    expect(tokenize('“getItem” — a setItem…x2Y')).toEqual(['getitem', 'get', 'item', 'a', 'setitem', 'set', 'item', 'x2y', 'x2', 'y']);
    expect(tokenize('die Größe: “getItem” — maxWidth')).toEqual(['die', 'große', 'getitem', 'get', 'item', 'maxwidth', 'max', 'width']);
    expect(tokenize('item itemId')).toEqual(['item', 'itemid', 'item', 'id']);
  });

  it('returns no tokens for text without letters or digits', () => {
    expect(tokenize('')).toEqual([]);
    expect(tokenize(' -- ... !! 。、')).toEqual([]);
  });
});

describe('contentTerms', () => {
  it('drops English stop words and stems English words', () => {
    expect(contentTerms('The cats are running')).toEqual(['cat', 'run']);
  });

  it('keeps every Chinese word as it is, with no stop list and no stemming', () => {
    expect(contentTerms('他们在读书')).toEqual(['他们', '在', '读书']);
  });

  it('stems only the English words of a mixed sentence', () => {
    expect(contentTerms('我们用running shoes')).toEqual(['我们', '用', 'run', 'shoe']);
  });

  it('falls back to every word when all are stop words', () => {
    expect(contentTerms('to be or not to be')).toEqual(['to', 'be', 'or', 'not', 'to', 'be']);
  });
});

describe('hasUnspacedScript', () => {
  it('is true for Chinese, Japanese kana and Thai, false for spaced scripts', () => {
    expect(['中', 'か', 'ア', 'ไ'].map(hasUnspacedScript)).toEqual([true, true, true, true]);
    expect(['a', 'й', '한', '1'].map(hasUnspacedScript)).toEqual([false, false, false, false]);
  });
});

describe('STOP_WORDS', () => {
  it('holds function words and apostrophe fragments but not content words', () => {
    expect(['the', 'and', 'of', 'is', 's', 't', 'don'].every((word) => STOP_WORDS.has(word))).toBe(true);
    expect(['cat', 'index', 'passage'].some((word) => STOP_WORDS.has(word))).toBe(false);
  });
});

describe('characterBigrams', () => {
  it('pairs neighbouring characters inside Chinese and Japanese runs only', () => {
    expect(characterBigrams('鸡毛松有多高？')).toEqual(['鸡毛', '毛松', '松有', '有多', '多高']);
    expect(characterBigrams('iPhone手机，2018年发布')).toEqual(['手机', '年发', '发布']);
    expect(characterBigrams('ラーメン')).toEqual(['ラー', 'ーメ', 'メン']);
    expect(characterBigrams('plain English')).toEqual([]);
  });
});
