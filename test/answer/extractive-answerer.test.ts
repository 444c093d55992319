import { describe, expect, it } from 'vitest';
import { ABSTAIN_TEXT, answerExtractively, NO_MATCH_TEXT, NO_WORDS_TEXT } from '../../src/answer/extractive-answerer.js';
import type { Answer, AnswerEvent, Passage } from '../../src/shared/types.js';
import { chunkDocument } from '../../src/chunk/chunk-document.js';
import { makePassage } from '../helpers/make-passage.js';
import { drain } from '../helpers/test-config.js';

const passage = (id: number, source: string, text: string, score = 1): Passage =>
  makePassage(text, { id, source, score });

// Equal weights keep the arithmetic visible: coverage is the share of terms matched.
const weights = (...terms: string[]) => new Map(terms.map((term) => [term, 1]));

async function answer(question: string, passages: Passage[], termWeights: Map<string, number>, maxSentences?: number) {
  return drain<AnswerEvent, Answer>(answerExtractively(question, passages, termWeights, { maxSentences }));
}

describe('answerExtractively', () => {
  it('quotes the sentence that covers the question, followed by its citation', async () => {
    const { value } = await answer(
      'Who led the team?',
      [passage(7, 'a.txt', 'The weather was fine. Guo Jun led the team to Kunshan. Lunch followed.')],
      weights('led', 'team'),
      1,
    );
    expect(value.answer).toBe('Guo Jun led the team to Kunshan. [1]');
    expect(value.abstained).toBe(false);
    expect(value.citations.map((c) => [c.id, c.source])).toEqual([[1, 'a.txt']]);
  });

  it('quotes the sentence with the detail asked about, not the one that names the document (its title)', async () => {
    const text = '大果西番莲有时候会在温室中种植。它的根部的作用是催吐。';
    const titled = { ...passage(1, 'a.md', text), title: '大果西番莲' };
    const question = '大果西番莲的根部有什么作用？';
    const { value } = await answer(question, [titled], weights('大', '果', '西番', '莲', '根部', '作用'), 1);
    expect(value.answer).toBe('它的根部的作用是催吐。 [1]');
    const { value: untitled } = await answer(question, [passage(1, 'a.md', text)], weights('大', '果', '西番', '莲', '根部', '作用'), 1);
    expect(untitled.answer).toBe('大果西番莲有时候会在温室中种植。 [1]');
  });

  it('quotes the opening of a passage whose title alone names the question\'s words', async () => {
    const report = { ...passage(1, '2024-q3-report.md', 'Churn fell to 4%. Revenue grew by 12%. Costs held.', 2), title: '2024 q3 report' };
    const { value } = await drain<AnswerEvent, Answer>(
      answerExtractively('What does the q3 report say?', [report], weights('q3', 'report', 'say'), {
        maxSentences: 2,
        passageScores: 'reranked',
      }),
    );
    expect(value.answer).toBe('Churn fell to 4%. [1] Revenue grew by 12%. [1]');
    expect(value.abstained).toBe(false);
    expect(value.citations.map((c) => c.source)).toEqual(['2024-q3-report.md']);
  });

  it('quotes the steps under a Markdown heading that alone names the question\'s words', async () => {
    const steps = makePassage('Double-click setup.exe and accept the licence.\n\n## Linux', {
      source: 'guide.md',
      section: 'Install › Windows',
    });
    const { value } = await answer('How do I install on Windows?', [steps], weights('instal', 'window'));
    expect(value.abstained).toBe(false);
    expect(value.answer).toBe('Double-click setup.exe and accept the licence. [1]');
    expect(value.citations[0]?.section).toBe('Install › Windows');
  });

  it('reads a heading inside the passage as scoping the sentences below it, when the passage starts before it', async () => {
    // The first passage of a short note holds its front matter (or an intro) and then every heading:
    // its section is null, and the heading lines themselves were quoted as the answer.
    for (const opening of ['---\ntitle: Guide\n---\n', 'Notes for the team.\n\n']) {
      const guide = makePassage(
        `${opening}# Install\n\nRun the installer first.\n\n## Windows\n\nDouble-click setup.exe and accept the licence.\n`,
        { source: 'guide.md', section: null },
      );
      const { value } = await answer('How do I install on Windows?', [guide], weights('instal', 'window'), 1);
      expect(value.answer).toBe('Double-click setup.exe and accept the licence. [1]');
    }
  });

  it('keeps the outer headings of a passage for the sentences under a deeper heading inside it', async () => {
    const guide = makePassage('Needs 2 GB.\n\n## Windows\n\nDouble-click setup.exe.\n\n# Usage\n\nInstall plugins on Windows from its menu.\n', {
      source: 'guide.md',
      section: 'Install',
    });
    const { value } = await answer('How do I install on Windows?', [guide], weights('instal', 'window'), 1);
    expect(value.answer).toBe('Double-click setup.exe. [1]');
  });

  it('never quotes a heading line of a Markdown passage, whatever section it starts in', async () => {
    const guide = makePassage('Intro.\n\n## Windows\n\nDouble-click setup.exe.\n', { source: 'guide.md', section: null });
    const { value } = await answer('Windows', [guide], weights('window'), 2);
    expect(value.answer).toBe('Double-click setup.exe. [1]');
  });

  it('never quotes a heading line an HTML or DOCX loader marked, and puts the sentences below it in its section', async () => {
    const text = 'All packages have a name.\n\nAssociating a scope with a registry\n\nScopes can be associated with a registry.';
    const scope = makePassage(text, {
      source: 'scope.html',
      section: 'scope › Description',
      headings: [{ start: 27, end: 62, section: 'scope › Associating a scope with a registry' }],
    });
    const { value } = await answer('associate a scope with a registry', [scope], weights('associ', 'scope', 'registri'), 2);
    expect(value.answer).toBe('Scopes can be associated with a registry. [1]');
    expect(value.citations[0]?.quotes?.map((quote) => [quote.text, quote.section])).toEqual([
      ['Scopes can be associated with a registry.', 'scope › Associating a scope with a registry'],
    ]);
  });

  it('puts a sentence below a second ## in its own section when the page has no # (the chunker marks the headings)', async () => {
    const text = '## Install\n\nRun the installer.\n\n## Usage\n\nAsk a question in the chat.';
    const [chunk] = chunkDocument({ source: 'guide.md', format: 'markdown', text, pageOffsets: null }, { chunkSize: 200, chunkOverlap: 0 });
    expect(chunk?.section).toBe('Install');
    const { value } = await answer('how do I ask a question?', [makePassage(text, { ...chunk, source: 'guide.md' })], weights('ask', 'question'), 1);
    expect(value.citations[0]?.quotes?.map((quote) => [quote.text, quote.section])).toEqual([['Ask a question in the chat.', 'Usage']]);
  });

  it('cuts a Chinese answer at 。 and quotes the passage verbatim', async () => {
    const text = '昆山位于江苏省。公司成立于1998年，员工约三百人。总部在上海。';
    const { value } = await answer('公司成立于哪一年？', [passage(1, 'a.md', text)], weights('公司', '成立'), 1);
    expect(value.answer).toBe('公司成立于1998年，员工约三百人。 [1]');
    expect(value.citations[0]?.text).toBe(text);
  });

  it('numbers citations by first use across passages', async () => {
    const { value } = await answer(
      'solar wind speed',
      [passage(1, 'a.txt', 'Solar wind speed is high.', 1), passage(2, 'b.txt', 'The solar wind speed varies.', 0.99)],
      weights('solar', 'wind', 'speed'),
      2,
    );
    expect(value.answer).toBe('Solar wind speed is high. [1] The solar wind speed varies. [2]');
    expect(value.citations.map((c) => c.source)).toEqual(['a.txt', 'b.txt']);
  });

  it('scores a Markdown sentence by its visible text: a link target lends it no words', async () => {
    const line = '- bump deps ([abc1234](https://github.com/openai/sdk/commit/abc1234))';
    const changelog = makePassage(line, { id: 1, source: 'CHANGELOG.md', format: 'markdown' });
    const readme = makePassage('The OpenAI client streams responses.', { id: 2, source: 'README.md', format: 'markdown' });
    const { value } = await answer('openai sdk', [changelog, readme], weights('openai', 'sdk'), 1);
    expect(value.answer).toBe('The OpenAI client streams responses. [1]');
    expect(value.citations.map((c) => c.source)).toEqual(['README.md']);
    // A plain-text file's URL is its text.
    const log = makePassage(line, { id: 1, source: 'changes.txt' });
    expect((await answer('openai sdk', [log, readme], weights('openai', 'sdk'), 1)).value.answer).toBe(`${line} [1]`);
  });

  it('quotes a sentence repeated by overlapping chunks once', async () => {
    const text = 'Solar wind speed is high.';
    const { value } = await answer('solar wind speed', [passage(1, 'a.txt', text), passage(2, 'a.txt', text)], weights('solar', 'wind', 'speed'), 3);
    expect(value.answer).toBe('Solar wind speed is high. [1]');
  });

  it('quotes a sentence that two copies of a document hold once, from the higher-ranked copy', async () => {
    const markdown = makePassage('Call `fs.readFile()` to read a [file](#file).', { id: 1, source: 'fs.md', format: 'markdown', score: 1 });
    const html = makePassage('Call fs.readFile() to read a file.', { id: 2, source: 'fs.html', format: 'html', score: 0.9 });
    const question = 'How do I read a file?';
    const { value } = await answer(question, [markdown, html], weights('read', 'file'), 2);
    expect(value.answer).toBe('Call `fs.readFile()` to read a [file](#file). [1]');
    expect(value.citations.map((c) => c.source)).toEqual(['fs.md']);
    const htmlFirst = await answer(question, [{ ...html, score: 1 }, { ...markdown, score: 0.9 }], weights('read', 'file'), 2);
    expect(htmlFirst.value.answer).toBe('Call fs.readFile() to read a file. [1]');
  });

  it('cites the higher-ranked copy of a repeated sentence though the other scores higher beside its context', async () => {
    // In b.txt the sentence before names the sun, the question's third term, which lifts its copy.
    // The copies stand at different offsets and lines, so that the quote's lines tell which copy it is.
    const first = passage(1, 'a.txt', 'Tides turn.\n\nWind speed is high.', 1);
    const second = passage(2, 'b.txt', 'Solar sun.\nWind speed is high.', 0.95);
    const { value } = await answer('solar wind speed', [first, second], weights('solar', 'wind', 'speed'), 1);
    expect(value.answer).toBe('Wind speed is high. [1]');
    expect(value.citations.map((c) => c.source)).toEqual(['a.txt']);
    expect(value.citations[0]?.quotes).toEqual([{ text: 'Wind speed is high.', startLine: 3, endLine: 3, section: null }]);
  });

  it('lists a passage that two files hold word for word once among the closest passages', async () => {
    const { value } = await answer(
      'boiling point of mercury',
      [passage(1, 'a.md', 'Guo Jun led\nthe team.'), passage(2, 'a.html', 'Guo Jun led the team.'), passage(3, 'b.txt', 'Lunch followed.')],
      weights('boil', 'point', 'mercuri'),
    );
    expect(value.abstained).toBe(true);
    expect(value.citations.map((c) => [c.id, c.source])).toEqual([[1, 'a.md'], [2, 'b.txt']]);
  });

  it('abstains and lists the closest passages when no passage covers the question', async () => {
    const { value, events } = await answer(
      'boiling point of mercury',
      [passage(1, 'a.txt', 'Guo Jun led the team.')],
      weights('boil', 'point', 'mercuri'),
    );
    expect(value).toMatchObject({ abstained: true, answer: ABSTAIN_TEXT });
    expect(value.answer).not.toMatch(/\[\d+\]/);
    expect(value.citations.map((c) => c.id)).toEqual([1]);
    expect(events.map((event) => event.type)).toContain('abstain');
  });

  it('does not promise closest passages when retrieval found none, and says when the question has no words', async () => {
    const none = await answer('boiling point of mercury', [], weights('boil', 'point', 'mercuri'));
    expect(none.value).toMatchObject({ abstained: true, answer: NO_MATCH_TEXT, citations: [] });
    const punctuation = await answer('?!', [], new Map());
    expect(punctuation.value).toMatchObject({ abstained: true, answer: NO_WORDS_TEXT, citations: [] });
  });

  it('prefers the sentence that holds a phrase of the question over one with its words scattered', async () => {
    const text = 'The bowl award went to a pro team. Smith won the Pro Bowl award.';
    const { value } = await answer('Who won the Pro Bowl award?', [passage(1, 'a.txt', text)], weights('pro', 'bowl', 'award'), 1);
    expect(value.answer).toBe('Smith won the Pro Bowl award. [1]');
  });

  it('prefers a sentence whose previous sentence names the subject it refers back to', async () => {
    const text = 'Shops open with a sale. Prices rose. The stadium was built in Santa Clara. It opened with a concert.';
    const termWeights = new Map([['stadium', 1], ['open', 3]]);
    const { value } = await answer('What did the new stadium open with?', [passage(1, 'a.txt', text)], termWeights, 1);
    expect(value.answer).toBe('It opened with a concert. [1]');
  });

  it('needs less of the question when the passage holds every name the question mentions', async () => {
    // The passage holds 2 of the question's 5 weight units (0.4): enough only with all of its names present.
    const termWeights = new Map([['tesla', 2], ['see', 1], ['young', 1], ['strang', 1]]);
    const passages = [passage(1, 'a.txt', 'Tesla saw visions. He was ill.')];
    const named = await answer('What strange things did Tesla see when young?', passages, termWeights, 1);
    expect(named.value).toMatchObject({ abstained: false, answer: 'Tesla saw visions. [1]' });
    const missingName = await answer('What strange things did Tesla see in Paris?', passages, termWeights, 1);
    expect(missingName.value).toMatchObject({ abstained: true, answer: ABSTAIN_TEXT });
    const noNames = await answer('what strange things did tesla see when young?', passages, termWeights, 1);
    expect(noNames.value).toMatchObject({ abstained: true, answer: ABSTAIN_TEXT });
  });

  it('quotes one list item, not the heading of a text file above it nor the items after it', async () => {
    const options = passage(1, 'README.md', [
      'DESCRIPTION',
      '-----------',
      '- _allErrors_: check all rules collecting all errors. Default is to return after the first error.',
      '- _verbose_: include the schema in errors (false by default).',
    ].join('\n'));
    const { value } = await answer('how do I report all errors?', [options], weights('report', 'error'), 1);
    expect(value.answer).toBe('- _allErrors_: check all rules collecting all errors. [1]');
  });

  it('quotes a short code block whole and never half of one', async () => {
    const text = ['Set the WAL pragma:', '```js', "db.pragma('journal_mode = WAL');", '```', '', 'Embed a font like so:', '```js', 'const font = await pdfDoc.embedFont(bytes)', '', 'page.drawText(font)'].join('\n');
    const { value } = await answer('how do I set the WAL journal mode?', [passage(1, 'README.md', text)], weights('wal', 'journal', 'mode'), 1);
    expect(value.answer).toBe("```js\ndb.pragma('journal_mode = WAL');\n``` [1]");
    const { value: font } = await answer('how do I embed a font?', [passage(1, 'README.md', text)], weights('emb', 'font'), 2);
    expect(font.answer).toBe('Embed a font like so: [1]');
  });

  it('reads a sentence under a heading inside the passage as in that heading\'s section, not the one the passage began in', async () => {
    const text = 'Failed requests are retried by default.\n\n### Timeouts\n\nRequests time out after 10 minutes by default.';
    const retries = makePassage(text, { source: 'README.md', section: 'Handling errors › Retries' });
    const { value } = await answer('what is the default timeout?', [retries], weights('default', 'timeout'), 1);
    expect(value.answer).toBe('Requests time out after 10 minutes by default. [1]');
  });

  it('tells each citation the sentences it quotes, with their lines and section', async () => {
    const text = 'Failed requests are retried by default.\n\n## Timeouts\n\nRequests time out\nafter 10 minutes by default.';
    const retries = makePassage(text, { source: 'README.md', section: 'Handling errors › Retries', startLine: 40 });
    const { value } = await answer('what is the default timeout?', [retries], weights('default', 'timeout'), 1);
    expect(value.citations[0]).toMatchObject({ startLine: 40, section: 'Handling errors › Retries' });
    expect(value.citations[0]?.quotes).toEqual([
      { text: 'Requests time out\nafter 10 minutes by default.', startLine: 44, endLine: 45, section: 'Handling errors › Timeouts' },
    ]);
  });

  it('abstains with no passages at all', async () => {
    const { value } = await answer('anything', [], weights('anyth'));
    expect(value).toMatchObject({ abstained: true, citations: [] });
  });
});
