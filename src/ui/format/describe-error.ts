import { describeUnexpectedError } from '../../shared/describe-unexpected-error.js';
import { ADD_DOCUMENTS_HINT, FootnoteError, type ErrorCode } from '../../shared/errors.js';

/** An error as the chat shows it: one red line and, when known, what to do. */
export interface DisplayError {
  message: string;
  hint: string | null;
}

/**
 * How to go offline from the chat: the provider is chosen when footnote
 * starts, and the chat has no command to change it.
 */
const OFFLINE_FROM_CHAT = 'or /quit, then start footnote again with --provider local to work offline';

/**
 * Hints that name a `footnote index` command or say to use `--provider local`,
 * said as the chat allows: inside it `/reindex` does what `footnote index`
 * does without quitting (and the status line already says `/reindex full`),
 * while another provider takes a restart. Settings such as OPENAI_API_KEY are
 * read at start too, so a hint that says to fix one says to start again.
 */
const CHAT_HINTS: Partial<Record<ErrorCode, string>> = {
  INDEX_NOT_FOUND: 'type /reindex to build it',
  INDEX_EMPTY: `${ADD_DOCUMENTS_HINT}, then type /reindex`,
  INDEX_CORRUPT: 'type /reindex full to rebuild it',
  EMBEDDER_MISMATCH:
    'type /reindex full to rebuild with the current embedder, or restart footnote with the --provider (and --embedding-model) the index was built with',
  TOKENIZER_MISMATCH: 'type /reindex to rebuild the index with the current tokenizer',
  PROVIDER_NOT_CONFIGURED: `start footnote again with OPENAI_API_KEY exported (and OPENAI_BASE_URL for a local server); ${OFFLINE_FROM_CHAT}`,
  PROVIDER_FAILED: `check OPENAI_API_KEY, OPENAI_BASE_URL and the network (a changed setting takes a restart); ${OFFLINE_FROM_CHAT}`,
  PROVIDER_SERVER_ERROR: `the server had an error of its own and retrying did not get past it: check the server's log (or its status page) and ask again; ${OFFLINE_FROM_CHAT}`,
  PROVIDER_AUTH_FAILED: `check OPENAI_API_KEY (it must be a key for the server at OPENAI_BASE_URL, when set) and start footnote again with it; ${OFFLINE_FROM_CHAT}`,
  PROVIDER_UNREACHABLE: `start the server or check OPENAI_BASE_URL and the network, then ask again; ${OFFLINE_FROM_CHAT}`,
};

/**
 * Turns anything thrown by the facade into what the chat shows. A
 * `FootnoteError` keeps its message and its hint, said as the chat allows
 * (`CHAT_HINTS`); anything else is unexpected.
 */
export function describeError(error: unknown): DisplayError {
  if (FootnoteError.isInstance(error)) {
    return { message: error.message, hint: CHAT_HINTS[error.code] ?? error.hint };
  }
  return { message: describeUnexpectedError(error), hint: null };
}
