import { afterEach, describe, expect, it } from 'vitest';
import { AnswerText } from '../../../src/ui/components/AnswerText.js';
import { cleanup, renderApp } from '../../helpers/render-app.js';

afterEach(() => {
  cleanup();
});

const ANSWER =
  'On June 2, Guo Jun, Deputy Secretary-General of the National Committee of the Chinese People\'s ' +
  'Political Consultative Conference, led a team to visit Safe-Run. [1] The team met engineers. [2]';

describe('AnswerText', () => {
  it('wraps an answer without starting a line with a space, at any width', () => {
    for (const columns of [30, 41, 60, 61, 80]) {
      const { lastFrame } = renderApp(<AnswerText text={ANSWER} markUnsupported={false} />, { columns });
      const lines = (lastFrame() ?? '').split('\n');
      expect(lines.length).toBeGreaterThan(1);
      for (const line of lines) {
        expect(line.startsWith(' '), `at ${columns} columns: ${JSON.stringify(line)}`).toBe(false);
        expect(line.length).toBeLessThanOrEqual(columns);
      }
      expect(lines.join(' ')).toBe(ANSWER);
      cleanup();
    }
  });

  it('never starts a line of a Chinese answer with closing punctuation, at any width', () => {
    const text = '公司成立于一九九八年。总部在北京，员工有五百人。[1]';
    for (const columns of [8, 10, 12, 20, 22, 24]) {
      const { lastFrame } = renderApp(<AnswerText text={text} markUnsupported={false} />, { columns });
      const lines = lastFrame().split('\n');
      for (const line of lines) expect(line, `at ${columns} columns: ${JSON.stringify(lines)}`).not.toMatch(/^[。，]/u);
      expect(lines.join('')).toBe(text);
      cleanup();
    }
    const { lastFrame } = renderApp(<AnswerText text={text} markUnsupported={false} />, { columns: 20 });
    expect(lastFrame().split('\n')).toEqual(['公司成立于一九九八', '年。总部在北京，员工', '有五百人。[1]']);
  });

  it('counts the [?] flag of an unsupported sentence toward its line', () => {
    const text = 'Alpha beta gamma [1]. Delta epsilon zeta eta.';
    const { lastFrame } = renderApp(<AnswerText text={text} markUnsupported />, { columns: 25 });
    const lines = (lastFrame() ?? '').split('\n');
    expect(lines).toEqual(['Alpha beta gamma [1].', 'Delta epsilon zeta eta.', '[?]']);
  });

  it('shows only the last lines of a text taller than maxLines, saying how many wait above', () => {
    const words = ['a', 'b', 'c', 'd', 'e', 'f'].map((letter) => letter.repeat(30));
    const { lastFrame } = renderApp(<AnswerText text={words.join(' ')} markUnsupported={false} maxLines={3} />, { columns: 40 });
    expect(lastFrame().split('\n')).toEqual(['↑ 4 lines, shown when the answer ends', 'e'.repeat(30), 'f'.repeat(30)]);
  });

  it('shows a text that fits maxLines whole', () => {
    const { lastFrame } = renderApp(<AnswerText text="one two" markUnsupported={false} maxLines={1} />, { columns: 40 });
    expect(lastFrame()).toBe('one two');
  });
});
