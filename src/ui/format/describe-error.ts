import { describeUnexpectedError } from '../../shared/describe-unexpected-error.js';
import { ADD_DOCUMENTS_HINT, FootnoteError, type ErrorCode } from '../../shared/errors.js';

/** An error as the chat shows it: one red line and, when known, what to do. */
export interface DisplayError {
  message: string;
  hint: string | null;
}

/**
 * Hints that name a `footnote index` command, said as the chat's own
 * command: the user is inside the chat, where `/reindex` does the same without
 * quitting (and the status line already says `/reindex full`).
 */
const CHAT_HINTS: Partial<Record<ErrorCode, string>> = {
  INDEX_NOT_FOUND: 'type /reindex to build it',
  INDEX_EMPTY: `${ADD_DOCUMENTS_HINT}, then type /reindex`,
  INDEX_CORRUPT: 'type /reindex full to rebuild it',
  EMBEDDER_MISMATCH:
    'type /reindex full to rebuild with the current embedder, or restart footnote with the --provider (and --embedding-model) the index was built with',
  TOKENIZER_MISMATCH: 'type /reindex to rebuild the index with the current tokenizer',
};

/**
 * Turns anything thrown by the facade into what the chat shows. A
 * `FootnoteError` keeps its message and its hint, said as a slash command
 * where the hint names a `footnote index` run; anything else is unexpected.
 */
export function describeError(error: unknown): DisplayError {
  if (FootnoteError.isInstance(error)) {
    return { message: error.message, hint: CHAT_HINTS[error.code] ?? error.hint };
  }
  return { message: describeUnexpectedError(error), hint: null };
}
