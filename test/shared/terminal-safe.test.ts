import { describe, expect, it } from 'vitest';
import { terminalSafeName, terminalSafeText } from '../../src/shared/terminal-safe.js';
import { formatIndexReport } from '../../src/cli/output/print-index-report.js';
import { formatAnswer } from '../../src/cli/output/print-answer.js';
import { makeCitation, makeIngestReport, scriptAnswer } from '../helpers/fake-footnote.js';

describe('terminalSafeText', () => {
  it('shows escape sequences and other controls instead of sending them', () => {
    expect(terminalSafeText('red \u001B[31mtext\u0007')).toBe('red ^[[31mtext^G');
    expect(terminalSafeText('a\u009Bb\u007F')).toBe('a\\x9bb^?');
  });

  it('keeps line breaks and tabs, reading CRLF as one break', () => {
    expect(terminalSafeText('one\r\ntwo\n\tthree')).toBe('one\ntwo\n\tthree');
  });
});

describe('terminalSafeName', () => {
  it('keeps a file name on one line', () => {
    expect(terminalSafeName('two\nskipped lines.txt')).toBe('two^Jskipped lines.txt');
    expect(terminalSafeName('bad\u001B]0;PWNED\u0007name.txt')).toBe('bad^[]0;PWNED^Gname.txt');
  });
});

describe('plain output of names and quotes', () => {
  it('cannot forge a report line or retitle the terminal', () => {
    const report = makeIngestReport({ failed: [{ source: 'two\nskipped x.txt', reason: 'empty', detail: 'no text' }] });
    const lines = formatIndexReport(report).split('\n');
    expect(lines.at(-1)).toBe('skipped two^Jskipped x.txt (empty): no text');
    const { answer } = scriptAnswer('q', {
      text: 'Quoted \u001B[2J here [1].',
      citations: [makeCitation({ id: 1, source: 'esc\u001B[2J.txt', text: 'Quoted \u001B[2J here.' })],
    });
    const printed = formatAnswer(answer);
    expect(printed).not.toContain('\u001B');
    expect(printed).toContain('[1] esc^[[2J.txt:3-5');
  });
});
