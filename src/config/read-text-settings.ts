/** Integer settings; all of footnote's numbers are counts, sizes or milliseconds. */
const NUMERIC_KEYS = new Set([
  'k',
  'chunkSize',
  'chunkOverlap',
  'maxRetries',
  'retryBaseDelayMs',
  'retryMaxDelayMs',
  'connectTimeoutMs',
  'streamTimeoutMs',
  'embeddingBatchSize',
  'embeddingConcurrency',
  'contextTokens',
]);

const BOOLEAN_KEYS = new Set(['fallback']);

/** Environment spellings of booleans; anything else reaches the schema as typed and is reported. */
const BOOLEAN_WORDS: Readonly<Record<string, boolean>> = { true: true, '1': true, yes: true, false: false, '0': false, no: false };

/**
 * The value of setting `key` written as text (a variable or a flag): an
 * integer or a boolean when the key takes one and the text spells one, else
 * the value unchanged, for the schema to report.
 *
 * @example
 * readTextSetting('k', ' 7 '); // 7
 * readTextSetting('k', '1e1'); // '1e1'
 */
export function readTextSetting(key: string, value: unknown): unknown {
  if (typeof value !== 'string') return value;
  // Only plain decimal integers: Number() would also read "1e1", "0x3" and
  // "0b11", which nobody means when typing a passage count.
  if (NUMERIC_KEYS.has(key)) return /^-?\d+$/.test(value.trim()) ? Number(value) : value;
  if (BOOLEAN_KEYS.has(key)) return BOOLEAN_WORDS[value.trim().toLowerCase()] ?? value;
  return value;
}

/** `readTextSetting` applied to every value of a layer of text settings. */
export function readTextSettings(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).map(([key, value]) => [key, readTextSetting(key, value)]));
}

/**
 * Why a config-file value that only text may spell this way is wrong: JSON has
 * numbers and booleans, so `"k": "5"` is a typo the file should not hide
 * (a variable or a flag has only text). Undefined when `value` is not such text.
 */
export function describeQuotedSetting(key: string, value: unknown): string | undefined {
  const read = readTextSetting(key, value);
  if (read === value) return undefined;
  return `"${key}" must be a JSON ${typeof read}, not the string ${JSON.stringify(value)}`;
}
