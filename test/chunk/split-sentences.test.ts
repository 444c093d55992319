import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/chunk/split-sentences.js';

const texts = (text: string): string[] => splitSentences(text).map((span) => span.text);

describe('splitSentences', () => {
  it('does not end a sentence after "Dr."', () => {
    expect(texts('Dr. Smith arrived. He spoke.')).toEqual(['Dr. Smith arrived.', 'He spoke.']);
  });

  it('does not end a sentence after common abbreviations or initials', () => {
    const text =
      'Mr. J. Smith met Prof. Jones at St. Paul. See Fig. A for the U.S. Army. ' +
      'Cities, e.g. Paris, vs. Towns. Smith et al. Agree.';
    expect(texts(text)).toEqual([
      'Mr. J. Smith met Prof. Jones at St. Paul.',
      'See Fig. A for the U.S. Army.',
      'Cities, e.g. Paris, vs. Towns.',
      'Smith et al. Agree.',
    ]);
  });

  it('does not end a sentence after a title or the "v." of a case name', () => {
    const text = 'In 1685, Rev. Elie Prioleau came. It led to Brown v. Board of Education. Sen. Smith saw Mt. Kenya.';
    expect(texts(text)).toEqual([
      'In 1685, Rev. Elie Prioleau came.',
      'It led to Brown v. Board of Education.',
      'Sen. Smith saw Mt. Kenya.',
    ]);
  });

  it('does not end a sentence after "c." or a month before a number, but does before a word', () => {
    const text = 'A head dated c. 1547, by Cellini. Searched through Aug. 31, 2014. It was in Aug. The end.';
    expect(texts(text)).toEqual([
      'A head dated c. 1547, by Cellini.',
      'Searched through Aug. 31, 2014.',
      'It was in Aug.',
      'The end.',
    ]);
  });

  it('still ends a sentence after an acronym or "Jr."', () => {
    expect(texts('It raised the risk of ED. Two hundred men took part. He met Richard Gordon, Jr. Conrad flew.')).toEqual([
      'It raised the risk of ED.',
      'Two hundred men took part.',
      'He met Richard Gordon, Jr.',
      'Conrad flew.',
    ]);
  });

  it('still ends a sentence after an ordinary word', () => {
    expect(texts('Was it him? No. He left.')).toEqual(['Was it him?', 'No.', 'He left.']);
  });

  it('returns trimmed spans whose offsets slice out their text', () => {
    const text = '  First one.   Second one!\n';
    const spans = splitSentences(text);
    expect(spans.map((span) => [span.text, span.start, span.end])).toEqual([
      ['First one.', 2, 12],
      ['Second one!', 15, 26],
    ]);
    for (const span of spans) expect(text.slice(span.start, span.end)).toBe(span.text);
  });

  it('keeps a single line break inside a sentence', () => {
    expect(texts('This sentence wraps\nonto a second line. Next.')).toEqual([
      'This sentence wraps\nonto a second line.',
      'Next.',
    ]);
  });

  it('always ends a sentence at a blank line', () => {
    expect(texts('A heading\n\nBody text without a stop\r\n\r\nMore')).toEqual([
      'A heading',
      'Body text without a stop',
      'More',
    ]);
  });

  it('splits Chinese at 。！？', () => {
    expect(texts('我们今天去公园。天气很好！你呢？')).toEqual(['我们今天去公园。', '天气很好！', '你呢？']);
  });

  it('keeps closing quotes and brackets after 。！？ with their sentence', () => {
    expect(texts('他说：「你好。」然后走了。她问：“为什么？”没人回答！')).toEqual([
      '他说：「你好。」',
      '然后走了。',
      '她问：“为什么？”',
      '没人回答！',
    ]);
  });

  it('starts a sentence at its opening bracket, which ICU leaves on the previous one', () => {
    expect(texts('「本当？」と聞いた。『はい。』そうです。')).toEqual(['「本当？」', 'と聞いた。', '『はい。』', 'そうです。']);
  });

  it('leaves an opening bracket that ends the paragraph where it is', () => {
    expect(texts('他说。「')).toEqual(['他说。「']);
  });

  it('ends a clause at a full-width semicolon, but not inside brackets', () => {
    expect(texts('树高可达55米；叶呈鳞状。')).toEqual(['树高可达55米；', '叶呈鳞状。']);
    expect(texts('鸡毛松（学名：X；毛利语：Y）是一种树。')).toEqual(['鸡毛松（学名：X；毛利语：Y）是一种树。']);
  });

  it('splits mixed Chinese and English sentences and keeps offsets verbatim', () => {
    const text = '中文句子。English sentence. 第二句！';
    const spans = splitSentences(text);
    expect(spans.map((span) => span.text)).toEqual(['中文句子。', 'English sentence.', '第二句！']);
    for (const span of spans) expect(text.slice(span.start, span.end)).toBe(span.text);
  });

  it('returns nothing for whitespace', () => {
    expect(splitSentences(' \n\n ')).toEqual([]);
  });
});
