import fs from 'node:fs';
import path from 'node:path';
import { FootnoteError } from '../shared/errors.js';
import { configSchema, type Config, type ConfigInput } from './config-schema.js';
import { FLAG_BY_KEY, formatConfigIssue } from './format-config-issue.js';

/** Name of the optional config file, looked up in the working directory. */
export const CONFIG_FILE_NAME = 'footnote.config.json';

/** Environment variables footnote reads, by config key. */
const ENV_BY_KEY: Readonly<Partial<Record<keyof ConfigInput, string>>> = {
  corpus: 'FOOTNOTE_CORPUS',
  index: 'FOOTNOTE_INDEX',
  provider: 'FOOTNOTE_PROVIDER',
  k: 'FOOTNOTE_K',
  openaiApiKey: 'OPENAI_API_KEY',
  openaiBaseUrl: 'OPENAI_BASE_URL',
  embeddingModel: 'FOOTNOTE_EMBEDDING_MODEL',
  chatModel: 'FOOTNOTE_CHAT_MODEL',
};

const NUMERIC_KEYS = new Set(['k', 'chunkSize', 'chunkOverlap']);

/** Where settings come from; `cli/` fills it from argv, env and the working directory. */
export interface ConfigSources {
  flags: Partial<Record<keyof ConfigInput, unknown>>;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
}

/**
 * Merges flags over environment over `footnote.config.json`, validates once and
 * resolves the provider (openai when an API key is present, else local).
 * Relative folders are resolved against `cwd`.
 *
 * @throws FootnoteError CONFIG_INVALID or CONFIG_FILE_UNREADABLE
 */
export function loadConfig(sources: ConfigSources): Config {
  const merged: Record<string, unknown> = {
    ...readConfigFile(sources.cwd),
    ...fromEnv(sources.env),
    ...withoutUndefined(sources.flags),
  };
  for (const key of NUMERIC_KEYS) {
    const value = merged[key];
    if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) {
      merged[key] = Number(value);
    }
  }
  const result = configSchema.safeParse(merged);
  if (!result.success) {
    const issue = result.error.issues[0];
    if (!issue) throw new FootnoteError('CONFIG_INVALID', { detail: 'invalid settings', key: '' });
    const { key, detail } = formatConfigIssue(issue, merged);
    throw new FootnoteError('CONFIG_INVALID', { detail, key, flag: FLAG_BY_KEY[key] });
  }
  const parsed = result.data;
  const provider = parsed.provider ?? (parsed.openaiApiKey ? 'openai' : 'local');
  if (provider === 'openai' && !parsed.openaiApiKey) {
    throw new FootnoteError('PROVIDER_NOT_CONFIGURED');
  }
  return {
    ...parsed,
    provider,
    corpus: path.resolve(sources.cwd, parsed.corpus),
    index: path.resolve(sources.cwd, parsed.index),
  };
}

function readConfigFile(cwd: string): Record<string, unknown> {
  const file = path.join(cwd, CONFIG_FILE_NAME);
  let raw: string;
  try {
    raw = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw new FootnoteError('CONFIG_FILE_UNREADABLE', { path: file, detail: String(error) });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (error) {
    throw new FootnoteError('CONFIG_FILE_UNREADABLE', {
      path: file,
      detail: (error as Error).message,
    });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new FootnoteError('CONFIG_FILE_UNREADABLE', { path: file, detail: 'expected a JSON object' });
  }
  return parsed as Record<string, unknown>;
}

function fromEnv(env: ConfigSources['env']): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [key, name] of Object.entries(ENV_BY_KEY)) {
    const value = env[name];
    if (value !== undefined && value !== '') values[key] = value;
  }
  return values;
}

function withoutUndefined(flags: ConfigSources['flags']): Record<string, unknown> {
  return Object.fromEntries(Object.entries(flags).filter(([, value]) => value !== undefined));
}
