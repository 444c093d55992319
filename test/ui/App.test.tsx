import { afterEach, describe, expect, it } from 'vitest';
import type { IngestEvent } from '../../src/ingest/ingest-report.js';
import { FootnoteError } from '../../src/shared/errors.js';
import { App } from '../../src/ui/App.js';
import { ABSTAIN_HEADLINE } from '../../src/ui/components/AnswerView.js';
import {
  FakeFootnote,
  makeCitation,
  makeIngestReport,
  scriptAnswer,
} from '../helpers/fake-footnote.js';
import { cleanup, KEYS, renderApp } from '../helpers/render-app.js';
import { waitFor } from '../helpers/wait-for.js';

afterEach(() => {
  cleanup();
});

const QUESTION = 'where is the index?';
const SENTENCE = 'The index lives in embeddings/ beside the corpus. ';
const LONG_PASSAGE = `${SENTENCE.repeat(12)}END-OF-PASSAGE`;
const notesCitation = makeCitation({
  id: 1,
  source: 'notes.md',
  startLine: 3,
  endLine: 5,
  text: LONG_PASSAGE,
});

function answeringFootnote(): FakeFootnote {
  return new FakeFootnote({
    answers: {
      [QUESTION]: scriptAnswer(QUESTION, {
        text: 'It lives in embeddings/ [1].',
        citations: [notesCitation],
      }),
    },
  });
}

function renderChat(footnote: FakeFootnote, indexOnStart = false) {
  let exits = 0;
  const app = renderApp(
    <App footnote={footnote} indexOnStart={indexOnStart} onExit={() => (exits += 1)} />,
  );
  return { ...app, exits: () => exits };
}

describe('App', () => {
  it('streams the answer to a typed question and then shows its citations', async () => {
    const footnote = answeringFootnote();
    const app = renderChat(footnote);
    await app.submit(QUESTION);
    await waitFor(() => expect(app.lastFrame()).toContain('[1] notes.md:3-5'));
    expect(app.lastFrame()).toContain(`› ${QUESTION}`);
    expect(app.lastFrame()).toContain('It lives in embeddings/ [1].');
    expect(app.lastFrame()).toContain('The index lives in embeddings/ beside the corpus.');
    expect(app.lastFrame()).not.toContain('END-OF-PASSAGE');
    expect(footnote.questions).toEqual([QUESTION]);
    expect(footnote.lastAskSignal).toBeInstanceOf(AbortSignal);
  });

  it('shows the mode label and the index size in the status line', async () => {
    const app = renderChat(new FakeFootnote({ status: { files: 12, chunks: 340 } }));
    await waitFor(() => expect(app.lastFrame()).toContain('12 files, 340 chunks'));
    expect(app.lastFrame()).toContain('offline · extractive answers (no OPENAI_API_KEY)');
  });

  it('shows an abstention in the answerer\'s own words once, when it gives them', async () => {
    const question = '?!';
    const text = 'The question has no words to search for; ask it in words.';
    const footnote = new FakeFootnote({
      answers: { [question]: scriptAnswer(question, { text, abstained: true, abstainReason: 'the question has no words' }) },
    });
    const app = renderChat(footnote);
    await app.submit(question);
    await waitFor(() => expect(app.lastFrame()).toContain(`[no answer] ${text}`));
    expect(app.lastFrame()).not.toContain(ABSTAIN_HEADLINE);
    expect(app.lastFrame()).not.toContain('the question has no words\n');
  });

  it('shows an abstention with the closest passages', async () => {
    const question = 'what is the capital of Mars?';
    const closest = makeCitation({ id: 1, source: 'mars.md', startLine: 8, endLine: 9 });
    const footnote = new FakeFootnote({
      answers: {
        [question]: scriptAnswer(question, { text: '', abstained: true, citations: [closest] }),
      },
    });
    const app = renderChat(footnote);
    await app.submit(question);
    await waitFor(() => expect(app.lastFrame()).toContain('Closest passages:'));
    expect(app.lastFrame()).toContain(ABSTAIN_HEADLINE);
    expect(app.lastFrame()).toContain('[1] mars.md:8-9');
  });

  it('shows the whole passage of a citation on /open 1', async () => {
    const app = renderChat(answeringFootnote());
    await app.submit(QUESTION);
    await waitFor(() => expect(app.lastFrame()).toContain('[1] notes.md:3-5'));
    await app.submit('/open 1');
    await waitFor(() => expect(app.lastFrame()).toContain('END-OF-PASSAGE'));
    expect(app.lastFrame()).toContain('› /open 1');
  });

  it('runs an incremental index on /reindex and a full one on /reindex full', async () => {
    const footnote = new FakeFootnote({
      ingests: [{ events: [], report: makeIngestReport({ added: 1, chunksWritten: 4 }) }],
    });
    const app = renderChat(footnote);
    await app.submit('/reindex');
    await waitFor(() => expect(app.lastFrame()).toContain('index updated in 0.4 s: 1 added'));
    await app.submit('/reindex full');
    await waitFor(() => expect(footnote.ingestCalls).toHaveLength(2));
    expect(footnote.ingestCalls.map((call) => call.full)).toEqual([false, true]);
  });

  it('warms the index up on start, again after each index run, and stops the last one on quit', async () => {
    const footnote = new FakeFootnote();
    const app = renderChat(footnote);
    await waitFor(() => expect(footnote.warmUpSignals).toHaveLength(1));
    await app.submit('/reindex');
    await waitFor(() => expect(footnote.warmUpSignals).toHaveLength(2));
    expect(footnote.warmUpSignals.map((signal) => signal?.aborted)).toEqual([true, false]);
    await app.submit('/quit');
    await waitFor(() => expect(footnote.warmUpSignals[1]?.aborted).toBe(true));
  });

  it('warms the index up only once the index run on start has ended', async () => {
    let release = (): void => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const footnote = new FakeFootnote({ ingests: [{ events: [], gate, report: makeIngestReport() }] });
    renderChat(footnote, true);
    await waitFor(() => expect(footnote.ingestCalls).toHaveLength(1));
    expect(footnote.warmUpSignals).toHaveLength(0);
    release();
    await waitFor(() => expect(footnote.warmUpSignals).toHaveLength(1));
  });

  it('shows indexing progress on start and then the summary', async () => {
    const skipped = { source: 'x.bin', reason: 'binary', detail: 'binary file' } as const;
    const footnote = new FakeFootnote({
      ingests: [
        {
          events: [
            { type: 'ingest-start', files: 3, toIndex: 3, full: false },
            { type: 'file-indexed', source: 'a.md', chunks: 2, done: 1, total: 3 },
            { type: 'file-skipped', file: skipped },
            { type: 'file-indexed', source: 'b.md', chunks: 5, done: 2, total: 3 },
          ],
          report: makeIngestReport({
            added: 2,
            chunksWritten: 7,
            seconds: 1.2,
            failed: [skipped],
          }),
        },
      ],
    });
    const app = renderChat(footnote, true);
    const summary = 'index updated in 1.2 s: 2 added, 0 changed, 0 removed, 1 skipped';
    await waitFor(() => expect(app.lastFrame()).toContain(summary));
    expect(app.lastFrame()).toContain('skipped: x.bin — binary file');
    expect(app.frames().some((frame) => frame.includes('indexing 1/3 files · a.md'))).toBe(true);
    expect(app.frames().some((frame) => frame.includes('2 chunks · embeddings 0 computed'))).toBe(true);
    expect(app.frames().some((frame) => frame.includes('1 skipped'))).toBe(true);
    expect(app.lastFrame()).not.toContain('indexing 2/3');
    expect(footnote.ingestCalls).toHaveLength(1);
  });

  it('keeps a line typed while indexing in the input line and cancels indexing on Ctrl+C', async () => {
    const footnote = new FakeFootnote({
      ingests: [
        { events: [{ type: 'ingest-start', files: 1, toIndex: 1, full: false }], hang: true },
      ],
    });
    const app = renderChat(footnote, true);
    await waitFor(() => expect(app.lastFrame()).toContain('indexing 0/1 files'));
    await app.write('typed meanwhile');
    await waitFor(() => expect(app.lastFrame()).toContain('› typed meanwhile'));
    await app.write(KEYS.ctrlC);
    await waitFor(() => expect(app.lastFrame()).toContain('indexing cancelled'));
    expect(footnote.ingestCalls[0]?.signal?.aborted).toBe(true);
    expect(app.lastFrame()).toContain('› typed meanwhile');
    expect(app.exits()).toBe(0);
    await app.write(' and later');
    await waitFor(() => expect(app.lastFrame()).toContain('› typed meanwhile and later'));
    expect(footnote.questions).toEqual([]);
  });

  it('reads a cancelled index run to its end, so that it releases the index, before /reindex starts another', async () => {
    const start: IngestEvent = { type: 'ingest-start', files: 3, toIndex: 3, full: false };
    const progress: IngestEvent = { type: 'embed-progress', done: 0, total: 3, embeddingsComputed: 0, embeddingsReused: 0 };
    const written: IngestEvent = { type: 'file-indexed', source: 'a.md', chunks: 2, done: 1, total: 3 };
    const footnote = new FakeFootnote({
      ingests: [
        { events: [start], progress, afterAbort: [written] },
        { events: [start], report: makeIngestReport() },
      ],
    });
    const app = renderChat(footnote, true);
    await waitFor(() => expect(app.lastFrame()).toContain('indexing 0/3 files'));
    await app.write(KEYS.ctrlC);
    await waitFor(() => expect(app.lastFrame()).toContain('indexing cancelled'));
    await waitFor(() => expect(footnote.ingestsEnded).toBe(1));
    await app.submit('/reindex');
    await waitFor(() => expect(footnote.ingestsEnded).toBe(2));
    expect(footnote.ingestCalls).toHaveLength(2);
    expect(footnote.mostConcurrentIngests).toBe(1);
    expect(app.lastFrame()).not.toContain('1/3 files');
  });

  it('shows the hint of a failed answer and still accepts the next question', async () => {
    const footnote = new FakeFootnote({
      answers: {
        broken: {
          events: [],
          error: new FootnoteError('INDEX_NOT_FOUND', { path: 'embeddings' }),
        },
        [QUESTION]: scriptAnswer(QUESTION, {
          text: 'It lives in embeddings/ [1].',
          citations: [notesCitation],
        }),
      },
    });
    const app = renderChat(footnote);
    await app.submit('broken');
    await waitFor(() => expect(app.lastFrame()).toContain('error: no index in embeddings'));
    expect(app.lastFrame()).toContain('hint: type /reindex to build it');
    await app.submit(QUESTION);
    await waitFor(() => expect(app.lastFrame()).toContain('[1] notes.md:3-5'));
    expect(footnote.questions).toEqual(['broken', QUESTION]);
  });

  it('says in the chat how to go offline, which takes a restart', async () => {
    const unreachable = new FootnoteError('PROVIDER_UNREACHABLE', { url: 'http://127.0.0.1:9/v1', detail: 'ECONNREFUSED' });
    const app = renderChat(new FakeFootnote({ answers: { broken: { events: [], error: unreachable } } }));
    await app.submit('broken');
    await waitFor(() => expect(app.lastFrame()).toContain('error: cannot reach http://127.0.0.1:9/v1: ECONNREFUSED'));
    expect(app.lastFrame().replace(/\s+/g, ' ')).toContain('/quit, then start footnote again with --provider local to work offline');
  });

  it('cancels a streaming answer on Ctrl+C and exits on the next', async () => {
    const footnote = new FakeFootnote({
      answers: {
        slow: {
          events: [
            { type: 'answer-start', mode: 'extractive', model: null },
            { type: 'text-delta', text: 'Partial' },
          ],
          hang: true,
        },
      },
    });
    const app = renderChat(footnote);
    await app.submit('slow');
    await waitFor(() => expect(app.lastFrame()).toContain('Partial'));
    await app.write(KEYS.ctrlC);
    await waitFor(() => expect(app.lastFrame()).toContain('answer cancelled'));
    expect(footnote.lastAskSignal?.aborted).toBe(true);
    expect(app.exits()).toBe(0);
    await app.write(KEYS.ctrlC);
    await waitFor(() => expect(app.exits()).toBe(1));
  });

  it('starts an empty conversation on /clear and keeps showing new items', async () => {
    const app = renderChat(new FakeFootnote());
    await app.submit('/k 3');
    await waitFor(() => expect(app.lastFrame()).toContain('passages per question: 3'));
    await app.submit('/clear');
    await app.submit('/k 4');
    await waitFor(() => expect(app.lastFrame()).toContain('passages per question: 4'));
  });

  it('asks for a second Ctrl+C before quitting when nothing is running', async () => {
    const app = renderChat(new FakeFootnote());
    await app.write(KEYS.ctrlC);
    await waitFor(() => expect(app.lastFrame()).toContain('Ctrl+C again to quit'));
    expect(app.exits()).toBe(0);
    await app.write(KEYS.ctrlC);
    await waitFor(() => expect(app.exits()).toBe(1));
  });

  it('exits on /quit', async () => {
    const app = renderChat(new FakeFootnote());
    await app.submit('/quit');
    await waitFor(() => expect(app.exits()).toBe(1));
  });

  it('sends the /k choice with the next question', async () => {
    const footnote = answeringFootnote();
    const app = renderChat(footnote);
    await app.submit('/k 8');
    await waitFor(() => expect(app.lastFrame()).toContain('passages per question: 8'));
    await app.submit(QUESTION);
    await waitFor(() => expect(footnote.askCalls).toHaveLength(1));
    expect(footnote.askCalls[0]?.options.k).toBe(8);
  });

  it('edits the line with backspace and the arrow keys and recalls it with up', async () => {
    const footnote = answeringFootnote();
    const app = renderChat(footnote);
    await app.write('where is the indxe');
    await app.write(KEYS.backspace);
    await app.write(KEYS.backspace);
    await app.write('ex');
    await app.write(KEYS.left);
    await app.write(KEYS.left);
    await app.write(KEYS.right);
    await app.write(KEYS.right);
    await app.write('?');
    await app.write(KEYS.enter);
    await waitFor(() => expect(footnote.questions).toEqual([QUESTION]));
    await waitFor(() => expect(app.lastFrame()).toContain('[1] notes.md:3-5'));
    await app.write(KEYS.up);
    await app.write(KEYS.enter);
    await waitFor(() => expect(footnote.questions).toEqual([QUESTION, QUESTION]));
  });

  it('explains that the chat needs a terminal when stdin cannot be raw', async () => {
    let exits = 0;
    const app = renderApp(
      <App footnote={new FakeFootnote()} indexOnStart={false} onExit={() => (exits += 1)} />,
      { interactive: false },
    );
    await waitFor(() => expect(exits).toBe(1));
    // All frames: with CI set, Ink writes one more, empty, frame as it unmounts.
    const drawn = app.frames().join('');
    expect(drawn).toContain('needs an interactive terminal');
    expect(drawn).toContain('footnote ask "…"');
  });
});
