import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../src/ui/App.js';
import { FakeFootnote } from '../helpers/fake-footnote.js';
import { cleanup, renderApp } from '../helpers/render-app.js';
import { waitFor } from '../helpers/wait-for.js';

afterEach(() => {
  cleanup();
});

describe('App, while an answer waits', () => {
  it('says why the answer is waiting, until its text comes', async () => {
    const footnote = new FakeFootnote({
      answers: {
        waiting: {
          events: [
            { type: 'provider-retry', retry: { cause: 'rate-limited', status: 429, delayMs: 8000, retry: 1, maxRetries: 3 } },
          ],
          hang: true,
        },
        answered: {
          events: [
            { type: 'provider-retry', retry: { cause: 'server-error', status: 503, delayMs: 500, retry: 1, maxRetries: 3 } },
            { type: 'answer-start', mode: 'generative', model: 'm' },
            { type: 'text-delta', text: 'Here it is.' },
          ],
          hang: true,
        },
      },
    });
    const app = renderApp(<App footnote={footnote} indexOnStart={false} />);
    await app.submit('waiting');
    // Counting down from 8 s: a slow machine may show a later second first.
    await waitFor(() =>
      expect(app.lastFrame()).toMatch(/the server is rate limiting requests \(429\); retrying in [1-8] s \(retry 1 of 3\)/),
    );
    await app.write('\u0003');
    await waitFor(() => expect(app.lastFrame()).toContain('answer cancelled'));
    expect(app.lastFrame()).not.toContain('rate limiting');

    await app.submit('answered');
    await waitFor(() => expect(app.lastFrame()).toContain('Here it is.'));
    expect(app.lastFrame()).not.toContain('the server failed');
  });

  it('says it asks the model once the passages are found, and shows only the marker between paragraphs', async () => {
    const footnote = new FakeFootnote({
      answers: {
        asking: { events: [{ type: 'answer-start', mode: 'generative', model: 'test-chat-model' }], hang: true },
        paragraphs: {
          events: [
            { type: 'answer-start', mode: 'generative', model: 'test-chat-model' },
            { type: 'text-delta', text: 'First paragraph [1].\n\n' },
          ],
          hang: true,
        },
      },
    });
    const app = renderApp(<App footnote={footnote} indexOnStart={false} />);
    await app.submit('asking');
    await waitFor(() => expect(app.lastFrame()).toContain('asking test-chat-model…'));
    expect(app.lastFrame()).not.toContain('searching the corpus');
    await app.write('\u0003');
    await waitFor(() => expect(app.lastFrame()).toContain('answer cancelled'));

    await app.submit('paragraphs');
    await waitFor(() => expect(app.lastFrame()).toContain('First paragraph [1].'));
    expect(app.lastFrame()).not.toContain('asking test-chat-model');
    expect(app.lastFrame()).not.toContain('searching the corpus');
  });
});
