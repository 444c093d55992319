import type { z } from 'zod';

/** The command-line flag that sets each config key, for hints. */
export const FLAG_BY_KEY: Readonly<Record<string, string>> = {
  corpus: '--corpus',
  index: '--index',
  provider: '--provider',
  k: '--k',
  chunkSize: '--chunk-size',
  chunkOverlap: '--chunk-overlap',
  openaiApiKey: 'OPENAI_API_KEY',
  openaiBaseUrl: 'OPENAI_BASE_URL',
  embeddingBaseUrl: 'FOOTNOTE_EMBEDDING_BASE_URL',
  embeddingModel: '--embedding-model',
  chatModel: '--model',
  maxRetries: 'FOOTNOTE_MAX_RETRIES',
  retryBaseDelayMs: 'FOOTNOTE_RETRY_BASE_DELAY_MS',
  retryMaxDelayMs: 'FOOTNOTE_RETRY_MAX_DELAY_MS',
  connectTimeoutMs: 'FOOTNOTE_CONNECT_TIMEOUT_MS',
  streamTimeoutMs: 'FOOTNOTE_STREAM_TIMEOUT_MS',
  embeddingBatchSize: 'FOOTNOTE_EMBEDDING_BATCH_SIZE',
  embeddingConcurrency: 'FOOTNOTE_EMBEDDING_CONCURRENCY',
  contextTokens: 'FOOTNOTE_CONTEXT_TOKENS',
  fallback: '--no-fallback',
};

/**
 * Turns the first zod issue into one line that names the key, what is allowed
 * and what was given, e.g. `"k" must be an integer between 1 and 50 (got "ten")`.
 */
export function formatConfigIssue(
  issue: z.core.$ZodIssue,
  input: Record<string, unknown>,
): { key: string; detail: string } {
  const key = issue.path.map(String).join('.') || '(root)';
  const received = issue.path.length > 0 ? input[String(issue.path[0])] : undefined;
  // A key, or a URL with credentials in it, must not end up on screen or in a log.
  const secret = key === 'openaiApiKey' || /^(openai|embedding)BaseUrl$/.test(key);
  const got = received === undefined || secret ? '' : ` (got ${JSON.stringify(received)})`;
  return { key, detail: `"${key}" ${describeExpectation(issue)}${got}` };
}

function describeExpectation(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `must be ${article(issue.expected)}`;
    case 'too_small':
      return issue.origin === 'string'
        ? 'must not be empty'
        : `must be at least ${String(issue.minimum)}`;
    case 'too_big':
      return `must be at most ${String(issue.maximum)}`;
    case 'invalid_value':
      return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'unrecognized_keys':
      return `has unknown keys ${issue.keys.join(', ')}; allowed: ${Object.keys(FLAG_BY_KEY).join(', ')}`;
    case 'invalid_format':
      return `must be a valid ${issue.format}`;
    default:
      return issue.message;
  }
}

function article(type: string): string {
  if (type === 'int') return 'an integer';
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}
