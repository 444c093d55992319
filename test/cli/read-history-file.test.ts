import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readHistoryFile } from '../../src/cli/read-history-file.js';

const dirs: string[] = [];
function writeHistory(content: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'footnote-history-'));
  dirs.push(dir);
  const file = path.join(dir, 'history.json');
  fs.writeFileSync(file, content);
  return file;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('readHistoryFile', () => {
  it('reads turns, ignoring the extra fields of saved ask --json outputs', () => {
    const file = writeHistory(JSON.stringify([{ question: 'Who?', answer: 'Guo Jun [1].', citations: [], mode: 'generative' }]));
    expect(readHistoryFile(file)).toEqual([{ question: 'Who?', answer: 'Guo Jun [1].' }]);
  });

  it('reads one saved ask --json output, and outputs appended one after another with >>', () => {
    const turn = (question: string) => JSON.stringify({ question, answer: `${question} [1]`, citations: [] }, null, 2);
    expect(readHistoryFile(writeHistory(turn('Who?')))).toEqual([{ question: 'Who?', answer: 'Who? [1]' }]);
    const appended = writeHistory(`${turn('Who {led}?')}\n${turn('And "then"?')}\n`);
    expect(readHistoryFile(appended)).toEqual([
      { question: 'Who {led}?', answer: 'Who {led}? [1]' },
      { question: 'And "then"?', answer: 'And "then"? [1]' },
    ]);
  });

  it.each([
    ['{"question": "Who?"}', 'turn 1: "answer" must be a string'],
    ['"Who?"', 'expected a JSON array of {"question", "answer"} objects'],
    ['[{"question": "Who?"}]', 'turn 1: "answer" must be a string'],
    ['[{"question": "Who?", "answer": "A"}, {"question": " ", "answer": "B"}]', 'turn 2: "question" must not be empty'],
    ['[1]', 'turn 1 must be an object with "question" and "answer"'],
  ])('rejects %s with a one-line HISTORY_INVALID', (content, detail) => {
    const file = writeHistory(content);
    expect(() => readHistoryFile(file)).toThrow(expect.objectContaining({
      code: 'HISTORY_INVALID',
      exitCode: 2,
      message: `cannot read history file ${file}: ${detail}`,
    }));
  });

  it('reads a file saved with a byte-order mark, as Windows editors save one', () => {
    const file = writeHistory(`\uFEFF${JSON.stringify([{ question: 'Who?', answer: 'Guo Jun [1].' }])}`);
    expect(readHistoryFile(file)).toEqual([{ question: 'Who?', answer: 'Guo Jun [1].' }]);
  });

  it('names a missing file and a file that is not JSON', () => {
    expect(() => readHistoryFile('/nonexistent/history.json')).toThrow(
      'cannot read history file /nonexistent/history.json: no such file',
    );
    const file = writeHistory('[{');
    expect(() => readHistoryFile(file)).toThrow(/^cannot read history file .*: not JSON \(/);
  });
});
