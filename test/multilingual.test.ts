import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFootnote } from '../src/footnote.js';
import type { Footnote } from '../src/footnote-types.js';
import { DEFAULT_RETRIEVAL } from '../src/retrieve/retrieve-passages.js';
import type { Answer } from '../src/shared/types.js';
import { createTempCorpus, type TempCorpus } from './helpers/temp-corpus.js';
import { drain, makeTestConfig } from './helpers/test-config.js';
import { expectCitationsVerbatim, expectEveryMarkerCited } from './helpers/verify-citation.js';

/**
 * Documents in Chinese (CRLF line endings, full-width spaces), Japanese, Thai
 * and mixed Chinese–English, among unrelated ones. Every question's words occur
 * in its document only inside longer runs without spaces, so a tokenizer that
 * splits on spaces alone finds none of them (#7).
 */
const FILES: Record<string, string> = {
  'kunshan.md': [
    '# 公司简介',
    '',
    '本公司总部设在上海，\u3000主要生产精密零件。',
    '公司的昆山工厂于一九九八年建成投产，现有员工约三百人。工厂的产品销往欧洲和日本。',
    '',
    '公司每年举办一次员工运动会。',
  ].join('\r\n'),
  'recipes.md': '红烧肉需要五花肉、冰糖和酱油。先把肉切块，再用小火慢炖一个小时。\n\n饺子皮要用温水和面，醒面半小时后再擀皮。\n',
  'tokyo.txt': '東京タワーは一九五八年に完成した電波塔です。高さは三百三十三メートルあります。\n\n富士山は日本で一番高い山です。\n',
  'pipeline.md': '我们用Python编写数据管道，每天处理三百万条记录。数据先写入PostgreSQL数据库，再由报表系统读取。\n',
  // 𠮷 (U+20BB7) is two UTF-16 code units: offsets and lines after it must not shift.
  'yoshinoya.txt': '𠮷野家的牛丼很有名。\n𠮷野家创立于一八九九年，\u3000总店在东京筑地。\n',
  'thai.txt': 'ตลาดน้ำดำเนินสะดวกเปิดทุกวันตั้งแต่เจ็ดโมงเช้า\n',
  'garden.txt': 'Tomato seedlings need a sunny windowsill and steady watering until the last frost has passed.\n',
};

let corpus: TempCorpus;
let footnote: Footnote;
/** The same index searched by FTS5 alone, where a word the index never saw cannot match. */
let keywordOnly: Footnote;

beforeAll(async () => {
  corpus = createTempCorpus(FILES);
  const config = makeTestConfig(corpus.root);
  footnote = createFootnote(config, { maxSentences: 1 });
  await drain(footnote.ingest());
  keywordOnly = createFootnote(config, { retrieval: { ...DEFAULT_RETRIEVAL, mode: 'keyword' } });
});

afterAll(() => {
  footnote.close();
  keywordOnly.close();
  corpus.cleanup();
});

async function ask(question: string): Promise<Answer> {
  return (await drain(footnote.ask(question))).value;
}

describe('documents and questions in scripts without spaces (#7)', () => {
  it.each([
    ['昆山工厂什么时候建成？', 'kunshan.md'],
    ['東京タワーはいつ完成しましたか？', 'tokyo.txt'],
    ['Python数据管道每天处理多少记录？', 'pipeline.md'],
    ['ตลาดน้ำเปิดกี่โมง', 'thai.txt'],
    ['饺子皮怎么和面？', 'recipes.md'],
  ])('retrieves the right file first for %j, by keywords alone too', async (question, source) => {
    expect((await footnote.retrieve(question))[0]?.source).toBe(source);
    expect((await keywordOnly.retrieve(question))[0]?.source).toBe(source);
  });

  it('answers a Chinese question with the one sentence that holds the answer, cut at 。', async () => {
    const answer = await ask('昆山工厂什么时候建成？');
    expect(answer.abstained).toBe(false);
    expect(answer.answer).toBe('公司的昆山工厂于一九九八年建成投产，现有员工约三百人。 [1]');
    expect(answer.citations.map((c) => [c.source, c.startLine, c.endLine])).toEqual([['kunshan.md', 1, 6]]);
  });

  it('quotes Chinese passages verbatim at their lines despite CRLF line endings and full-width spaces', async () => {
    const answer = await ask('昆山工厂什么时候建成？');
    expect(answer.citations[0]?.text).toContain('上海，\u3000主要');
    expect(answer.citations[0]?.text).toContain('\r\n');
    await expectCitationsVerbatim(corpus.root, answer);
    expectEveryMarkerCited(answer);
  });

  it('cites the right line after characters outside the Basic Multilingual Plane', async () => {
    const answer = await ask('𠮷野家创立于哪一年？');
    expect(answer.answer).toBe('𠮷野家创立于一八九九年，\u3000总店在东京筑地。 [1]');
    expect(answer.citations.map((c) => [c.source, c.startLine, c.endLine])).toEqual([['yoshinoya.txt', 1, 2]]);
    await expectCitationsVerbatim(corpus.root, answer);
  });

  it('answers Japanese and mixed Chinese–English questions from their documents', async () => {
    const japanese = await ask('東京タワーはいつ完成しましたか？');
    expect(japanese.answer).toBe('東京タワーは一九五八年に完成した電波塔です。 [1]');
    const mixed = await ask('Python数据管道每天处理多少记录？');
    expect(mixed.answer).toBe('我们用Python编写数据管道，每天处理三百万条记录。 [1]');
    for (const answer of [japanese, mixed]) await expectCitationsVerbatim(corpus.root, answer);
  });
});
