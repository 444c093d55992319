import { z } from 'zod';
import { configSchema } from './config-schema.js';

/** The command-line flag that sets each config key, for hints; keys without one are hinted by their environment variable. */
export const FLAG_BY_KEY: Readonly<Record<string, string>> = {
  corpus: '--corpus',
  index: '--index',
  provider: '--provider',
  k: '--k',
  chunkSize: '--chunk-size',
  chunkOverlap: '--chunk-overlap',
  embeddingModel: '--embedding-model',
  chatModel: '--model',
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
  const got = received === undefined || secret ? '' : ` (got ${describeReceived(received)})`;
  return { key, detail: `"${key}" ${describeExpectation(issue)}${got}` };
}

/** The value as it was written; JSON.stringify would show 1e999 (Infinity once parsed) as null. */
function describeReceived(received: unknown): string {
  return typeof received === 'number' && !Number.isFinite(received) ? String(received) : JSON.stringify(received);
}

function describeExpectation(issue: z.core.$ZodIssue): string {
  const range = integerRange(String(issue.path[0]));
  // One wording for a word, a fraction and a number out of range, as the chat's /k has.
  if (range !== undefined && ['invalid_type', 'too_small', 'too_big'].includes(issue.code)) {
    return `must be an integer from ${range.min} to ${range.max}`;
  }
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
      // load-config names unknown file keys before validating; this is the backstop.
      return `has unknown keys ${issue.keys.join(', ')}; allowed: ${Object.keys(configSchema.shape).join(', ')}`;
    case 'invalid_format':
      return issue.format === 'url'
        ? 'must be an http:// or https:// URL, e.g. http://localhost:11434/v1'
        : `must be a valid ${issue.format}`;
    default:
      return issue.message;
  }
}

/** The bounds of an integer setting, read from the schema so that they cannot drift. */
function integerRange(key: string): { min: number; max: number } | undefined {
  let field: z.ZodType | undefined = (configSchema.shape as Record<string, z.ZodType>)[key];
  while (field instanceof z.ZodDefault || field instanceof z.ZodOptional) field = field.unwrap() as z.ZodType;
  if (!(field instanceof z.ZodNumber) || !field.isInt) return undefined;
  const { minValue, maxValue } = field;
  return minValue === null || maxValue === null ? undefined : { min: minValue, max: maxValue };
}

function article(type: string): string {
  if (type === 'int') return 'an integer';
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}
