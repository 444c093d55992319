/**
 * The error catalogue: every failure the user can see has a code, a message built
 * from the facts and a hint that says what to do. Per-file problems during
 * indexing are report rows (`SkippedFile`), not errors.
 */

import { plural } from './plural.js';

/**
 * Two embedder identities as stored (`id@version/dimensions`) in words that
 * show how they differ: `openai:m (16-dimensional vectors)`, with the version
 * only when it is the difference. A string not in that form is shown as is.
 */
function describeEmbedders(indexed: string, current: string): [string, string] {
  const parse = (text: string) => /^(.+)@([^@/]+)\/(\d+)$/.exec(text);
  const [a, b] = [parse(indexed), parse(current)];
  const versionsDiffer = a !== null && b !== null && a[1] === b[1] && a[3] === b[3];
  const describe = (text: string, match: RegExpExecArray | null) =>
    match === null ? text : `${match[1]}${versionsDiffer ? ` version ${match[2]}` : ''} (${match[3]}-dimensional vectors)`;
  return [describe(indexed, a), describe(current, b)];
}

/** What an empty index asks for, in `footnote`'s hint and the chat's alike. */
export const ADD_DOCUMENTS_HINT = 'add .txt, .md, .html, .pdf or .docx files to the corpus folder';

/** An OpenAI API endpoint at the end of a URL that should stop at the API's base (`…/v1`). */
const ENDPOINT_PATH = /\/(?:chat\/completions|completions|embeddings|models)$/;

/** Process exit codes: 1 for a runtime failure, 2 for a usage error. */
export type ExitCode = 1 | 2;

type Facts = Record<string, string | number | undefined>;

interface CatalogueEntry {
  exitCode: ExitCode;
  message: (facts: Facts) => string;
  hint: (facts: Facts) => string;
}

const catalogue = {
  CONFIG_INVALID: {
    exitCode: 2,
    message: (f) => `config: ${f['detail']}`,
    // `origin` says where the bad value came from: a flag, a variable or the file.
    hint: (f) => {
      if (f['origin'] === 'flag') return `fix the value of ${f['name']}`;
      if (f['origin'] === 'env') return `fix or unset the environment variable ${f['name']}`;
      if (f['origin'] === 'file') return `fix "${f['key']}" in footnote.config.json`;
      return `set ${f['flag'] ?? 'the flag'} or "${f['key']}" in footnote.config.json`;
    },
  },
  CONFIG_UNKNOWN_KEY: {
    exitCode: 2,
    message: (f) => `config: unknown key "${f['key']}" in footnote.config.json`,
    hint: (f) =>
      f['suggestion']
        ? `did you mean "${f['suggestion']}"? rename the key in footnote.config.json`
        : `remove it from footnote.config.json; the keys are ${f['allowed']}`,
  },
  CONFIG_FILE_UNREADABLE: {
    exitCode: 2,
    message: (f) => `config: cannot read ${f['path']}: ${f['detail']}`,
    hint: () => 'fix the JSON in footnote.config.json or delete the file',
  },
  USAGE: {
    exitCode: 2,
    message: (f) => `${f['detail']}`,
    hint: () => 'run `footnote --help` for the commands and options',
  },
  OPTION_VALUE_MISSING: {
    exitCode: 2,
    message: (f) => `${f['option']} needs a value`,
    hint: (f) => `put one after it (${f['example']}), or leave the option out`,
  },
  UNKNOWN_COMMAND: {
    exitCode: 2,
    message: (f) => `unknown command "${f['command']}"; the commands are ${f['commands']}`,
    hint: (f) =>
      f['suggestion']
        ? `did you mean \`footnote ${f['suggestion']}\`?`
        : 'run `footnote` alone for the chat, `footnote ask "…"` for one answer, or `footnote --help`',
  },
  QUESTION_NOT_QUOTED: {
    exitCode: 2,
    message: (f) => `ask takes one question, in quotes (got ${f['count']} words)`,
    hint: (f) => `quote it: footnote ask ${f['quoted']}`,
  },
  CORPUS_NOT_A_FOLDER: {
    exitCode: 1,
    message: (f) => `the corpus is a file, not a folder: ${f['path']}`,
    hint: () => 'point --corpus at the folder that holds your documents (footnote indexes every file in it)',
  },
  CORPUS_NOT_FOUND: {
    exitCode: 1,
    message: (f) => `corpus folder not found: ${f['path']}`,
    hint: () => 'create it and add documents, or point --corpus at your documents folder',
  },
  CORPUS_UNREADABLE: {
    exitCode: 1,
    message: (f) => `cannot read the corpus folder ${f['path']} (${f['detail']})`,
    hint: () => 'check its permissions, or point --corpus at your documents folder',
  },
  INDEX_NOT_FOUND: {
    exitCode: 1,
    message: (f) => `no index in ${f['path']}`,
    hint: () => 'run `footnote index` first',
  },
  INDEX_EMPTY: {
    exitCode: 1,
    message: (f) => `nothing to search: the index of ${f['corpus']} holds no passages`,
    hint: () => `${ADD_DOCUMENTS_HINT}, and ask again`,
  },
  INDEX_LOCKED: {
    exitCode: 1,
    message: (f) =>
      `another index run holds ${f['path']} (pid ${f['pid']}, started ${f['startedAt']})`,
    hint: () =>
      'wait for it to finish; if that process is gone, delete the lock file',
  },
  INDEX_UNWRITABLE: {
    exitCode: 1,
    message: (f) => `cannot write the index folder ${f['path']}: ${f['detail']}`,
    hint: () => 'point --index at a folder you can write to, or fix its permissions',
  },
  INDEX_CORRUPT: {
    exitCode: 1,
    message: (f) => `the index in ${f['path']} cannot be read: ${f['detail']}`,
    hint: () => 'run `footnote index --full` to rebuild it',
  },
  EMBEDDER_MISMATCH: {
    exitCode: 1,
    message: (f) => {
      const [indexed, current] = describeEmbedders(String(f['indexed']), String(f['current']));
      return `the index was built with embedder ${indexed}, but this run uses ${current}`;
    },
    hint: () =>
      'run `footnote index --full` to rebuild with the current embedder, or pass the --provider (and --embedding-model) the index was built with',
  },
  TOKENIZER_MISMATCH: {
    exitCode: 1,
    message: (f) =>
      `the index was built with tokenizer version ${f['indexed']}, but this footnote splits words with version ${f['current']}`,
    hint: () => 'run `footnote index` to rebuild the index with the current tokenizer',
  },
  PROVIDER_NOT_CONFIGURED: {
    exitCode: 2,
    message: () => 'the openai provider needs OPENAI_API_KEY',
    hint: () =>
      'export OPENAI_API_KEY (and OPENAI_BASE_URL for a local server), or use --provider local',
  },
  PROVIDER_FAILED: {
    exitCode: 1,
    message: (f) => `${f['provider']} request failed: ${f['detail']}`,
    hint: () =>
      'check OPENAI_API_KEY, OPENAI_BASE_URL and the network, or use --provider local',
  },
  PROVIDER_SERVER_ERROR: {
    exitCode: 1,
    message: (f) => `${f['provider']} server failed: ${f['detail']}`,
    // A 5xx is the server's own fault, after retries: the key and the network were fine.
    hint: () =>
      "the server had an error of its own and retrying did not get past it: check the server's log (or its status page) and try again, or use --provider local",
  },
  PROVIDER_AUTH_FAILED: {
    exitCode: 1,
    message: (f) => `${f['provider']} server refused the API key: ${f['detail']}`,
    hint: () =>
      'check OPENAI_API_KEY (it must be a key for the server at OPENAI_BASE_URL, when set), or use --provider local',
  },
  PROVIDER_UNREACHABLE: {
    exitCode: 1,
    message: (f) => `cannot reach ${f['url']}: ${f['detail']}`,
    hint: () =>
      'start the server or check OPENAI_BASE_URL and the network; --provider local works offline',
  },
  PROVIDER_DISCONNECTED: {
    exitCode: 1,
    message: (f) => `${f['provider']} request failed: ${f['detail']}`,
    hint: (f) =>
      `the server at ${f['url']} may have crashed or restarted, or a proxy cut the connection: check the server's log and try again`,
  },
  PROVIDER_STALLED: {
    exitCode: 1,
    message: (f) => `${f['provider']} request failed: ${f['detail']}`,
    hint: () =>
      'the server may be overloaded or still loading the model: try again, or allow longer silences with "streamTimeoutMs" in footnote.config.json (FOOTNOTE_STREAM_TIMEOUT_MS)',
  },
  PROVIDER_MODEL_NOT_FOUND: {
    exitCode: 1,
    message: (f) => `the server has no ${f['role']} model "${f['model']}": ${f['detail']}`,
    hint: (f) =>
      f['available']
        ? `choose one with ${f['flag']}: ${f['available']} (or install it on the server, e.g. \`ollama pull ${f['model']}\`)`
        : `check ${f['flag']}, and that OPENAI_BASE_URL ends in /v1`,
  },
  PROVIDER_BAD_RESPONSE: {
    exitCode: 1,
    message: (f) => `${f['detail']}`,
    hint: (f) =>
      f['role'] === 'chat'
        ? 'check that OPENAI_BASE_URL points at an OpenAI-compatible endpoint (usually ending in /v1) and that --model names a chat model'
        : 'check that OPENAI_BASE_URL (or FOOTNOTE_EMBEDDING_BASE_URL) points at an OpenAI-compatible endpoint (usually ending in /v1) and that --embedding-model names an embedding model',
  },
  PROVIDER_NO_ENDPOINT: {
    exitCode: 1,
    message: (f) => `the server at ${f['baseUrl']} has no ${f['route']} endpoint: ${f['detail']}`,
    hint: (f) => {
      const setting = f['role'] === 'chat' ? 'OPENAI_BASE_URL' : 'OPENAI_BASE_URL (or FOOTNOTE_EMBEDDING_BASE_URL)';
      const baseUrl = String(f['baseUrl']).replace(/\/+$/, '');
      // A URL copied from an API reference often ends in the endpoint itself; /v1 after it would not help.
      const endpoint = ENDPOINT_PATH.exec(baseUrl);
      if (endpoint !== null) {
        return `${setting} names an endpoint (${endpoint[0]}); set it to the server's base URL: ${baseUrl.slice(0, endpoint.index)}`;
      }
      if (!baseUrl.endsWith('/v1')) return `end ${setting} with /v1: ${baseUrl}/v1`;
      return f['role'] === 'chat'
        ? `check that the server at ${setting} serves chat completions`
        : `check that the server at ${setting} serves embeddings (llama-server needs --embeddings)`;
    },
  },
  PROVIDER_RATE_LIMITED: {
    exitCode: 1,
    message: (f) => `${f['provider']} server is rate limiting requests: ${f['detail']}`,
    hint: () => 'wait a minute and try again, or raise "maxRetries" in footnote.config.json',
  },
  HISTORY_INVALID: {
    exitCode: 2,
    message: (f) => `cannot read history file ${f['path']}: ${f['detail']}`,
    hint: () =>
      'pass a JSON array of {"question": "…", "answer": "…"} objects, oldest first (saved `footnote ask --json` outputs work, one after another)',
  },
  DATASET_INVALID: {
    exitCode: 2,
    message: (f) => `cannot read dataset ${f['path']}: ${f['detail']}`,
    hint: () =>
      'pass a BEIR folder (corpus.jsonl, queries.jsonl, qrels/test.tsv) or a SQuAD v1.1 JSON file',
  },
  DATASET_EMPTY: {
    exitCode: 2,
    message: (f) => `nothing to measure: ${f['detail']}`,
    // `lacks` names what is missing; metrics over no queries would print as n/a and exit 0.
    hint: (f) => {
      switch (f['lacks']) {
        case 'records':
          return 'add records, one JSON object a line: {"_id": "d1", "title": "…", "text": "…"}';
        case 'queries':
          return 'add queries, one JSON object a line: {"_id": "q1", "text": "…"}';
        case 'judgements':
          return `the first column of qrels/${f['split']}.tsv must hold the "_id" of a query in queries.jsonl (${f['examples']})`;
        case 'questions':
          return 'add questions to the "qas" list of its paragraphs';
        default:
          return 'give its paragraphs a "context" to search';
      }
    },
  },
  LINES_FAILED: {
    exitCode: 1,
    message: (f) =>
      [
        f['failedQuestions'] ? `${f['failedQuestions']} of ${plural(Number(f['questions']), 'question')} failed` : '',
        f['rejectedCommands'] ? `${plural(Number(f['rejectedCommands']), 'command')} ${f['rejectedCommands'] === 1 ? 'was' : 'were'} rejected` : '',
      ]
        .filter((part) => part !== '')
        .join(' and '),
    hint: (f) =>
      f['rejectedCommands']
        ? 'the error lines above say why; /help lists the commands piped input takes'
        : 'the error line under each failed question says why and what to do',
  },
  ABORTED: {
    exitCode: 1,
    message: (f) => (f['what'] === 'answer' ? 'cancelled before the answer was complete' : 'cancelled'),
    hint: (f) => (f['what'] === 'answer' ? 'ask again for the whole answer' : 'run the command again to finish the work'),
  },
} satisfies Record<string, CatalogueEntry>;

/** Every error code footnote can raise. */
export type ErrorCode = keyof typeof catalogue;

/**
 * The one error type users see. Build it from a code and the facts; the catalogue
 * supplies the wording.
 *
 * @example
 * throw new FootnoteError('EMBEDDER_MISMATCH', { indexed: 'local@1', current: 'openai:text-embedding-3-small' });
 */
export class FootnoteError extends Error {
  readonly code: ErrorCode;
  readonly hint: string;
  readonly exitCode: ExitCode;
  readonly facts: Facts;

  constructor(code: ErrorCode, facts: Facts = {}, options?: { cause?: unknown }) {
    const entry: CatalogueEntry = catalogue[code];
    super(entry.message(facts), options);
    this.name = 'FootnoteError';
    this.code = code;
    this.facts = facts;
    this.hint = entry.hint(facts);
    this.exitCode = entry.exitCode;
  }

  static isInstance(value: unknown): value is FootnoteError {
    return value instanceof FootnoteError;
  }
}

/** Throws `ABORTED` when the signal has fired; call between units of work. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new FootnoteError('ABORTED');
}
