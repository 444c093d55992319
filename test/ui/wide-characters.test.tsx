import { cleanup, render } from 'ink-testing-library';
import stringWidth from 'string-width';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../src/ui/App.js';
import { QUOTE_MAX_LINES } from '../../src/ui/components/CitationList.js';
import { FakeFootnote, makeCitation, scriptAnswer } from '../helpers/fake-footnote.js';
import { KEYS, renderApp } from '../helpers/render-app.js';
import { waitFor } from '../helpers/wait-for.js';

afterEach(() => {
  cleanup();
});

const COLUMNS = 60;
const QUESTION = '公司在昆山的工厂是哪一年建成的？';
const ANSWER = '昆山工厂于一九九八年建成，现有员工约三百人，主要生产精密零件和汽车配件。 [1]';
const CITATIONS = [
  makeCitation({
    id: 1,
    source: '公司手册.md',
    startLine: 3,
    endLine: 4,
    text: '昆山工厂于一九九八年建成，现有员工约三百人，主要生产精密零件和汽车配件。\r\n工厂占地五万平方米，\u3000拥有三条自动化生产线，产品销往欧洲、日本和北美等地区，年产值超过十亿元人民币。',
  }),
  makeCitation({ id: 2, source: 'notes/history 历史.md', startLine: 12, endLine: 12, text: 'Founded in Kunshan 昆山 in 1998.' }),
];

describe('the chat app with Chinese text in a 60-column terminal', () => {
  it('keeps every line of the question, the answer and its sources within 60 columns (#7)', async () => {
    const footnote = new FakeFootnote({
      answers: { [QUESTION]: scriptAnswer(QUESTION, { text: ANSWER, citations: CITATIONS }) },
    });
    const tree = <App footnote={footnote} indexOnStart={false} onExit={() => {}} />;
    const { stdout, stdin, lastFrame, rerender } = render(tree);
    Object.defineProperty(stdout, 'columns', { get: () => COLUMNS });
    stdout.emit('resize');
    rerender(tree);

    await waitFor(() => expect(stdin.listenerCount('readable')).toBeGreaterThan(0));
    stdin.write(QUESTION);
    await waitFor(() => expect(lastFrame()).toContain('昆山的工厂'));
    stdin.write(KEYS.enter);
    await waitFor(() => expect(lastFrame()).toContain('[2] notes/history 历史.md:12'));

    const lines = (lastFrame() ?? '').split('\n');
    const tooWide = lines.filter((line) => stringWidth(line) > COLUMNS);
    expect(tooWide).toEqual([]);
    const frame = lines.map((line) => line.trim()).join('');
    expect(frame).toContain('昆山工厂于一九九八年建成');
    expect(frame).toContain('[1] 公司手册.md:3-4');

    // The quote preview of [1] fills at most QUOTE_MAX_LINES lines and is cut with "…".
    const first = lines.findIndex((line) => line.includes('[1] 公司手册.md:3-4'));
    const second = lines.findIndex((line) => line.includes('[2] notes/history'));
    const preview = lines.slice(first + 1, second).filter((line) => line.trim() !== '');
    expect(preview.length).toBeGreaterThan(0);
    expect(preview.length).toBeLessThanOrEqual(QUOTE_MAX_LINES);
    expect(preview.at(-1)).toMatch(/…$/);
  });

  it('wraps a long Chinese question in the input line within 60 columns', async () => {
    const tree = <App footnote={new FakeFootnote()} indexOnStart={false} onExit={() => {}} />;
    const { stdout, stdin, lastFrame, rerender } = render(tree);
    Object.defineProperty(stdout, 'columns', { get: () => COLUMNS });
    stdout.emit('resize');
    rerender(tree);
    const long = '请问公司在昆山、苏州和上海的三个工厂分别是哪一年建成的，现在各有多少员工和生产线？';
    await waitFor(() => expect(stdin.listenerCount('readable')).toBeGreaterThan(0));
    stdin.write(long);
    await waitFor(() => expect(lastFrame()).toContain('请问公司'));
    const lines = (lastFrame() ?? '').split('\n');
    expect(lines.filter((line) => stringWidth(line) > COLUMNS)).toEqual([]);
    expect(lines.map((line) => line.trim()).join('')).toContain('生产线？');
  });

  it('moves the cursor and deletes over a character outside the BMP as one character', async () => {
    const app = renderApp(<App footnote={new FakeFootnote()} indexOnStart={false} onExit={() => {}} />);
    await app.write('a𠮷');
    await waitFor(() => expect(app.lastFrame()).toContain('› a𠮷'));
    await app.write(KEYS.left);
    await app.write('x');
    await waitFor(() => expect(app.lastFrame()).toContain('› ax𠮷'));
    await app.write(KEYS.right);
    await app.write(KEYS.backspace);
    await waitFor(() => expect(app.lastFrame()).toMatch(/› ax\n/));
    expect(app.lastFrame()).not.toMatch(/[\ud800-\udfff]/u);
  });
});
