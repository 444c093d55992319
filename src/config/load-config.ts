import fs from 'node:fs';
import path from 'node:path';
import { FootnoteError } from '../shared/errors.js';
import { withoutByteOrderMark } from '../shared/without-byte-order-mark.js';
import { configSchema, resolveChunkOverlap, type Config, type ConfigInput } from './config-schema.js';
import { FLAG_BY_KEY, formatConfigIssue } from './format-config-issue.js';
import { nearestKey } from './nearest-key.js';
import { describeQuotedSetting, readTextSettings } from './read-text-settings.js';

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
  embeddingBaseUrl: 'FOOTNOTE_EMBEDDING_BASE_URL',
  embeddingModel: 'FOOTNOTE_EMBEDDING_MODEL',
  chatModel: 'FOOTNOTE_MODEL',
  maxRetries: 'FOOTNOTE_MAX_RETRIES',
  retryBaseDelayMs: 'FOOTNOTE_RETRY_BASE_DELAY_MS',
  retryMaxDelayMs: 'FOOTNOTE_RETRY_MAX_DELAY_MS',
  connectTimeoutMs: 'FOOTNOTE_CONNECT_TIMEOUT_MS',
  streamTimeoutMs: 'FOOTNOTE_STREAM_TIMEOUT_MS',
  embeddingBatchSize: 'FOOTNOTE_EMBEDDING_BATCH_SIZE',
  embeddingConcurrency: 'FOOTNOTE_EMBEDDING_CONCURRENCY',
  contextTokens: 'FOOTNOTE_CONTEXT_TOKENS',
  fallback: 'FOOTNOTE_FALLBACK',
};

/** Earlier names still read, after the current ones: `FOOTNOTE_CHAT_MODEL` predates `FOOTNOTE_MODEL`. */
const LEGACY_ENV_BY_KEY: Readonly<Partial<Record<keyof ConfigInput, string>>> = {
  chatModel: 'FOOTNOTE_CHAT_MODEL',
};

/** Short names accepted in footnote.config.json, matching the flags (`"model"` for `--model`). */
const FILE_KEY_ALIASES: Readonly<Record<string, keyof ConfigInput>> = { model: 'chatModel' };

/**
 * Settings that only the openai provider reads. An offline run ignores a bad
 * one rather than refuse to start: OPENAI_BASE_URL is often exported for other
 * tools, and a run that never calls a server has no use for it.
 */
const OPENAI_ONLY_KEYS: readonly (keyof ConfigInput)[] = [
  'openaiBaseUrl',
  'embeddingBaseUrl',
  'embeddingModel',
  'chatModel',
  'maxRetries',
  'retryBaseDelayMs',
  'retryMaxDelayMs',
  'connectTimeoutMs',
  'streamTimeoutMs',
  'embeddingBatchSize',
  'embeddingConcurrency',
  'contextTokens',
  'fallback',
];

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
  const file = readConfigFile(sources.cwd);
  const env = fromEnv(sources.env);
  const flags = withoutUndefined(sources.flags);
  // Variables and flags are text by nature and are read as the key's type; the
  // file is JSON, so its values must already have it (see describeQuotedSetting).
  const merged: Record<string, unknown> = { ...file, ...readTextSettings(env.values), ...readTextSettings(flags) };
  if (isOffline(merged)) dropInvalidSettings(merged, OPENAI_ONLY_KEYS);
  const result = configSchema.safeParse(merged);
  if (!result.success) {
    const issue = result.error.issues[0];
    if (!issue) throw new FootnoteError('CONFIG_INVALID', { detail: 'invalid settings', key: '' });
    const { key, detail } = formatConfigIssue(issue, merged);
    const origin = originOf(key, { flags, env, file });
    const quoted = origin['origin'] === 'file' ? describeQuotedSetting(key, merged[key]) : undefined;
    throw new FootnoteError('CONFIG_INVALID', { detail: quoted ?? detail, key, ...origin });
  }
  const parsed = result.data;
  const provider = parsed.provider ?? (parsed.openaiApiKey ? 'openai' : 'local');
  if (provider === 'openai' && !parsed.openaiApiKey) {
    throw new FootnoteError('PROVIDER_NOT_CONFIGURED');
  }
  return {
    ...parsed,
    provider,
    chunkOverlap: resolveChunkOverlap(parsed.chunkOverlap, parsed.chunkSize),
    corpus: path.resolve(sources.cwd, parsed.corpus),
    index: path.resolve(sources.cwd, parsed.index),
  };
}

/** True when the settings choose the local provider, as `loadConfig` resolves it (a bad `provider` is not offline: it is reported). */
function isOffline(merged: Record<string, unknown>): boolean {
  return merged['provider'] === 'local' || (merged['provider'] === undefined && !merged['openaiApiKey']);
}

/** Removes each of `keys` whose value the schema would refuse, so that the run goes on with its default. */
function dropInvalidSettings(merged: Record<string, unknown>, keys: readonly (keyof ConfigInput)[]): void {
  for (const key of keys) {
    if (key in merged && !configSchema.shape[key].safeParse(merged[key]).success) delete merged[key];
  }
}

/**
 * Where the value of `key` was written, for the hint: not always where the user
 * would look first (a variable exported long ago outlives the flag they retype).
 */
function originOf(
  key: string,
  layers: { flags: Record<string, unknown>; env: ReturnType<typeof fromEnv>; file: Record<string, unknown> },
): Record<string, string | undefined> {
  if (key in layers.flags) return { origin: 'flag', name: FLAG_BY_KEY[key] };
  if (key in layers.env.values) return { origin: 'env', name: layers.env.names[key] };
  if (key in layers.file) return { origin: 'file' };
  return { flag: FLAG_BY_KEY[key] ?? ENV_BY_KEY[key as keyof ConfigInput] };
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
    parsed = JSON.parse(withoutByteOrderMark(raw));
  } catch (error) {
    throw new FootnoteError('CONFIG_FILE_UNREADABLE', {
      path: file,
      detail: (error as Error).message,
    });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new FootnoteError('CONFIG_FILE_UNREADABLE', { path: file, detail: 'expected a JSON object' });
  }
  rejectUnknownKeys(Object.keys(parsed));
  const values: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(parsed as Record<string, unknown>)) {
    const canonical = FILE_KEY_ALIASES[key] ?? key;
    if (canonical === key || !(canonical in parsed)) values[canonical] = value;
  }
  return values;
}

/**
 * Only the file can hold keys the schema does not know (flags and variables are
 * fixed lists), so they are caught here, where the message can name the file
 * and the likely typo, rather than as a nameless schema issue.
 */
function rejectUnknownKeys(keys: readonly string[]): void {
  const allowed = [...Object.keys(configSchema.shape), ...Object.keys(FILE_KEY_ALIASES)];
  const unknown = keys.find((key) => !allowed.includes(key));
  if (unknown === undefined) return;
  throw new FootnoteError('CONFIG_UNKNOWN_KEY', {
    key: unknown,
    suggestion: nearestKey(unknown, allowed),
    allowed: allowed.join(', '),
  });
}

/** Settings from the environment, and the variable each one was read from. */
function fromEnv(env: ConfigSources['env']): { values: Record<string, unknown>; names: Record<string, string> } {
  const values: Record<string, unknown> = {};
  const names: Record<string, string> = {};
  for (const byKey of [LEGACY_ENV_BY_KEY, ENV_BY_KEY]) {
    for (const [key, name] of Object.entries(byKey)) {
      const value = env[name];
      if (value === undefined || value === '') continue;
      values[key] = value;
      names[key] = name;
    }
  }
  return { values, names };
}

function withoutUndefined(flags: ConfigSources['flags']): Record<string, unknown> {
  return Object.fromEntries(Object.entries(flags).filter(([, value]) => value !== undefined));
}
