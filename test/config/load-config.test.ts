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
    expect(error.message).toBe('config: "k" must be a number (got "ten")');
    expect(error.hint).toContain('--k');
  });

  it('rejects an unknown provider and lists the allowed ones', () => {
    const error = failure(() => loadConfig({ flags: { provider: 'cohere' }, env: {}, cwd: tempDir() }));
    expect(error.message).toBe('config: "provider" must be one of "local", "openai" (got "cohere")');
  });

  it('rejects a k out of range', () => {
    const error = failure(() => loadConfig({ flags: { k: 500 }, env: {}, cwd: tempDir() }));
    expect(error.message).toBe('config: "k" must be at most 50 (got 500)');
  });

  it('reports a config file that is not JSON in one line', () => {
    const error = failure(() => loadConfig({ flags: {}, env: {}, cwd: tempDir('{ k: 3') }));
    expect(error.code).toBe('CONFIG_FILE_UNREADABLE');
    expect(error.message.split('\n')).toHaveLength(1);
  });

  it('rejects unknown keys in the config file', () => {
    const error = failure(() => loadConfig({ flags: {}, env: {}, cwd: tempDir({ topK: 3 }) }));
    expect(error.message).toContain('unknown keys topK');
  });

  it('requires an API key for the openai provider', () => {
    const error = failure(() => loadConfig({ flags: { provider: 'openai' }, env: {}, cwd: tempDir() }));
    expect(error.code).toBe('PROVIDER_NOT_CONFIGURED');
  });
});
