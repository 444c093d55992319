import { FootnoteError } from '../../shared/errors.js';

/** An error as the chat shows it: one red line and, when known, what to do. */
export interface DisplayError {
  message: string;
  hint: string | null;
}

/**
 * Turns anything thrown by the facade into what the chat shows. A
 * `FootnoteError` keeps its message and hint; anything else is unexpected.
 */
export function describeError(error: unknown): DisplayError {
  if (FootnoteError.isInstance(error)) {
    return { message: error.message, hint: error.hint };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { message: `unexpected error: ${message}`, hint: null };
}
