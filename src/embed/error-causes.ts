/** How deep a chain of causes is searched: the SDK wraps what fetch threw, which wraps the socket's error. */
const MAX_CAUSE_DEPTH = 5;

/** A property of a value that may be anything thrown. */
export function readField(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}

/**
 * The first error in `error`'s chain of causes (itself included) that `pick`
 * recognises, as `pick` returns it.
 */
export function findInCauses<T>(error: unknown, pick: (error: unknown) => T | undefined): T | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < MAX_CAUSE_DEPTH && current !== undefined; depth++) {
    const found = pick(current);
    if (found !== undefined) return found;
    current = readField(current, 'cause');
  }
  return undefined;
}
