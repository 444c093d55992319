import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { FootnoteError } from '../../src/shared/errors.js';

const dirs: string[] = [];
function tempDir(config?: unknown): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'footnote-config-'));
  dirs.push(dir);
  if (config !== undefined) {
    fs.writeFileSync(
      path.join(dir, 'footnote.config.json'),
      typeof config === 'string' ? config : JSON.stringify(config),
    );
  }
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function failure(run: () => unknown): FootnoteError {
  try {
    run();
  } catch (error) {
    if (error instanceof FootnoteError) return error;
    throw error;
  }
  throw new Error('expected a FootnoteError');
}

describe('loadConfig', () => {
  it('uses defaults, resolves folders against cwd and picks the local provider without a key', () => {
    const cwd = tempDir();
    const config = loadConfig({ flags: {}, env: {}, cwd });
    expect(config.corpus).toBe(path.join(cwd, 'corpus'));
    expect(config.index).toBe(path.join(cwd, 'embeddings'));
    expect(config.provider).toBe('local');
    expect(config.k).toBe(5);
  });

  it('picks openai when OPENAI_API_KEY is set', () => {
    const config = loadConfig({ flags: {}, env: { OPENAI_API_KEY: 'sk-test' }, cwd: tempDir() });
    expect(config.provider).toBe('openai');
    expect(config.openaiApiKey).toBe('sk-test');
  });

  it('lets flags override env override the config file', () => {
    const cwd = tempDir({ k: 3, corpus: 'from-file', index: 'idx-file' });
    const config = loadConfig({
      flags: { k: 7 },
      env: { FOOTNOTE_K: '4', FOOTNOTE_CORPUS: 'from-env' },
      cwd,
    });
    expect(config.k).toBe(7);
    expect(config.corpus).toBe(path.join(cwd, 'from-env'));
    expect(config.index).toBe(path.join(cwd, 'idx-file'));
  });

  it('names the key, what is allowed and what was given for a bad value', () => {
    const error = failure(() => loadConfig({ flags: { k: 'ten' }, env: {}, cwd: tempDir() }));
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.exitCode).toBe(2);
    expect(error.message).toBe('config: "k" must be an integer from 1 to 50 (got "ten")');
    expect(error.hint).toContain('--k');
  });

  it('rejects an unknown provider and lists the allowed ones', () => {
    const error = failure(() => loadConfig({ flags: { provider: 'cohere' }, env: {}, cwd: tempDir() }));
    expect(error.message).toBe('config: "provider" must be one of "local", "openai" (got "cohere")');
  });

  it('rejects a k out of range', () => {
    const error = failure(() => loadConfig({ flags: { k: 500 }, env: {}, cwd: tempDir() }));
    expect(error.message).toBe('config: "k" must be an integer from 1 to 50 (got 500)');
  });

  it.each(['1e1', '0x3', '0b11', '3.5', '+4', 'Infinity'])('takes only a plain integer for k, not %s', (k) => {
    const error = failure(() => loadConfig({ flags: { k }, env: {}, cwd: tempDir() }));
    expect(error.message).toBe(`config: "k" must be an integer from 1 to 50 (got "${k}")`);
  });

  it.each([
    ['k', '"5"', 'config: "k" must be a JSON number, not the string "5"'],
    ['chunkSize', '"800"', 'config: "chunkSize" must be a JSON number, not the string "800"'],
    ['maxRetries', '" 2 "', 'config: "maxRetries" must be a JSON number, not the string " 2 "'],
    ['fallback', '"false"', 'config: "fallback" must be a JSON boolean, not the string "false"'],
  ])('takes %s from the config file only as its JSON type, not as a string (%s)', (key, json, message) => {
    const env = { OPENAI_API_KEY: 'sk-test' }; // the openai provider, which reads every one of these keys
    const error = failure(() => loadConfig({ flags: {}, env, cwd: tempDir(`{"${key}": ${json}}`) }));
    expect([error.code, error.message, error.hint]).toEqual(['CONFIG_INVALID', message, `fix "${key}" in footnote.config.json`]);
  });

  it('still reads numbers and booleans from variables and flags, which are text', () => {
    const cwd = tempDir();
    const env = { FOOTNOTE_K: '4', FOOTNOTE_MAX_RETRIES: '2', FOOTNOTE_FALLBACK: 'no' };
    expect(loadConfig({ flags: { chunkSize: '800' }, env, cwd })).toMatchObject({ k: 4, maxRetries: 2, fallback: false, chunkSize: 800 });
  });

  it('reports a word in the config file where a number belongs as out of range, as for a flag', () => {
    const error = failure(() => loadConfig({ flags: {}, env: {}, cwd: tempDir({ k: 'ten' }) }));
    expect(error.message).toBe('config: "k" must be an integer from 1 to 50 (got "ten")');
  });

  it('reads a config file saved with a byte-order mark, as Windows editors save one', () => {
    expect(loadConfig({ flags: {}, env: {}, cwd: tempDir('\uFEFF{"k": 3}') }).k).toBe(3);
  });

  it('shows a number too large to hold as Infinity, not as null', () => {
    const env = { OPENAI_API_KEY: 'sk-test' };
    const error = failure(() => loadConfig({ flags: {}, env, cwd: tempDir('{"connectTimeoutMs": 1e999}') }));
    expect(error.message).toBe('config: "connectTimeoutMs" must be an integer from 1 to 600000 (got Infinity)');
  });

  it('reads an integer with spaces around it, as a variable may have', () => {
    expect(loadConfig({ flags: {}, env: { FOOTNOTE_K: ' 7 ' }, cwd: tempDir() }).k).toBe(7);
  });

  it('caps the passage overlap at half the passage size', () => {
    const error = failure(() => loadConfig({ flags: { chunkSize: '200', chunkOverlap: '199' }, env: {}, cwd: tempDir() }));
    expect([error.message, error.hint]).toEqual([
      'config: "chunkOverlap" must be at most half of "chunkSize": 100 for 200 (got 199)',
      'fix the value of --chunk-overlap',
    ]);
    expect(loadConfig({ flags: { chunkSize: '200', chunkOverlap: '100' }, env: {}, cwd: tempDir() }).chunkOverlap).toBe(100);
  });

  it('shrinks the default overlap to fit a small passage size, and keeps it otherwise', () => {
    expect(loadConfig({ flags: { chunkSize: '200' }, env: {}, cwd: tempDir() }).chunkOverlap).toBe(100);
    expect(loadConfig({ flags: {}, env: {}, cwd: tempDir() })).toMatchObject({ chunkSize: 1000, chunkOverlap: 150 });
  });

  it('reports a config file that is not JSON in one line', () => {
    const error = failure(() => loadConfig({ flags: {}, env: {}, cwd: tempDir('{ k: 3') }));
    expect(error.code).toBe('CONFIG_FILE_UNREADABLE');
    expect(error.message.split('\n')).toHaveLength(1);
  });

  it('names an unknown key of the config file and the key it was probably meant to be', () => {
    const error = failure(() => loadConfig({ flags: {}, env: {}, cwd: tempDir({ chatModell: 'x' }) }));
    expect([error.code, error.exitCode, error.message, error.hint]).toEqual([
      'CONFIG_UNKNOWN_KEY',
      2,
      'config: unknown key "chatModell" in footnote.config.json',
      'did you mean "chatModel"? rename the key in footnote.config.json',
    ]);
  });

  it('lists the allowed keys when an unknown key is close to none of them', () => {
    const error = failure(() => loadConfig({ flags: {}, env: {}, cwd: tempDir({ k: 3, topK: 3 }) }));
    expect(error.message).toBe('config: unknown key "topK" in footnote.config.json');
    expect(error.hint).toMatch(/^remove it from footnote\.config\.json; the keys are corpus, index, provider, k, /);
    expect(error.hint).toContain(', model');
  });

  it('requires an API key for the openai provider', () => {
    const error = failure(() => loadConfig({ flags: { provider: 'openai' }, env: {}, cwd: tempDir() }));
    expect(error.code).toBe('PROVIDER_NOT_CONFIGURED');
  });

  it('takes the chat model from --model, FOOTNOTE_MODEL, the older FOOTNOTE_CHAT_MODEL or "model" in the file', () => {
    expect(loadConfig({ flags: {}, env: {}, cwd: tempDir({ model: 'file-model' }) }).chatModel).toBe('file-model');
    const cwd = tempDir({ model: 'file-model', embeddingModel: 'file-embed' });
    expect(loadConfig({ flags: {}, env: { FOOTNOTE_CHAT_MODEL: 'old-env' }, cwd }).chatModel).toBe('old-env');
    const env = { FOOTNOTE_CHAT_MODEL: 'old-env', FOOTNOTE_MODEL: 'env-model', FOOTNOTE_EMBEDDING_MODEL: 'env-embed' };
    expect(loadConfig({ flags: {}, env, cwd })).toMatchObject({ chatModel: 'env-model', embeddingModel: 'env-embed' });
    expect(loadConfig({ flags: { chatModel: 'flag-model' }, env, cwd }).chatModel).toBe('flag-model');
  });

  it('reads the resilience, batching and context settings from env and file, as numbers', () => {
    const cwd = tempDir({ maxRetries: 1, embeddingBatchSize: 32 });
    const config = loadConfig({
      flags: {},
      env: { FOOTNOTE_RETRY_BASE_DELAY_MS: '5', FOOTNOTE_STREAM_TIMEOUT_MS: '2000', FOOTNOTE_CONTEXT_TOKENS: '4096', FOOTNOTE_FALLBACK: 'false' },
      cwd,
    });
    expect(config).toMatchObject({
      maxRetries: 1,
      embeddingBatchSize: 32,
      retryBaseDelayMs: 5,
      streamTimeoutMs: 2000,
      contextTokens: 4096,
      fallback: false,
    });
    expect(loadConfig({ flags: {}, env: {}, cwd: tempDir() }).fallback).toBeUndefined();
  });

  it('reports a bad resilience setting in one line naming its variable', () => {
    const env = { OPENAI_API_KEY: 'sk-test', FOOTNOTE_MAX_RETRIES: 'lots' };
    const error = failure(() => loadConfig({ flags: {}, env, cwd: tempDir() }));
    expect([error.code, error.message, error.hint]).toEqual([
      'CONFIG_INVALID',
      'config: "maxRetries" must be an integer from 0 to 10 (got "lots")',
      'fix or unset the environment variable FOOTNOTE_MAX_RETRIES',
    ]);
  });

  it('sends the user to where a bad value came from: the flag, the variable or the file', () => {
    const cwd = tempDir({ k: 'many' });
    const env = { FOOTNOTE_K: 'abc' };
    expect(failure(() => loadConfig({ flags: { k: 'ten' }, env, cwd })).hint).toBe('fix the value of --k');
    expect(failure(() => loadConfig({ flags: {}, env, cwd })).hint).toBe('fix or unset the environment variable FOOTNOTE_K');
    expect(failure(() => loadConfig({ flags: {}, env: {}, cwd })).hint).toBe('fix "k" in footnote.config.json');
  });

  it('never echoes the API key or a server URL in a config error', () => {
    const error = failure(() => loadConfig({ flags: {}, env: { OPENAI_BASE_URL: 'http://user:pa ss@host' }, cwd: tempDir({ openaiApiKey: 42 }) }));
    expect(error.message).toBe('config: "openaiApiKey" must be a string');
    const urlError = failure(() => loadConfig({ flags: {}, env: { OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: 'not a url:secret' }, cwd: tempDir() }));
    expect(urlError.message).toBe('config: "openaiBaseUrl" must be an http:// or https:// URL, e.g. http://localhost:11434/v1');
  });

  it('ignores a bad setting of the openai provider when the run is offline, as it never reads it', () => {
    const env = { OPENAI_BASE_URL: 'notaurl', FOOTNOTE_EMBEDDING_BASE_URL: 'ftp://x', FOOTNOTE_MAX_RETRIES: 'lots', FOOTNOTE_FALLBACK: 'maybe' };
    const cwd = tempDir({ contextTokens: '4096', chatModel: '', k: 3 });
    const config = loadConfig({ flags: {}, env, cwd });
    expect(config).toMatchObject({ provider: 'local', k: 3, chatModel: 'gpt-4.1-mini' });
    expect([config.openaiBaseUrl, config.embeddingBaseUrl, config.maxRetries, config.fallback, config.contextTokens]).toEqual([
      undefined, undefined, undefined, undefined, undefined,
    ]);
    const keyed = loadConfig({ flags: { provider: 'local' }, env: { ...env, OPENAI_API_KEY: 'sk-test' }, cwd });
    expect([keyed.provider, keyed.openaiApiKey, keyed.openaiBaseUrl]).toEqual(['local', 'sk-test', undefined]);
  });

  it('keeps the openai settings of an offline run that are valid', () => {
    const config = loadConfig({ flags: { provider: 'local' }, env: { OPENAI_BASE_URL: 'http://localhost:11434/v1', FOOTNOTE_MAX_RETRIES: '1' }, cwd: tempDir() });
    expect([config.openaiBaseUrl, config.maxRetries]).toEqual(['http://localhost:11434/v1', 1]);
  });

  it('still refuses a bad setting of the openai provider when it is used, chosen or by its key', () => {
    for (const sources of [
      { flags: { provider: 'openai' }, env: { OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: 'notaurl' } },
      { flags: {}, env: { OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: 'notaurl' } },
    ]) {
      const error = failure(() => loadConfig({ ...sources, cwd: tempDir() }));
      expect([error.message, error.hint]).toEqual([
        'config: "openaiBaseUrl" must be an http:// or https:// URL, e.g. http://localhost:11434/v1',
        'fix or unset the environment variable OPENAI_BASE_URL',
      ]);
    }
  });

  it.each([
    ['OPENAI_BASE_URL', 'openaiBaseUrl'],
    ['FOOTNOTE_EMBEDDING_BASE_URL', 'embeddingBaseUrl'],
  ])('accepts only http and https URLs in %s', (variable, key) => {
    const env = { OPENAI_API_KEY: 'sk-test', [variable]: 'ftp://localhost:11434/v1' };
    const error = failure(() => loadConfig({ flags: {}, env, cwd: tempDir() }));
    expect([error.message, error.hint]).toEqual([
      `config: "${key}" must be an http:// or https:// URL, e.g. http://localhost:11434/v1`,
      `fix or unset the environment variable ${variable}`,
    ]);
    const ok = loadConfig({ flags: {}, env: { ...env, [variable]: 'HTTPS://example.com/v1' }, cwd: tempDir() });
    expect(ok[key as 'openaiBaseUrl']).toBe('HTTPS://example.com/v1');
  });
});
