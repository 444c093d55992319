import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Config } from '../src/config/config-schema.js';
import { createFootnote } from '../src/footnote.js';
import { startOpenAITestServer, type OpenAITestServer } from './helpers/openai-test-server.js';
import { createTempCorpus, type TempCorpus } from './helpers/temp-corpus.js';
import { drain, makeTestConfig } from './helpers/test-config.js';
import { expectCitationsVerbatim } from './helpers/verify-citation.js';

const KEY = 'sk-footnote-secret-4242';
const VISIT =
  'Guo Jun led the team that visited the Safe-Run factory in March.\n\n' +
  'Chen Mei and Li Wei came on the Safe-Run visit as well.\n';
const GARDEN = 'Tomato seedlings need a sunny windowsill and steady watering until the last frost.\n';

let server: OpenAITestServer;
let corpus: TempCorpus;

beforeEach(async () => {
  server = await startOpenAITestServer({ chatReply: 'Guo Jun led it [1].' });
  corpus = createTempCorpus({ 'visit.txt': VISIT, 'garden.txt': GARDEN });
});

afterEach(async () => {
  await server.close();
  corpus.cleanup();
});

function openaiConfig(overrides: Partial<Config> = {}): Config {
  return makeTestConfig(corpus.root, {
    provider: 'openai',
    openaiApiKey: KEY,
    openaiBaseUrl: server.url,
    embeddingModel: 'test-embedding-model',
    chatModel: 'test-chat-model',
    chunkSize: 200,
    chunkOverlap: 0,
    maxRetries: 0,
    ...overrides,
  });
}

/** The texts sent to `/v1/embeddings`, one array per request, from request `since` on. */
function embeddingInputs(since = 0): string[][] {
  return server.requests
    .slice(since)
    .filter((request) => request.path === '/v1/embeddings')
    .map((request) => {
      const input = (request.body as { input: string | string[] }).input;
      return typeof input === 'string' ? [input] : input;
    });
}

/** A port nothing listens on: a server's, once closed. */
async function closedPortUrl(): Promise<string> {
  const closed = await startOpenAITestServer();
  await closed.close();
  return closed.url;
}

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

describe('footnote with an OpenAI-compatible server', () => {
  it('rewrites a follow-up with the model and retrieves for the standalone question', async () => {
    const footnote = createFootnote(openaiConfig());
    await drain(footnote.ingest());
    server.setChatResponder((body) => (body['stream'] === true ? 'Chen Mei and Li Wei came too [1].' : 'Who else came on the Safe-Run visit?'));
    const since = server.requests.length;
    const history = [{ question: 'Who led the team that visited Safe-Run?', answer: 'Guo Jun led it [1].' }];
    const { value: answer } = await drain(footnote.ask('and who else came?', { history }));

    expect(answer).toMatchObject({ question: 'and who else came?', retrievalQuestion: 'Who else came on the Safe-Run visit?' });
    expect(answer.citations[0]?.text).toContain('Chen Mei');
    const chats = server.requests.slice(since).filter((request) => request.path === '/v1/chat/completions');
    const bodies = chats.map((request) => request.body as { stream?: boolean; messages: Array<{ content: string }> });
    expect(bodies.map((body) => body.stream === true)).toEqual([false, true]);
    expect(bodies[0]?.messages[1]?.content).toContain('User: Who led the team that visited Safe-Run?\nAssistant: Guo Jun led it.');
    expect(bodies[0]?.messages[1]?.content).toContain('Last question: and who else came?');
    expect(bodies[1]?.messages[1]?.content).toContain('Question: and who else came?');
    expect(embeddingInputs(since)).toEqual([['Who else came on the Safe-Run visit?']]);
    footnote.close();
  });

  it('searches with the offline rewrite when the model answers the rewrite request with a refusal', async () => {
    const footnote = createFootnote(openaiConfig());
    await drain(footnote.ingest());
    server.setChatResponder((body) => (body['stream'] === true ? 'Chen Mei and Li Wei came too [1].' : 'I cannot answer that from the documents.'));
    const history = [{ question: 'Who led the team that visited Safe-Run?', answer: 'Guo Jun led it [1].' }];
    const { value: answer } = await drain(footnote.ask('and who else came?', { history }));
    expect(answer.retrievalQuestion).toBe('and who else came? led team visited safe run');
    footnote.close();
  });

  it('searches with the offline rewrite when the model\'s rewrite shares no word with the conversation', async () => {
    const footnote = createFootnote(openaiConfig());
    await drain(footnote.ingest());
    server.setChatResponder((body) => (body['stream'] === true ? 'Guo Jun [1].' : "Sorry, I can't help with that."));
    const history = [{ question: 'Who led the team that visited Safe-Run?', answer: 'Guo Jun led it [1].' }];
    const { value: answer } = await drain(footnote.ask('When did he visit?', { history }));
    expect(answer.retrievalQuestion).toBe('When did he visit? led team safe run');
    footnote.close();
  });

  it('answers a question without words offline, sending nothing to the server', async () => {
    const footnote = createFootnote(openaiConfig());
    await drain(footnote.ingest());
    const since = server.requests.length;
    const { value: answer } = await drain(footnote.ask('?!'));
    expect(answer).toMatchObject({ abstained: true, mode: 'extractive', citations: [] });
    expect(server.requests.slice(since).filter((request) => request.path !== '/v1/models')).toEqual([]);
    footnote.close();
  });

  it('searches for a misspelt question spelt right, says so, and gives the model the question as asked', async () => {
    const footnote = createFootnote(openaiConfig());
    await drain(footnote.ingest());
    server.setChatResponder(() => 'Tomato seedlings need a sunny windowsill [1].');
    const since = server.requests.length;
    const { value: answer } = await drain(footnote.ask('What do tomato seedlngs need?'));

    expect(answer.retrievalQuestion).toBe('What do tomato seedlings need?');
    expect(answer.citations[0]?.text).toContain('Tomato seedlings');
    expect(embeddingInputs(since)).toEqual([['What do tomato seedlings need?']]);
    const chat = server.requests.slice(since).find((request) => request.path === '/v1/chat/completions');
    expect((chat?.body as { messages: Array<{ content: string }> }).messages[1]?.content).toContain(
      'Question: What do tomato seedlngs need?',
    );
    footnote.close();
  });

  it('answers extractively, labelled as a fallback, when the server cannot be reached; fails with fallback off', async () => {
    const config = openaiConfig();
    const indexing = createFootnote(config);
    await drain(indexing.ingest());
    indexing.close();

    const offline = { ...config, openaiBaseUrl: await closedPortUrl() };
    const unreachable = `cannot reach ${offline.openaiBaseUrl}/embeddings: ECONNREFUSED`;
    const footnote = createFootnote(offline);
    expect(await footnote.status()).toMatchObject({ exists: true, stale: false, embedderMismatch: false });
    const { events, value: answer } = await drain(footnote.ask('Who led the team that visited Safe-Run?'));
    expect(answer).toMatchObject({
      mode: 'extractive',
      model: null,
      abstained: false,
      fallback: { reason: 'provider-unreachable', detail: unreachable },
    });
    expect(events[0]).toEqual({
      type: 'answer-start',
      mode: 'extractive',
      model: null,
      fallback: { reason: 'provider-unreachable', detail: unreachable },
    });
    expect(answer.citations[0]?.source).toBe('visit.txt');
    await expectCitationsVerbatim(corpus.root, answer);
    footnote.close();

    const strict = createFootnote({ ...offline, fallback: false });
    await expect(drain(strict.ask('Who led the team?'))).rejects.toMatchObject({
      code: 'PROVIDER_UNREACHABLE',
      message: unreachable,
    });
    strict.close();
  });

  it('fails in words, without answering offline, when the server closes the connection without answering', async () => {
    const footnote = createFootnote(openaiConfig());
    await drain(footnote.ingest());
    server.scriptFailures({ kind: 'close-connection', route: '/v1/embeddings' });
    await expect(drain(footnote.ask('Who led the team that visited Safe-Run?'))).rejects.toMatchObject({
      code: 'PROVIDER_DISCONNECTED',
      message: 'openai request failed: the server closed the connection without answering',
    });
    footnote.close();
  });

  it('sends one embedding request per question: the vector length of the model comes from the index', async () => {
    const config = openaiConfig();
    const indexing = createFootnote(config);
    await drain(indexing.ingest());
    indexing.close();

    // A new run, as `footnote ask` is: it checks the index, then answers.
    const footnote = createFootnote(config);
    const since = server.requests.length;
    expect(await footnote.status()).toMatchObject({ stale: false, embedderMismatch: false });
    const { value: answer } = await drain(footnote.ask('Who led the team that visited Safe-Run?'));
    expect(answer.citations[0]?.source).toBe('visit.txt');
    expect(embeddingInputs(since)).toEqual([['Who led the team that visited Safe-Run?']]);
    footnote.close();
  });

  it('catches a server whose vectors no longer have the indexed length, and rebuilds with --full', async () => {
    const config = openaiConfig();
    const indexing = createFootnote(config);
    await drain(indexing.ingest());
    indexing.close();

    const resized = await startOpenAITestServer({ dimensions: 32 });
    try {
      const footnote = createFootnote({ ...config, openaiBaseUrl: resized.url });
      await expect(drain(footnote.ask('Who led the team?'))).rejects.toMatchObject({
        code: 'EMBEDDER_MISMATCH',
        message:
          'the index was built with embedder openai:test-embedding-model (64-dimensional vectors), but this run uses openai:test-embedding-model (32-dimensional vectors)',
      });
      // Indexing asks the server for the length instead of trusting the index it replaces.
      const { value: rebuilt } = await drain(footnote.ingest({ full: true }));
      expect(rebuilt).toMatchObject({ added: 2, full: true });
      const { value: answer } = await drain(footnote.ask('Who led the team that visited Safe-Run?'));
      expect(answer.citations[0]?.source).toBe('visit.txt');
      footnote.close();
    } finally {
      await resized.close();
    }
  });

  it('re-asks the vector length on a full rebuild when the server changed its model during a session', async () => {
    // One facade, as the chat app holds it: an index run, then the server's model changes.
    const footnote = createFootnote(openaiConfig());
    await drain(footnote.ingest());
    server.setDimensions(48);
    await expect(drain(footnote.ask('Who led the team that visited Safe-Run?'))).rejects.toMatchObject({
      code: 'EMBEDDER_MISMATCH',
      message:
        'the index was built with embedder openai:test-embedding-model (64-dimensional vectors), but this run uses openai:test-embedding-model (48-dimensional vectors)',
    });
    const { value: rebuilt } = await drain(footnote.ingest({ full: true }));
    expect(rebuilt).toMatchObject({ full: true, embeddingsComputed: 2, embeddingsReused: 0 });
    const { value: answer } = await drain(footnote.ask('Who led the team that visited Safe-Run?'));
    expect(answer.citations[0]?.source).toBe('visit.txt');
    footnote.close();
  });

  it('takes the vector length from an index another process rebuilt since this session probed it', async () => {
    const config = openaiConfig();
    const chat = createFootnote(config);
    await drain(chat.ingest());
    server.setDimensions(48);
    const other = createFootnote(config);
    await drain(other.ingest({ full: true }));
    other.close();
    const { value: answer } = await drain(chat.ask('Who led the team that visited Safe-Run?'));
    expect(answer.citations[0]?.source).toBe('visit.txt');
    chat.close();
  });

  it('sends embeddings to embeddingBaseUrl when set, and chat to openaiBaseUrl', async () => {
    const embeddingServer = await startOpenAITestServer();
    try {
      const footnote = createFootnote(openaiConfig({ embeddingBaseUrl: embeddingServer.url }));
      await drain(footnote.ingest());
      await drain(footnote.ask('Who led the team?'));
      footnote.close();
      expect(new Set(server.requests.map((request) => request.path))).toEqual(new Set(['/v1/chat/completions']));
      expect(new Set(embeddingServer.requests.map((request) => request.path))).toEqual(new Set(['/v1/embeddings']));
    } finally {
      await embeddingServer.close();
    }
  });

  it('starts over with a labelled offline answer when only the chat server is unreachable', async () => {
    const chatUrl = await closedPortUrl();
    const footnote = createFootnote(openaiConfig({ openaiBaseUrl: chatUrl, embeddingBaseUrl: server.url }));
    await drain(footnote.ingest());
    const { events, value: answer } = await drain(footnote.ask('Who led the team that visited Safe-Run?'));
    const starts = events.filter((event) => event.type === 'answer-start');
    expect(starts).toEqual([
      { type: 'answer-start', mode: 'generative', model: 'test-chat-model' },
      {
        type: 'answer-start',
        mode: 'extractive',
        model: null,
        fallback: { reason: 'provider-unreachable', detail: `cannot reach ${chatUrl}/chat/completions: ECONNREFUSED` },
      },
    ]);
    expect(events.some((event) => event.type === 'text-delta' && events.indexOf(event) < events.indexOf(starts[1]!))).toBe(false);
    expect(answer).toMatchObject({ mode: 'extractive', fallback: { reason: 'provider-unreachable' } });
    expect(answer.citations[0]?.source).toBe('visit.txt');
    footnote.close();
  });

  it('asks for a full rebuild when the embedding model changes, and never mixes vectors', async () => {
    const config = openaiConfig();
    const first = createFootnote(config);
    await drain(first.ingest());
    first.close();

    corpus.write('new.txt', 'A file added after the model changed.');
    const changed = createFootnote({ ...config, embeddingModel: 'other-embedding-model' });
    const since = server.requests.length;
    const mismatch = {
      code: 'EMBEDDER_MISMATCH',
      message:
        'the index was built with embedder openai:test-embedding-model (64-dimensional vectors), but this run uses openai:other-embedding-model (64-dimensional vectors)',
    };
    await expect(drain(changed.ask('Who led the team?'))).rejects.toMatchObject(mismatch);
    await expect(drain(changed.ingest())).rejects.toMatchObject(mismatch);
    // Only the probe for the new model's vector length was sent: nothing was embedded with it.
    expect(embeddingInputs(since)).toEqual([['dimension probe']]);
    const { value: rebuilt } = await drain(changed.ingest({ full: true }));
    expect(rebuilt).toMatchObject({ added: 3, full: true });
    changed.close();
  });

  it('keeps the API key out of every file of the index', async () => {
    const config = openaiConfig();
    const footnote = createFootnote(config);
    await drain(footnote.ingest());
    await drain(footnote.ask('Who led the team?'));
    footnote.close();
    const files = filesUnder(config.index);
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) expect(fs.readFileSync(file).includes(KEY), file).toBe(false);
    expect(server.requests[0]?.authorization).toBe(`Bearer ${KEY}`);
  });

  it('sends embeddings in batches of embeddingBatchSize, at most embeddingConcurrency at once, and never re-sends unchanged text', async () => {
    const paragraphs = Array.from(
      { length: 5 },
      (_, i) => `Paragraph ${i} is about topic${i}. ${'It goes on about that one topic and nothing else. '.repeat(3).trim()}`,
    );
    corpus.write('many.txt', paragraphs.join('\n\n'));
    corpus.remove('garden.txt');
    corpus.remove('visit.txt');
    const config = openaiConfig({ embeddingBatchSize: 2, embeddingConcurrency: 2 });
    const footnote = createFootnote(config);
    await drain(footnote.ingest());
    // The first request is the probe for the vector length of an unknown model.
    expect(embeddingInputs().slice(1).map((input) => input.length)).toEqual([2, 2, 1]);
    expect(server.peakConcurrency).toBeLessThanOrEqual(2);

    const changed = paragraphs.map((text, i) => (i === 3 ? text.replace('topic3', 'zeppelins') : text));
    corpus.write('many.txt', changed.join('\n\n'));
    const since = server.requests.length;
    const { value: report } = await drain(footnote.ingest());
    expect(report).toMatchObject({ changed: 1, embeddingsComputed: 1, embeddingsReused: 4 });
    // Under its file title; LangChain's OpenAIEmbeddings sends line breaks as spaces.
    expect(embeddingInputs(since)).toEqual([[`many  ${changed[3]}`]]);
    footnote.close();
  });
});

describe('footnote follow-ups offline', () => {
  it("carries the previous question's key terms into the retrieval of a follow-up", async () => {
    const footnote = createFootnote(makeTestConfig(corpus.root, { chunkSize: 200, chunkOverlap: 0 }));
    await drain(footnote.ingest());
    const history = [{ question: 'Who led the team that visited Safe-Run?', answer: 'Guo Jun led it [1].' }];
    const { value: answer } = await drain(footnote.ask('and who else came?', { history }));
    expect(answer.retrievalQuestion).toBe('and who else came? led team visited safe run');
    expect(answer.citations[0]?.source).toBe('visit.txt');
    await expectCitationsVerbatim(corpus.root, answer);
    footnote.close();
  });
});

describe('footnote mode label', () => {
  it('names the model and the server, without credentials in its URL', () => {
    const footnote = createFootnote(openaiConfig({ openaiBaseUrl: 'http://user:hunter2@localhost:11434/v1' }));
    expect(footnote.modeLabel).toBe('test-chat-model · generated answers via http://localhost:11434/v1');
  });

  it('offline with a key set, says how to switch rather than to set the key', () => {
    const withKey = createFootnote(openaiConfig({ provider: 'local' }));
    expect(withKey.modeLabel).toBe('offline · extractive answers (quotes; --provider openai for generated answers)');
    const withoutKey = createFootnote(openaiConfig({ provider: 'local', openaiApiKey: undefined }));
    expect(withoutKey.modeLabel).toContain('set OPENAI_API_KEY for generated answers');
  });
});
