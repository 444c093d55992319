import { sliceLines, type NumberedLine } from '../../src/chunk/slice-lines.js';
import type {
  AskOptions,
  Footnote,
  IndexStatus,
  IngestOptions,
  PassageLocation,
  ReadPassageOptions,
} from '../../src/footnote-types.js';
import type { IngestEvent, IngestReport } from '../../src/ingest/ingest-report.js';
import { FootnoteError } from '../../src/shared/errors.js';
import type { Answer, AnswerEvent, Citation, Passage } from '../../src/shared/types.js';

/** What the fake's `ask` does for one question. */
export type AnswerScript =
  | { events: AnswerEvent[]; answer: Answer }
  /** Yield `events`, then wait until the signal fires and throw ABORTED. */
  | { events: AnswerEvent[]; hang: true }
  | { events: AnswerEvent[]; error: Error }
  /** Yield `events`, wait for `gate`, then yield `rest` and return `answer`. */
  | { events: AnswerEvent[]; gate: Promise<void>; rest: AnswerEvent[]; answer: Answer }
  /** Yield `events`, then for each stage wait for its `gate` and yield its `events`; return `answer`. */
  | { events: AnswerEvent[]; stages: { gate: Promise<void>; events: AnswerEvent[] }[]; answer: Answer };

/** What the fake's `ingest` does for one run. */
export type IngestScript =
  | { events: IngestEvent[]; report: IngestReport }
  /** Yield `events`, then wait until the signal fires and throw ABORTED. */
  | { events: IngestEvent[]; hang: true }
  /**
   * Yield `events`, then `progress` every tick until the signal fires, then
   * `afterAbort` (the batch in flight, as the real run writes it) and throw
   * ABORTED. Only a consumer that reads on after aborting lets it end.
   */
  | { events: IngestEvent[]; progress: IngestEvent; afterAbort: IngestEvent[] }
  | { events: IngestEvent[]; error: Error }
  /** Yield `events`, wait for `gate`, then return `report`. */
  | { events: IngestEvent[]; gate: Promise<void>; report: IngestReport };

/** A citation with test defaults. */
export function makeCitation(overrides: Partial<Citation> & { id: number }): Citation {
  return {
    source: 'notes.md',
    startLine: 3,
    endLine: 5,
    page: null,
    section: null,
    text: 'The quick brown fox jumps over the lazy dog.',
    score: 0.9,
    ...overrides,
  };
}

/**
 * A scripted answer as the engine streams it: answer-start, the text in three
 * deltas, one citation event each, an abstain event if abstaining, answer-end.
 */
export function scriptAnswer(
  question: string,
  options: { text: string; citations?: Citation[]; abstained?: boolean; abstainReason?: string },
): { events: AnswerEvent[]; answer: Answer } {
  const citations = options.citations ?? [];
  const abstained = options.abstained ?? false;
  const abstainReason = options.abstainReason ?? 'no passage scored high enough';
  const answer: Answer = {
    question,
    answer: options.text,
    mode: 'extractive',
    model: null,
    abstained,
    citations,
  };
  const third = Math.ceil(options.text.length / 3);
  const deltas = [0, 1, 2]
    .map((part) => options.text.slice(part * third, (part + 1) * third))
    .filter((text) => text !== '')
    .map((text): AnswerEvent => ({ type: 'text-delta', text }));
  const events: AnswerEvent[] = [
    { type: 'answer-start', mode: 'extractive', model: null },
    ...deltas,
    ...citations.map((citation): AnswerEvent => ({ type: 'citation', citation })),
    ...(abstained ? [{ type: 'abstain', reason: abstainReason } as const] : []),
    { type: 'answer-end', answer },
  ];
  return { events, answer };
}

/** An index report with test defaults. */
export function makeIngestReport(overrides: Partial<IngestReport> = {}): IngestReport {
  return {
    added: 2,
    changed: 0,
    removed: 0,
    unchanged: 0,
    failed: [],
    chunks: 7,
    chunksWritten: 7,
    embeddingsComputed: 7,
    embeddingsReused: 0,
    full: false,
    seconds: 0.4,
    ...overrides,
  };
}

/**
 * A `Footnote` that plays scripts and records what it was asked. `ask` plays
 * `answers[question]` (or `defaultAnswer`); `ingest` plays the next script of
 * `ingests`, reusing the last one.
 */
export class FakeFootnote implements Footnote {
  readonly provider = 'local' as const;
  readonly modeLabel: string;
  readonly defaultK = 5;
  readonly corpusDir: string;
  /** Every `ask` call, in order. */
  readonly askCalls: { question: string; options: AskOptions }[] = [];
  /** Every `ingest` call, in order. */
  readonly ingestCalls: IngestOptions[] = [];
  /** Every `readPassage` call, in order. */
  readonly readPassageCalls: { location: PassageLocation; options: ReadPassageOptions }[] = [];
  statusCalls = 0;
  /** Every `warmUp` call's signal, in order. */
  readonly warmUpSignals: (AbortSignal | undefined)[] = [];
  /** Thrown by `status` when set (a corpus folder that was deleted, say). */
  statusError: Error | null = null;
  /** `ingest` runs that have ended (returned or thrown), and the most ever running at once. */
  ingestsEnded = 0;
  mostConcurrentIngests = 0;
  #runningIngests = 0;
  /** Corpus files by source, for `readPassage`; a missing one reads as gone. */
  files: Record<string, string>;
  closed = false;
  indexStatus: IndexStatus;
  answers: Record<string, AnswerScript>;
  ingests: IngestScript[];

  constructor(
    options: {
      modeLabel?: string;
      answers?: Record<string, AnswerScript>;
      ingests?: IngestScript[];
      status?: Partial<IndexStatus>;
      corpusDir?: string;
      files?: Record<string, string>;
    } = {},
  ) {
    this.corpusDir = options.corpusDir ?? '/docs/corpus';
    this.files = options.files ?? {};
    this.modeLabel = options.modeLabel ?? 'offline · extractive answers (no OPENAI_API_KEY)';
    this.answers = options.answers ?? {};
    this.ingests = options.ingests ?? [{ events: [], report: makeIngestReport() }];
    this.indexStatus = {
      exists: true,
      stale: false,
      files: 2,
      chunks: 7,
      embedder: 'local@1',
      outdated: false,
      embedderMismatch: false,
      ...options.status,
    };
  }

  /** The questions asked, in order. */
  get questions(): string[] {
    return this.askCalls.map((call) => call.question);
  }

  /** The signal passed to the last `ask`. */
  get lastAskSignal(): AbortSignal | undefined {
    return this.askCalls.at(-1)?.options.signal;
  }

  async *ask(question: string, options: AskOptions = {}): AsyncGenerator<AnswerEvent, Answer> {
    this.askCalls.push({ question, options });
    const script =
      this.answers[question] ?? scriptAnswer(question, { text: `No script for "${question}".` });
    yield* playEvents(script.events);
    if ('error' in script) throw script.error;
    if ('hang' in script) return await abortWhenSignalled(options.signal);
    const stages = 'gate' in script ? [{ gate: script.gate, events: script.rest }] : 'stages' in script ? script.stages : [];
    for (const stage of stages) {
      await stage.gate;
      yield* playEvents(stage.events);
    }
    return script.answer;
  }

  async warmUp(options: { signal?: AbortSignal } = {}): Promise<boolean> {
    this.warmUpSignals.push(options.signal);
    return true;
  }

  async *ingest(options: IngestOptions = {}): AsyncGenerator<IngestEvent, IngestReport> {
    const script = this.ingests[this.ingestCalls.length] ?? this.ingests.at(-1);
    this.ingestCalls.push(options);
    if (script === undefined) throw new Error('FakeFootnote: no ingest script');
    this.#runningIngests += 1;
    this.mostConcurrentIngests = Math.max(this.mostConcurrentIngests, this.#runningIngests);
    try {
      yield* playEvents(script.events);
      if ('error' in script) throw script.error;
      if ('hang' in script) return await abortWhenSignalled(options.signal);
      if ('gate' in script) await script.gate;
      if ('progress' in script) {
        while (options.signal?.aborted !== true) {
          await nextTick();
          yield script.progress;
        }
        yield* playEvents(script.afterAbort);
        throw new FootnoteError('ABORTED');
      }
      return script.report;
    } finally {
      this.#runningIngests -= 1;
      this.ingestsEnded += 1;
    }
  }

  async retrieve(): Promise<Passage[]> {
    return [];
  }

  async status(): Promise<IndexStatus> {
    this.statusCalls += 1;
    if (this.statusError !== null) throw this.statusError;
    return this.indexStatus;
  }

  async readPassage(
    location: PassageLocation,
    options: ReadPassageOptions = {},
  ): Promise<NumberedLine[] | null> {
    this.readPassageCalls.push({ location, options });
    const text = this.files[location.source];
    if (text === undefined) return null;
    return sliceLines(text, { ...location, contextLines: options.contextLines ?? 3 });
  }

  close(): void {
    this.closed = true;
  }
}

/** Lets timers and rendering run between events, as real I/O would. */
/** Yields each event a tick after the one before, as a real run spaces them out. */
async function* playEvents<E>(events: readonly E[]): AsyncGenerator<E> {
  for (const event of events) {
    await nextTick();
    yield event;
  }
}

/** What a hanging script ends in: ABORTED, once the caller's signal fires. */
async function abortWhenSignalled(signal: AbortSignal | undefined): Promise<never> {
  await waitForAbort(signal);
  throw new FootnoteError('ABORTED');
}

function nextTick(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

function waitForAbort(signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (signal === undefined) return;
    if (signal.aborted) return resolve();
    signal.addEventListener('abort', () => resolve(), { once: true });
  });
}

/** A promise and the function that resolves it, for gated scripts. */
export function createGate(): { gate: Promise<void>; open(): void } {
  let open = (): void => undefined;
  const gate = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { gate, open };
}
