import { afterEach, describe, expect, it } from 'vitest';
import { createFootnote } from '../../src/footnote.js';
import type { Footnote } from '../../src/footnote-types.js';
import type { IngestEvent } from '../../src/ingest/ingest-report.js';
import type { AnswerEvent } from '../../src/shared/types.js';
import { App } from '../../src/ui/App.js';
import { INPUT_PLACEHOLDER } from '../../src/ui/components/InputLine.js';
import { QUEUE_PLACEHOLDER } from '../../src/ui/components/QueuedLines.js';
import {
  createGate,
  FakeFootnote,
  makeIngestReport,
  scriptAnswer,
  type AnswerScript,
} from '../helpers/fake-footnote.js';
import { cleanup, KEYS, renderApp } from '../helpers/render-app.js';
import { createTempCorpus, type TempCorpus } from '../helpers/temp-corpus.js';
import { makeTestConfig } from '../helpers/test-config.js';
import { waitFor } from '../helpers/wait-for.js';

afterEach(() => {
  cleanup();
});

const STARTED: AnswerEvent[] = [
  { type: 'answer-start', mode: 'extractive', model: null },
  { type: 'text-delta', text: 'Partial' },
];

/** 'first' streams "Partial" and ends once `open` is called; every other question is answered at once. */
function gatedFootnote(): { footnote: FakeFootnote; open(): void } {
  const { gate, open } = createGate();
  const rest = scriptAnswer('first', { text: 'First answer.' });
  const first: AnswerScript = { events: STARTED, gate, rest: rest.events.slice(1), answer: rest.answer };
  return { footnote: new FakeFootnote({ answers: { first } }), open };
}

/** 'first' streams "Partial" and ends only when cancelled. */
function hangingFootnote(): FakeFootnote {
  return new FakeFootnote({ answers: { first: { events: STARTED, hang: true } } });
}

function renderChat(footnote: Footnote, indexOnStart = false) {
  let exits = 0;
  const app = renderApp(
    <App footnote={footnote} indexOnStart={indexOnStart} onExit={() => (exits += 1)} />,
  );
  return { ...app, exits: () => exits };
}

/** Where each text first shows in the frame, to check what came before what. */
function positions(frame: string, texts: string[]): number[] {
  return texts.map((text) => frame.indexOf(text));
}

describe('App: lines entered while busy', () => {
  it('queues a question typed while an answer streams and asks it, with that answer as history, once it ends', async () => {
    const { footnote, open } = gatedFootnote();
    const app = renderChat(footnote);
    await app.submit('first');
    await waitFor(() => expect(app.lastFrame()).toContain('Partial'));
    await app.submit('and then?');
    await waitFor(() => expect(app.lastFrame()).toContain('queued: and then?'));
    expect(app.lastFrame()).toContain(`› ${QUEUE_PLACEHOLDER}`);
    expect(app.lastFrame()).toContain('1 queued, runs next · Ctrl+C cancel');
    expect(footnote.questions).toEqual(['first']);
    open();
    await waitFor(() => expect(app.lastFrame()).toContain('No script for "and then?".'));
    expect(footnote.questions).toEqual(['first', 'and then?']);
    expect(footnote.askCalls[1]?.options.history).toEqual([
      { question: 'first', answer: 'First answer.' },
    ]);
    const frame = app.lastFrame();
    expect(frame).not.toContain('queued:');
    expect(frame).toContain(`› ${INPUT_PLACEHOLDER}`);
    const order = positions(frame, ['› first', 'First answer.', '› and then?', 'No script for']);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('runs queued lines first in, first out, commands as commands, and shows two with a count of the rest', async () => {
    const { footnote, open } = gatedFootnote();
    const app = renderChat(footnote);
    await app.submit('first');
    await waitFor(() => expect(app.lastFrame()).toContain('Partial'));
    await app.submit('second');
    await app.submit('/k 3');
    await app.submit('third');
    await waitFor(() => expect(app.lastFrame()).toContain('+1 more'));
    expect(app.lastFrame()).toContain('queued: second\nqueued: /k 3\n+1 more');
    expect(app.lastFrame()).toContain('3 queued, run next');
    open();
    await waitFor(() => expect(footnote.questions).toEqual(['first', 'second', 'third']));
    expect(footnote.askCalls.map((call) => call.options.k)).toEqual([undefined, undefined, 3]);
    await waitFor(() => expect(app.lastFrame()).toContain('No script for "third".'));
    const order = positions(app.lastFrame(), [
      'First answer.',
      '› second',
      'No script for "second".',
      '› /k 3',
      'passages per question: 3',
      '› third',
      'No script for "third".',
    ]);
    expect(order).not.toContain(-1);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('recalls a queued line with up', async () => {
    const app = renderChat(hangingFootnote());
    await app.submit('first');
    await waitFor(() => expect(app.lastFrame()).toContain('Partial'));
    await app.submit('second');
    await waitFor(() => expect(app.lastFrame()).toContain('queued: second'));
    await app.write(KEYS.up);
    await waitFor(() => expect(app.lastFrame()).toContain('› second'));
  });

  it('cancels the answer on Ctrl+C and puts every queued line back in the input line, asking none', async () => {
    const footnote = hangingFootnote();
    const app = renderChat(footnote);
    await app.submit('first');
    await waitFor(() => expect(app.lastFrame()).toContain('Partial'));
    await app.submit('second');
    await app.submit('third');
    await app.write('draft');
    await waitFor(() => expect(app.lastFrame()).toContain('queued: third'));
    await app.write(KEYS.ctrlC);
    await waitFor(() => expect(app.lastFrame()).toContain('answer cancelled'));
    expect(app.lastFrame()).toContain('› second\n  third\n  draft');
    expect(app.lastFrame()).not.toContain('queued:');
    expect(footnote.lastAskSignal?.aborted).toBe(true);
    expect(footnote.questions).toEqual(['first']);
    expect(app.exits()).toBe(0);
    await app.write(KEYS.ctrlC);
    await waitFor(() => expect(app.exits()).toBe(1));
    expect(footnote.questions).toEqual(['first']);
  });

  it('quits at once on /quit while an answer streams, with lines still queued', async () => {
    const footnote = hangingFootnote();
    const app = renderChat(footnote);
    await app.submit('first');
    await waitFor(() => expect(app.lastFrame()).toContain('Partial'));
    await app.submit('second');
    await app.submit('/quit');
    await waitFor(() => expect(app.exits()).toBe(1));
    expect(footnote.lastAskSignal?.aborted).toBe(true);
    expect(footnote.questions).toEqual(['first']);
  });

  it('quits at once on Ctrl+D on an empty line while an answer streams', async () => {
    const footnote = hangingFootnote();
    const app = renderChat(footnote);
    await app.submit('first');
    await waitFor(() => expect(app.lastFrame()).toContain('Partial'));
    await app.write(KEYS.ctrlD);
    await waitFor(() => expect(app.exits()).toBe(1));
    expect(footnote.lastAskSignal?.aborted).toBe(true);
  });

  it('runs a /reindex queued behind an answer once the answer ends', async () => {
    const { footnote, open } = gatedFootnote();
    const app = renderChat(footnote);
    await app.submit('first');
    await waitFor(() => expect(app.lastFrame()).toContain('Partial'));
    await app.submit('/reindex');
    await waitFor(() => expect(app.lastFrame()).toContain('queued: /reindex'));
    expect(footnote.ingestCalls).toEqual([]);
    open();
    await waitFor(() => expect(app.lastFrame()).toContain('index updated in 0.4 s'));
    expect(footnote.ingestCalls.map((call) => call.full)).toEqual([false]);
  });

  it('keeps the input line open while indexing and asks a queued question once the run has ended', async () => {
    const start: IngestEvent = { type: 'ingest-start', files: 1, toIndex: 1, full: false };
    const { gate, open } = createGate();
    const footnote = new FakeFootnote({
      ingests: [{ events: [start], gate, report: makeIngestReport({ added: 1 }) }],
    });
    const app = renderChat(footnote, true);
    await waitFor(() => expect(app.lastFrame()).toContain('indexing 0/1 files'));
    expect(app.lastFrame()).toContain(`› ${QUEUE_PLACEHOLDER}`);
    await app.submit('what changed?');
    await waitFor(() => expect(app.lastFrame()).toContain('queued: what changed?'));
    expect(footnote.questions).toEqual([]);
    open();
    await waitFor(() => expect(app.lastFrame()).toContain('No script for "what changed?".'));
    const order = positions(app.lastFrame(), ['index updated in 0.4 s: 1 added', '› what changed?']);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(footnote.questions).toEqual(['what changed?']);
  });
  it('queues a question typed before the chat opened behind the first index run, not asking an index not built yet', async () => {
    const start: IngestEvent = { type: 'ingest-start', files: 1, toIndex: 1, full: false };
    const { gate, open } = createGate();
    const footnote = new FakeFootnote({
      ingests: [{ events: [start], gate, report: makeIngestReport({ added: 1 }) }],
    });
    const app = renderApp(<App footnote={footnote} indexOnStart />, { typedAhead: 'what changed?\r' });
    await waitFor(() => expect(app.lastFrame()).toContain('queued: what changed?'));
    expect(footnote.questions).toEqual([]);
    expect(app.lastFrame()).toContain('1 queued, runs next · Ctrl+C cancel');
    open();
    await waitFor(() => expect(footnote.questions).toEqual(['what changed?']));
    await waitFor(() => expect(app.lastFrame()).toContain('No script for "what changed?".'));
  });
});

describe('App: a question queued behind an index run, with a real index', () => {
  let corpus: TempCorpus | undefined;
  let real: Footnote | undefined;
  afterEach(() => {
    real?.close();
    corpus?.cleanup();
  });

  it('is answered from the index that run built', async () => {
    corpus = createTempCorpus({
      'island-log.txt': 'The lighthouse keeper of Varnholm Island was Edda Lindqvist.\n',
      'trains.txt': 'The night train leaves the coastal station shortly after dinner.\n',
    });
    const engine = createFootnote(makeTestConfig(corpus.root));
    real = engine;
    const { gate, open } = createGate();
    // The run waits until the question is queued; before it ends there is no index to answer from.
    const footnote: Footnote = {
      ...engine,
      async *ingest(options) {
        await gate;
        return yield* engine.ingest(options);
      },
    };
    const app = renderChat(footnote, true);
    await waitFor(() => expect(app.lastFrame()).toContain('reading the corpus'));
    await app.submit('Who was the lighthouse keeper of Varnholm Island?');
    await waitFor(() => expect(app.lastFrame()).toContain('queued: Who was the lighthouse keeper'));
    open();
    await waitFor(() => expect(app.lastFrame()).toContain('[1] island-log.txt:1'), { timeoutMs: 10_000 });
    expect(app.lastFrame()).toContain('index updated');
    expect(app.lastFrame()).toContain('Edda Lindqvist');
    expect(app.lastFrame()).not.toContain('error:');
  });
});
