import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runLineChat } from '../../src/cli/line-chat.js';
import { FootnoteError } from '../../src/shared/errors.js';
import type { Answer } from '../../src/shared/types.js';
import { FakeFootnote, makeCitation, scriptAnswer } from '../helpers/fake-footnote.js';

/** Everything written to a stream, once it has been written. */
function collect(stream: PassThrough): () => string {
  const chunks: string[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk.toString('utf8')));
  return () => chunks.join('');
}

/** Runs the piped chat on `lines`; returns what it printed, logged and reported. */
async function chat(footnote: FakeFootnote, lines: string[]) {
  const output = new PassThrough();
  const log = new PassThrough();
  const printed = collect(output);
  const logged = collect(log);
  const summary = await runLineChat(footnote, Readable.from([`${lines.join('\n')}\n`]), output, log);
  return { summary, printed: printed(), logged: logged() };
}

const mismatch = new FootnoteError('EMBEDDER_MISMATCH', { indexed: 'openai:text-embedding-3-small', current: 'local@1' });

describe('runLineChat', () => {
  it('counts the questions that failed, so that the exit code can say so', async () => {
    const footnote = new FakeFootnote({ answers: { 'Who?': { events: [], error: mismatch }, 'Where?': { events: [], error: mismatch } } });
    const { summary, logged } = await chat(footnote, ['Who?', 'When?', 'Where?']);
    expect(summary).toEqual({ questions: 3, failedQuestions: 2, rejectedCommands: 0 });
    expect(logged.match(/^error: the index was built with embedder/gm)).toHaveLength(2);
    expect(logged.match(/^> (Who|Where)\?\nerror: /gm)).toHaveLength(2);
  });

  it('sets passages per question with /k, checked as the chat app checks it', async () => {
    const footnote = new FakeFootnote();
    const { summary, logged, printed } = await chat(footnote, ['First?', '/k 2', 'Second?', '/k 1e1', '/k 51', 'Third?']);
    expect(footnote.askCalls.map((call) => [call.question, call.options.k])).toEqual([
      ['First?', undefined],
      ['Second?', 2],
      ['Third?', 2],
    ]);
    expect(logged).toContain('passages per question: 2\n');
    expect(logged).toContain('error: k must be an integer from 1 to 50 (got "1e1")\n');
    expect(logged).toContain('error: k must be an integer from 1 to 50 (got "51")\n');
    expect(printed).not.toContain('/k');
    expect(summary).toEqual({ questions: 3, failedQuestions: 0, rejectedCommands: 2 });
  });

  it('forgets the conversation at /clear, so that the next question is not a follow-up', async () => {
    const footnote = new FakeFootnote({ answers: { 'Who led?': scriptAnswer('Who led?', { text: 'Guo Jun.' }) } });
    await chat(footnote, ['Who led?', 'And when?', '/clear', 'Where?']);
    expect(footnote.askCalls.map((call) => call.options.history?.length)).toEqual([0, 1, 0]);
  });

  it('lists what piped input takes at /help, without searching for it', async () => {
    const footnote = new FakeFootnote();
    const { logged, printed, summary } = await chat(footnote, ['/help']);
    expect(footnote.questions).toEqual([]);
    expect(printed).toBe('');
    expect(logged).toContain('One question per line');
    for (const line of ['/help — ', '/k <n> — ', '/clear — ', '/quit (/exit) — ']) expect(logged).toContain(line);
    expect(logged).not.toContain('/open');
    expect(summary.rejectedCommands).toBe(0);
  });

  it('rejects other slash commands in one line naming the supported ones, and searches for none', async () => {
    const footnote = new FakeFootnote();
    const { logged, summary } = await chat(footnote, ['/frobnicate now', '/open 1', 'Who?']);
    expect(footnote.questions).toEqual(['Who?']);
    expect(logged.split('\n').filter((line) => line !== '')).toEqual([
      'error: unknown command /frobnicate; try /help, /k, /clear, /quit',
      'error: /open works only in the chat app (run footnote in a terminal); piped input takes /help, /k, /clear, /quit',
    ]);
    expect(summary).toEqual({ questions: 1, failedQuestions: 0, rejectedCommands: 2 });
  });

  it('takes /quit with words after it for a slip, not a quit', async () => {
    const footnote = new FakeFootnote();
    const { logged, summary } = await chat(footnote, ['/quit later', 'One?']);
    expect(footnote.questions).toEqual(['One?']);
    expect(logged).toContain('error: /quit takes no arguments (got "later")');
    expect(summary.rejectedCommands).toBe(1);
  });

  it('stops at /quit or /exit', async () => {
    const footnote = new FakeFootnote();
    await chat(footnote, ['One?', '/EXIT', 'Two?']);
    expect(footnote.questions).toEqual(['One?']);
  });

  it('prints the offline label and the citation-check notes, as `footnote ask` does', async () => {
    const question = 'Who led the team?';
    const answer: Answer = {
      question,
      answer: 'Guo Jun led the team [1]. He flew by rocket [1].',
      mode: 'extractive',
      model: null,
      abstained: false,
      citations: [makeCitation({ id: 1, source: 'a.txt', startLine: 2, endLine: 2, text: 'Guo Jun led the team.' })],
      invalidCitations: [4],
      unsupported: [{ sentence: 'He flew by rocket [1].', citations: [1], support: 0 }],
      fallback: { reason: 'provider-unreachable', detail: 'cannot reach http://x/v1: ECONNREFUSED' },
    };
    const footnote = new FakeFootnote({ answers: { [question]: { events: [], answer } } });
    const output = new PassThrough();
    const printed = collect(output);
    await runLineChat(footnote, Readable.from([`${question}\n`]), output, new PassThrough());
    expect(printed()).toBe(
      [
        '> Who led the team?',
        '[offline answer: cannot reach http://x/v1: ECONNREFUSED; quoting the documents instead]',
        '',
        'Guo Jun led the team [1]. He flew by rocket [1].',
        '',
        '[1] a.txt:2',
        '    Guo Jun led the team.',
        'note: removed [4]: no such passage was given to the model',
        'note: not supported by its cited passage: "He flew by rocket [1]."',
        '',
        '',
      ].join('\n'),
    );
  });
});
