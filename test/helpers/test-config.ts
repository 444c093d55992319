import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_OPENAI_CHAT_MODEL, type Config } from '../../src/config/config-schema.js';

/** A full Config for tests: a corpus folder, a fresh temp index folder, offline defaults. */
export function makeTestConfig(corpus: string, overrides: Partial<Config> = {}): Config {
  return {
    corpus,
    index: fs.mkdtempSync(path.join(os.tmpdir(), 'footnote-index-')),
    provider: 'local',
    k: 5,
    chunkSize: 1000,
    chunkOverlap: 150,
    embeddingModel: 'text-embedding-3-small',
    chatModel: DEFAULT_OPENAI_CHAT_MODEL,
    ...overrides,
  };
}

/** Runs an async generator to the end and returns its events and final value. */
export async function drain<E, R>(run: AsyncGenerator<E, R>): Promise<{ events: E[]; value: R }> {
  const events: E[] = [];
  for (;;) {
    const step = await run.next();
    if (step.done) return { events, value: step.value };
    events.push(step.value);
  }
}
