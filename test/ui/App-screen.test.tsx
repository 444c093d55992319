import chalk from 'chalk';
import stringWidth from 'string-width';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FootnoteError } from '../../src/shared/errors.js';
import type { Answer, AnswerEvent } from '../../src/shared/types.js';
import { App } from '../../src/ui/App.js';
import { STREAMING_CURSOR } from '../../src/ui/components/AnswerView.js';
import { CLEAR_SCREEN } from '../../src/ui/hooks/use-redraw-on-resize.js';
import type { TerminalCapabilities } from '../../src/ui/terminal-context.js';
import {
  createGate,
  FakeFootnote,
  makeCitation,
  makeIngestReport,
  scriptAnswer,
} from '../helpers/fake-footnote.js';
import { cleanup, renderApp } from '../helpers/render-app.js';
import { waitFor } from '../helpers/wait-for.js';

afterEach(() => {
  cleanup();
});

const QUESTION = 'Who led the team that visited Safe-Run?';
const FILE = [
  'Guo Jun visited the plant in June.',
  'The visit was part of a research tour.',
  'Guo Jun, Deputy Secretary-General of the CPPCC, led the team that visited Safe-Run.',
  'Wu Xinming accompanied the investigation.',
  'The team met the technical staff.',
  'A training meeting followed.',
  'Everyone went home.',
].join('\n');
const leaderCitation = makeCitation({
  id: 1,
  source: 'visits/safe-run.txt',
  startLine: 3,
  endLine: 3,
  text: 'Guo Jun, Deputy Secretary-General of the CPPCC, led the team that visited Safe-Run.',
  score: 0.91,
});
const LONG_ANSWER =
  'Guo Jun, Deputy Secretary-General of the National Committee of the Chinese ' +
  "People's Political Consultative Conference, led the team that visited Safe-Run [1].";

const FALLBACK = {
  reason: 'provider-unreachable',
  detail: 'cannot reach http://localhost:11434/v1/chat/completions: ECONNREFUSED',
} as const;
const FALLBACK_LABEL =
  '[offline answer: cannot reach http://localhost:11434/v1/chat/completions: ECONNREFUSED; quoting the documents instead]';
const OFFLINE_QUESTION = 'Who led the team, offline?';

function generated(text: string, extra: Partial<Answer> = {}): Answer {
  return { question: QUESTION, answer: text, mode: 'generative', model: 'm', abstained: false, citations: [leaderCitation], ...extra };
}

/** A generated answer to {@link QUESTION} that streams in as `deltas`. */
function streamedFootnote(answer: Answer, deltas: string[]): FakeFootnote {
  const events: AnswerEvent[] = [
    { type: 'answer-start', mode: 'generative', model: 'm' },
    ...deltas.map((text) => ({ type: 'text-delta', text }) as const),
    { type: 'answer-end', answer },
  ];
  return new FakeFootnote({ answers: { [QUESTION]: { events, answer } } });
}

/** A generated answer with every citation-check finding, and an offline fallback answer. */
function checkedFootnote(): FakeFootnote {
  const checked = generated('Guo Jun led the team [1]. He flew there by rocket [1]. He was tall.', {
    unsupported: [{ sentence: 'He flew there by rocket [1].', citations: [1], support: 0 }],
    invalidCitations: [7],
  });
  const offline: Answer = { ...generated('Guo Jun led the team [1].'), mode: 'extractive', model: null, fallback: FALLBACK };
  return new FakeFootnote({
    answers: {
      [QUESTION]: { events: [{ type: 'answer-start', mode: 'generative', model: 'm' }, { type: 'answer-end', answer: checked }], answer: checked },
      [OFFLINE_QUESTION]: {
        events: [{ type: 'answer-start', mode: 'extractive', model: null, fallback: FALLBACK }, { type: 'answer-end', answer: offline }],
        answer: offline,
      },
    },
  });
}

function safeRunFootnote(): FakeFootnote {
  return new FakeFootnote({
    corpusDir: '/docs/corpus',
    files: { 'visits/safe-run.txt': FILE },
    answers: {
      [QUESTION]: scriptAnswer(QUESTION, { text: LONG_ANSWER, citations: [leaderCitation] }),
    },
  });
}

function renderChat(
  footnote: FakeFootnote,
  options: {
    columns?: number;
    rows?: number;
    terminal?: TerminalCapabilities;
    indexOnStart?: boolean;
    statusPollMs?: number;
  } = {},
) {
  let exits = 0;
  const app = renderApp(
    <App
      footnote={footnote}
      indexOnStart={options.indexOnStart ?? false}
      terminal={options.terminal}
      corpusLabel="corpus"
      statusPollMs={options.statusPollMs}
      onExit={() => (exits += 1)}
    />,
    { columns: options.columns ?? 100, rows: options.rows ?? 40 },
  );
  return { ...app, exits: () => exits };
}

/** Lines of every frame drawn wider than `columns`, measured as the terminal does. */
function linesWiderThan(frames: readonly string[], columns: number): string[] {
  return frames.flatMap((frame) => frame.split('\n')).filter((line) => stringWidth(line) > columns);
}

describe('App: streaming', () => {
  it('draws a streamed answer as it arrives, then settles it into the history once', async () => {
    const { gate, open } = createGate();
    const final: Answer = {
      question: QUESTION,
      answer: 'Guo Jun led the team [1].',
      mode: 'generative',
      model: 'test-model',
      abstained: false,
      citations: [leaderCitation],
    };
    const footnote = new FakeFootnote({
      answers: {
        [QUESTION]: {
          events: [
            { type: 'answer-start', mode: 'generative', model: 'test-model' },
            { type: 'text-delta', text: 'Guo Jun ' },
          ],
          gate,
          rest: [
            { type: 'text-delta', text: 'led the team [1].' },
            { type: 'answer-end', answer: final },
          ],
          answer: final,
        },
      },
    });
    const app = renderChat(footnote);
    await app.submit(QUESTION);
    await waitFor(() => expect(app.lastFrame()).toContain(`Guo Jun ${STREAMING_CURSOR}`));
    expect(app.lastFrame()).not.toContain('Guo Jun led the team');
    expect(app.lastFrame()).not.toContain('[1] visits/safe-run.txt');
    open();
    await waitFor(() => expect(app.lastFrame()).toContain('[1] visits/safe-run.txt:3'));
    const frame = app.lastFrame();
    expect(frame).toContain('Guo Jun led the team [1].');
    expect(frame.split('Guo Jun led the team').length - 1).toBe(1);
    expect(frame).not.toContain(STREAMING_CURSOR);
  });

  it('keeps a streaming paragraph taller than the terminal to the lines that fit, then prints it whole', async () => {
    // Ink clears the screen and its scrollback and reprints the whole conversation on
    // every frame once the live region is as tall as the terminal.
    const { gate, open } = createGate();
    const sentences = Array.from({ length: 12 }, (_, index) => `Sentence ${index + 1} of the answer [1].`);
    const final = generated(sentences.join(' '));
    const footnote = new FakeFootnote({
      answers: {
        [QUESTION]: {
          events: [{ type: 'answer-start', mode: 'generative', model: 'm' }, { type: 'text-delta', text: final.answer }],
          gate,
          rest: [{ type: 'answer-end', answer: final }],
          answer: final,
        },
      },
    });
    const rows = 10;
    const app = renderChat(footnote, { columns: 40, rows });
    await app.submit(QUESTION);
    await waitFor(() => expect(app.lastFrame()).toContain(`12 of the answer [1].${STREAMING_CURSOR}`));
    const lines = app.lastFrame().split('\n');
    // The question, wrapped at 40 columns, is the last line printed above the live region.
    const live = lines.slice(lines.findIndex((line) => line.includes('Safe-Run?')) + 1);
    expect(live.length).toBeLessThan(rows);
    expect(live.join('\n')).toContain('lines, shown when the answer ends');
    expect(live.join('\n')).not.toContain('Sentence 1 of');
    open();
    await waitFor(() => expect(app.lastFrame()).toContain('[1] visits/safe-run.txt:3'));
    expect(app.lastFrame()).toContain('Sentence 1 of the answer [1].');
    expect(app.lastFrame()).not.toContain('shown when the answer ends');
  });

  it('flags a generated sentence without a citation, and explains the flag', async () => {
    const text = 'Guo Jun led the team [1]. He was very tall.';
    const answer: Answer = {
      question: QUESTION,
      answer: text,
      mode: 'generative',
      model: 'm',
      abstained: false,
      citations: [leaderCitation],
    };
    const footnote = new FakeFootnote({
      answers: { [QUESTION]: { events: [{ type: 'answer-end', answer }], answer } },
    });
    const app = renderChat(footnote);
    await app.submit(QUESTION);
    await waitFor(() => expect(app.lastFrame()).toContain('He was very tall. [?]'));
    expect(app.lastFrame()).toContain('[?] no citation, or not supported by the cited passage');
    expect(app.lastFrame()).not.toContain('team [1]. [?]');
  });

  it('explains the flag when the flagged sentence streamed in an earlier paragraph', async () => {
    const answer = generated('He was very tall.\n\nGuo Jun led the team [1].');
    const footnote = streamedFootnote(answer, ['He was very tall.\n\n', 'Guo Jun led the team [1].']);
    const app = renderChat(footnote);
    await app.submit(QUESTION);
    await waitFor(() => expect(app.lastFrame()).toContain('[1] visits/safe-run.txt:3'));
    expect(app.lastFrame()).toContain('He was very tall. [?]');
    expect(app.lastFrame()).toContain('[?] no citation, or not supported by the cited passage');
  });
});

describe('App: citation checks and offline answers', () => {
  it('flags a cited sentence its passage does not support, and notes removed markers', async () => {
    const answer = generated('Guo Jun led the team [1]. He flew there by rocket [1].', {
      unsupported: [{ sentence: 'He flew there by rocket [1].', citations: [1], support: 0 }],
      invalidCitations: [7],
    });
    const footnote = new FakeFootnote({
      answers: { [QUESTION]: { events: [{ type: 'answer-end', answer }], answer } },
    });
    const app = renderChat(footnote);
    await app.submit(QUESTION);
    await waitFor(() => expect(app.lastFrame()).toContain('[1] visits/safe-run.txt:3'));
    const frame = app.lastFrame();
    expect(frame).toContain('Guo Jun led the team [1]. He flew there by rocket [1]. [?]');
    expect(frame).not.toContain('team [1]. [?]');
    expect(frame).toContain('[?] no citation, or not supported by the cited passage');
    expect(frame).toContain('note: removed [7]: no such passage was given to the model');
    // Flagged in place, so no note repeats it.
    expect(frame).not.toContain('note: not supported');
  });

  it('names in a note an unsupported sentence that showed in an earlier paragraph', async () => {
    const answer = generated('He flew there by rocket [1].\n\nGuo Jun led the team [1].', {
      unsupported: [{ sentence: 'He flew there by rocket [1].', citations: [1], support: 0 }],
    });
    const footnote = streamedFootnote(answer, [
      'He flew there by rocket [1].\n\n',
      'Guo Jun led the team [1].',
    ]);
    const app = renderChat(footnote);
    await app.submit(QUESTION);
    await waitFor(() => expect(app.lastFrame()).toContain('[1] visits/safe-run.txt:3'));
    expect(app.lastFrame()).toContain('note: not supported by its cited passage: "He flew there by rocket [1]."');
    expect(app.lastFrame()).not.toContain('[?] no citation');
  });

  it('says what it searched for when the question was reworded, and nothing when it was not', async () => {
    const corrected: Answer = {
      ...generated('Guo Jun led the team [1].'),
      mode: 'extractive',
      model: null,
      question: 'Who led the teem that visited Safe-Run?',
      retrievalQuestion: QUESTION,
    };
    const footnote = new FakeFootnote({
      answers: {
        [corrected.question]: { events: [{ type: 'answer-end', answer: corrected }], answer: corrected },
        [QUESTION]: { events: [{ type: 'answer-end', answer: generated('Guo Jun led the team [1].') }], answer: generated('Guo Jun led the team [1].') },
      },
    });
    const app = renderChat(footnote, { columns: 200 });
    await app.submit(corrected.question);
    await waitFor(() => expect(app.lastFrame()).toContain(`note: searched for "${QUESTION}"`));
    await app.submit(QUESTION);
    await waitFor(() => expect(app.lastFrame()?.split('Guo Jun led the team [1].').length).toBe(3));
    expect(app.lastFrame()?.split('note: searched for').length).toBe(2);
  });

  it('labels an offline fallback answer above its text', async () => {
    const answer: Answer = { ...generated('Guo Jun led the team [1].'), mode: 'extractive', model: null, fallback: FALLBACK };
    const footnote = new FakeFootnote({
      answers: {
        [QUESTION]: {
          events: [
            { type: 'answer-start', mode: 'extractive', model: null, fallback: FALLBACK },
            { type: 'text-delta', text: 'Guo Jun led the team [1].' },
            { type: 'answer-end', answer },
          ],
          answer,
        },
      },
    });
    const app = renderChat(footnote, { columns: 200 });
    await app.submit(QUESTION);
    await waitFor(() => expect(app.lastFrame()).toContain('[1] visits/safe-run.txt:3'));
    const frame = app.lastFrame();
    expect(frame).toContain(`${FALLBACK_LABEL}\nGuo Jun led the team [1].`);
    expect(frame.split(FALLBACK_LABEL).length - 1).toBe(1);
  });

  it('starts the answer over when a second answer-start brings the offline answer', async () => {
    const restart = createGate();
    const finish = createGate();
    const answer: Answer = { ...generated('Guo Jun led the team [1].'), mode: 'extractive', model: null, fallback: FALLBACK };
    const footnote = new FakeFootnote({
      answers: {
        [QUESTION]: {
          events: [
            { type: 'answer-start', mode: 'generative', model: 'm' },
            { type: 'text-delta', text: 'The team was led by somebody who' },
          ],
          stages: [
            {
              gate: restart.gate,
              events: [
                { type: 'answer-start', mode: 'extractive', model: null, fallback: FALLBACK },
                { type: 'text-delta', text: 'Guo Jun led' },
              ],
            },
            { gate: finish.gate, events: [{ type: 'text-delta', text: ' the team [1].' }, { type: 'answer-end', answer }] },
          ],
          answer,
        },
      },
    });
    const app = renderChat(footnote, { columns: 200 });
    await app.submit(QUESTION);
    await waitFor(() => expect(app.lastFrame()).toContain(`somebody who${STREAMING_CURSOR}`));
    restart.open();
    await waitFor(() => expect(app.lastFrame()).toContain(`${FALLBACK_LABEL}\nGuo Jun led${STREAMING_CURSOR}`));
    expect(app.lastFrame()).not.toContain('somebody who');
    finish.open();
    await waitFor(() => expect(app.lastFrame()).toContain('[1] visits/safe-run.txt:3'));
    const frame = app.lastFrame();
    expect(frame).not.toContain('somebody who');
    expect(frame).toContain(`${FALLBACK_LABEL}\nGuo Jun led the team [1].`);
    // An extractive answer quotes its passages: nothing to flag.
    expect(frame).not.toContain('[?]');
  });
});

describe('App: sources', () => {
  it('shows the score of each source and a file link where the terminal supports it', async () => {
    const app = renderChat(safeRunFootnote(), { terminal: { colors: true, hyperlinks: true } });
    await app.submit(QUESTION);
    const url = 'file:///docs/corpus/visits/safe-run.txt';
    await waitFor(() =>
      expect(app.lastFrame()).toContain(`[1] \u001B]8;;${url}\u0007visits/safe-run.txt:3\u001B]8;;\u0007`),
    );
    expect(app.lastFrame()).toContain('· score 0.91');
  });

  it('keeps sources plain text on a terminal without hyperlinks', async () => {
    const app = renderChat(safeRunFootnote(), { terminal: { colors: true, hyperlinks: false } });
    await app.submit(QUESTION);
    await waitFor(() => expect(app.lastFrame()).toContain('[1] visits/safe-run.txt:3 · score 0.91'));
    expect(app.lastFrame()).not.toContain('\u001B]8;;');
  });

  it('opens a passage with the lines around it, read from the file', async () => {
    const footnote = safeRunFootnote();
    const app = renderChat(footnote);
    await app.submit(QUESTION);
    await waitFor(() => expect(app.lastFrame()).toContain('[1] visits/safe-run.txt:3'));
    await app.submit('/open 1');
    await waitFor(() => expect(app.lastFrame()).toContain('6 │ A training meeting followed.'));
    expect(app.lastFrame()).toContain('2 │ The visit was part of a research tour.');
    expect(app.lastFrame()).toContain('3 ┃ Guo Jun, Deputy Secretary-General of the CPPCC');
    expect(app.lastFrame()).not.toContain('7 │ Everyone went home.');
    expect(app.lastFrame()).not.toContain('changed since it was indexed');
    expect(footnote.readPassageCalls).toEqual([
      {
        location: expect.objectContaining({ source: 'visits/safe-run.txt', startLine: 3, endLine: 3 }),
        options: { contextLines: 3 },
      },
    ]);
  });

  it('says so when the opened file changed or is gone, showing the indexed passage', async () => {
    const footnote = safeRunFootnote();
    const app = renderChat(footnote);
    await app.submit(QUESTION);
    await waitFor(() => expect(app.lastFrame()).toContain('[1] visits/safe-run.txt:3'));
    footnote.files['visits/safe-run.txt'] = 'Completely\ndifferent\ntext now.';
    await app.submit('/open 1');
    await waitFor(() => expect(app.lastFrame()).toContain('changed since it was indexed; /reindex'));
    delete footnote.files['visits/safe-run.txt'];
    await app.submit('/open 1');
    await waitFor(() => expect(app.lastFrame()).toContain('can no longer be read'));
  });

  it('shows every passage of the last answer in full on /sources', async () => {
    const app = renderChat(safeRunFootnote());
    await app.submit(QUESTION);
    await waitFor(() => expect(app.lastFrame()).toContain('[1] visits/safe-run.txt:3'));
    await app.submit('/sources');
    await waitFor(() => expect(app.lastFrame()).toContain('Sources:'));
    expect(app.lastFrame()).toContain(`  ${leaderCitation.text}`);
  });
});

describe('App: input', () => {
  it('asks a pasted multi-line question as one, its lines indented under the prompt', async () => {
    const question = 'Who led the team\nthat visited Safe-Run?';
    const footnote = new FakeFootnote({
      answers: { [question]: scriptAnswer(question, { text: 'Guo Jun [1].', citations: [leaderCitation] }) },
    });
    const app = renderChat(footnote);
    await app.write(`\u001B[200~Who led the team\rthat visited Safe-Run?\u001B[201~`);
    await app.write('\r');
    await waitFor(() => expect(app.lastFrame()).toContain('Guo Jun [1].'));
    expect(footnote.questions).toEqual([question]);
    expect(app.lastFrame()).toContain('› Who led the team\n  that visited Safe-Run?');
  });
});

describe('App: status', () => {
  it('names the corpus, the index size and its freshness', async () => {
    const app = renderChat(new FakeFootnote({ status: { files: 12, chunks: 340 } }));
    await waitFor(() => expect(app.lastFrame()).toContain('corpus · 12 files, 340 chunks · up to date'));
  });

  it('does not re-index a stale index at start: it says so and offers /reindex', async () => {
    const footnote = new FakeFootnote({ status: { stale: true } });
    const app = renderChat(footnote);
    await waitFor(() => expect(app.lastFrame()).toContain('files changed: /reindex'));
    expect(app.lastFrame()).toContain(
      'the corpus changed since it was last indexed; answers use the old index until you type /reindex',
    );
    expect(footnote.ingestCalls).toEqual([]);
  });

  it('keeps the command a stale index needs whole in a 60-column terminal', async () => {
    const app = renderChat(new FakeFootnote({ status: { stale: true } }), { columns: 60 });
    await waitFor(() => expect(app.lastFrame()).toContain('corpus · files changed: /reindex'));
  });

  it('notices after an answer that the corpus changed meanwhile', async () => {
    const footnote = safeRunFootnote();
    const app = renderChat(footnote);
    await waitFor(() => expect(app.lastFrame()).toContain('· up to date'));
    footnote.indexStatus = { ...footnote.indexStatus, stale: true };
    await app.submit(QUESTION);
    await waitFor(() => expect(app.lastFrame()).toContain('files changed: /reindex'));
    expect(footnote.statusCalls).toBe(2);
  });

  it('notices while idle that the corpus changed, without a question or /reindex', async () => {
    const footnote = safeRunFootnote();
    const app = renderChat(footnote, { statusPollMs: 20 });
    await waitFor(() => expect(app.lastFrame()).toContain('· up to date'));
    footnote.indexStatus = { ...footnote.indexStatus, stale: true };
    await waitFor(() => expect(app.lastFrame()).toContain('files changed: /reindex'));
    expect(footnote.questions).toEqual([]);
    expect(footnote.ingestCalls).toEqual([]);
  });

  it('keeps the stale warning ahead of the counts, so a narrow terminal cuts the counts instead', async () => {
    const app = renderChat(new FakeFootnote({ status: { stale: true, files: 12, chunks: 340 } }), { columns: 40 });
    await waitFor(() => expect(app.lastFrame()).toContain('corpus · files cha…'));
  });

  it('says once why /reindex failed, and shows the problem in the status line instead of "up to date"', async () => {
    const footnote = new FakeFootnote({
      ingests: [{ events: [], error: new FootnoteError('CORPUS_NOT_FOUND', { path: '/docs/corpus' }) }],
    });
    const app = renderChat(footnote);
    await waitFor(() => expect(app.lastFrame()).toContain('· up to date'));
    footnote.statusError = new FootnoteError('CORPUS_NOT_FOUND', { path: '/docs/corpus' });
    await app.submit('/reindex');
    await waitFor(() => expect(app.lastFrame()).toContain('corpus · corpus folder not found: /docs/corpus'));
    expect(app.lastFrame()).not.toContain('up to date');
    expect(app.lastFrame().match(/error: corpus folder not found/g)).toHaveLength(1);
  });

  it('asks for a full rebuild when the index was built with another embedder', async () => {
    const app = renderChat(new FakeFootnote({ status: { embedderMismatch: true } }));
    await waitFor(() => expect(app.lastFrame()).toContain('type /reindex full to rebuild it'));
  });
});

describe('App: narrow terminals and colours', () => {
  it('draws a whole session within 60 columns', async () => {
    const footnote = safeRunFootnote();
    footnote.ingests = [
      {
        events: [
          { type: 'ingest-start', files: 2, toIndex: 2, full: false },
          { type: 'file-indexed', source: 'visits/a-rather-long-file-name-for-a-narrow-terminal.txt', chunks: 3, done: 1, total: 2 },
          { type: 'file-skipped', file: { source: 'blob.bin', reason: 'binary', detail: 'binary file (NUL bytes); not a text document' } },
        ],
        report: makeIngestReport({
          failed: [{ source: 'blob.bin', reason: 'binary', detail: 'binary file (NUL bytes); not a text document' }],
        }),
      },
    ];
    const app = renderChat(footnote, { columns: 60, indexOnStart: true });
    await waitFor(() => expect(app.lastFrame()).toContain('skipped: blob.bin'));
    const rambling = 'and what exactly happened during that long research visit '.repeat(3).trim();
    await app.submit(rambling);
    await waitFor(() => expect(app.lastFrame()).toContain('No script for'));
    await app.submit(QUESTION);
    await waitFor(() => expect(app.lastFrame()).toContain('score 0.91'));
    await app.submit('/open 1');
    await waitFor(() => expect(app.lastFrame()).toContain('6 │'));
    await app.submit('/sources');
    await waitFor(() => expect(app.lastFrame()).toContain('Sources:'));
    await app.submit('/help');
    await waitFor(() => expect(app.lastFrame()).toContain('Keys:'));
    expect(linesWiderThan(app.frames(), 60)).toEqual([]);
  });

  it('wraps citation-check flags, notes and the offline label within 60 columns', async () => {
    const app = renderChat(checkedFootnote(), { columns: 60 });
    await app.submit(QUESTION);
    await waitFor(() => expect(app.lastFrame()).toContain('note: removed [7]'));
    await app.submit(OFFLINE_QUESTION);
    await waitFor(() => expect(app.lastFrame()).toContain('[offline answer: cannot reach'));
    expect(app.lastFrame()).toContain('[?]');
    expect(linesWiderThan(app.frames(), 60)).toEqual([]);
  });

  it('starts no wrapped line of a note, the [?] legend or the offline label with a space, at 40 columns', async () => {
    // Ink wraps without trimming: a line that fills the width pushes the space after it to the next line.
    const app = renderChat(checkedFootnote(), { columns: 40 });
    await app.submit(QUESTION);
    await waitFor(() => expect(app.lastFrame()).toContain('note: removed [7]'));
    await app.submit(OFFLINE_QUESTION);
    await waitFor(() => expect(app.lastFrame()).toContain('[offline answer: cannot reach'));
    const ragged = app.lastFrame().split('\n').filter((line) => /^ \S/.test(line));
    expect(ragged).toEqual([]);
  });

  it('keeps the input line one row tall while busy at 40 columns, cutting its hint', async () => {
    const { gate } = createGate();
    const footnote = new FakeFootnote({
      answers: { [QUESTION]: { events: [{ type: 'answer-start', mode: 'extractive', model: null }], gate, rest: [], answer: generated('') } },
    });
    const app = renderChat(footnote, { columns: 40 });
    await app.submit(QUESTION);
    await waitFor(() => expect(app.lastFrame()).toContain('Enter queues · Ctrl+C cancel'));
    const input = app.lastFrame().split('\n').findIndex((line) => line.startsWith('› Type the next question'));
    expect(app.lastFrame().split('\n')[input]).toBe('› Type the next question; Enter queues …');
    expect(app.lastFrame().split('\n')[input + 1]).toBe('');
  });

  it('redraws the live region for the new width after a resize', async () => {
    const footnote = new FakeFootnote({
      modeLabel: 'offline · extractive answers (quotes; set OPENAI_API_KEY for generated answers)',
    });
    const app = renderChat(footnote, { columns: 100 });
    await waitFor(() => expect(app.lastFrame()).toContain('up to date'));
    app.resize(60);
    const drawn = app.frames().length;
    await app.write('x');
    await waitFor(() => expect(app.frames().length).toBeGreaterThan(drawn));
    expect(linesWiderThan(app.frames().slice(drawn), 60)).toEqual([]);
  });

  it('clears the screen and prints the conversation again at the new width after the width changes', async () => {
    const app = renderChat(safeRunFootnote(), { columns: 100 });
    await app.submit(QUESTION);
    await waitFor(() => expect(app.lastFrame()).toContain('score 0.91'));
    const before = app.frames().length;
    app.resize(100); // rows only: nothing to redraw
    app.resize(60);
    await waitFor(() => expect(app.frames().slice(before).join('')).toContain(CLEAR_SCREEN));
    const after = app.frames().slice(before);
    expect(after.filter((frame) => frame.includes(CLEAR_SCREEN))).toHaveLength(1);
    // The debug-mode frame holds all static output ever written: the reprint is its last copy.
    await waitFor(() => {
      const frame = app.lastFrame();
      const reprinted = frame.slice(frame.lastIndexOf(`› ${QUESTION}`));
      expect(reprinted).toContain('[1] visits/safe-run.txt:3');
      expect(linesWiderThan([reprinted], 60)).toEqual([]);
    });
  });

  describe('with a colour terminal', () => {
    let level: typeof chalk.level;
    beforeEach(() => {
      level = chalk.level;
      chalk.level = 1;
    });
    afterEach(() => {
      chalk.level = level;
    });

    /** An SGR foreground colour (30-37, 90-97), which NO_COLOR forbids. */
    const FOREGROUND = /\u001B\[(?:3[0-7]|9[0-7])m/;

    it('colours markers and sources', async () => {
      const app = renderChat(safeRunFootnote(), { terminal: { colors: true, hyperlinks: false } });
      await app.submit(QUESTION);
      await waitFor(() => expect(app.lastFrame()).toContain('score 0.91'));
      expect(app.lastFrame()).toMatch(FOREGROUND);
    });

    it('draws no colour under NO_COLOR, keeping the cursor and markers visible', async () => {
      const app = renderChat(safeRunFootnote(), { terminal: { colors: false, hyperlinks: false } });
      await app.submit(QUESTION);
      await waitFor(() => expect(app.lastFrame()).toContain('score 0.91'));
      await app.submit('/bogus');
      await waitFor(() => expect(app.lastFrame()).toContain('unknown command /bogus'));
      expect(app.frames().filter((frame) => FOREGROUND.test(frame))).toEqual([]);
      expect(app.lastFrame()).toContain('\u001B[7m'); // the inverse cursor
      expect(app.lastFrame()).toContain('\u001B[1m[1]'); // a bold marker
    });

    it('draws no colour under NO_COLOR for flags and the offline label, which stay readable', async () => {
      const app = renderChat(checkedFootnote(), { terminal: { colors: false, hyperlinks: false }, columns: 200 });
      await app.submit(QUESTION);
      await waitFor(() => expect(app.lastFrame()).toContain('note: removed [7]'));
      await app.submit(OFFLINE_QUESTION);
      await waitFor(() => expect(app.lastFrame()).toContain(FALLBACK_LABEL));
      expect(app.frames().filter((frame) => FOREGROUND.test(frame))).toEqual([]);
      // The unsupported sentence is dim up to its flag, which stays plain.
      expect(app.lastFrame()).toContain('\u001B[2mHe flew there by rocket [1].\u001B[22m [?]');
    });

    it('colours the flag and the offline label on a colour terminal', async () => {
      const app = renderChat(checkedFootnote(), { terminal: { colors: true, hyperlinks: false }, columns: 200 });
      await app.submit(OFFLINE_QUESTION);
      await waitFor(() => expect(app.lastFrame()).toContain('quoting the documents instead'));
      expect(app.lastFrame()).toMatch(/\u001B\[33m\[offline answer:/);
    });
  });
});
