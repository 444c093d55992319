/**
 * A count and its noun, with an `s` unless the count is one (or `pluralNoun`,
 * for a noun that is not made plural with an `s`).
 *
 * @example
 * plural(2, 'file') // → '2 files'
 * plural(2, 'query', 'queries') // → '2 queries'
 */
export function plural(count: number, noun: string, pluralNoun = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : pluralNoun}`;
}
