/**
 * Marks the end of a `switch` over a closed union: the compiler rejects the call
 * when a case is missing, and a value that slips through at run time throws.
 */
export function checkExhaustive(value: never): never {
  throw new Error(`unexpected value: ${JSON.stringify(value)}`);
}
