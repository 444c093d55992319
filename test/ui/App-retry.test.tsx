import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../src/ui/App.js';
import { FakeFootnote } from '../helpers/fake-footnote.js';
import { cleanup, renderApp } from '../helpers/render-app.js';
import { waitFor } from '../helpers/wait-for.js';

afterEach(() => {
  cleanup();
});

describe('App, while the server asks it to wait', () => {
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
    await waitFor(() =>
      expect(app.lastFrame()).toContain('the server is rate limiting requests (429); retrying in 8 s (retry 1 of 3)'),
    );
    await app.write('\u0003');
    await waitFor(() => expect(app.lastFrame()).toContain('answer cancelled'));
    expect(app.lastFrame()).not.toContain('rate limiting');

    await app.submit('answered');
    await waitFor(() => expect(app.lastFrame()).toContain('Here it is.'));
    expect(app.lastFrame()).not.toContain('the server failed');
  });
});
