import { afterEach, describe, expect, it } from 'vitest';
import { createFootnote } from '../src/footnote.js';
import { createTempCorpus, type TempCorpus } from './helpers/temp-corpus.js';
import { drain, makeTestConfig } from './helpers/test-config.js';

let corpus: TempCorpus | null = null;
afterEach(() => {
  corpus?.cleanup();
  corpus = null;
});

async function askAfter(files: Record<string, string>, previous: string, question: string) {
  corpus = createTempCorpus(files);
  const footnote = createFootnote(makeTestConfig(corpus.root));
  try {
    await drain(footnote.ingest());
    const { value } = await drain(footnote.ask(question, { history: [{ question: previous, answer: '…' }] }));
    return value;
  } finally {
    footnote.close();
  }
}

describe('footnote: short questions in a conversation', () => {
  it('searches a short question on its own when no passage links it to the previous one', async () => {
    const answer = await askAfter(
      { 'walrus.txt': 'Walrus tusks are made of ivory.\n', 'otters.txt': 'Otters hold hands while sleeping.\n' },
      'Do otters hold hands?',
      'What are walrus tusks made of?',
    );
    expect(answer.retrievalQuestion).toBeUndefined();
    expect(answer.answer).toContain('ivory');
    expect(answer.answer).not.toContain('Otters');
  });

  it('keeps the previous question\'s words where a passage holds both', async () => {
    const answer = await askAfter(
      {
        'plant.txt': 'The Harbin plant makes turbines for ships.\nThe chairman of the Harbin plant is Wen Bo.\n',
        'bank.txt': 'The chairman of the savings bank is Lu Min, who joined in 2004.\n',
      },
      'What does the Harbin plant make?',
      'Who is the chairman?',
    );
    expect(answer.retrievalQuestion).toBe('Who is the chairman? harbin plant make');
    expect(answer.answer).toContain('Wen Bo');
  });

  it('carries the conversation into a question of stop words alone', async () => {
    const answer = await askAfter(
      { 'plant.txt': 'The Harbin plant makes turbines for ships.\n', 'bank.txt': 'The savings bank lends to farmers.\n' },
      'What does the Harbin plant make?',
      'Why?',
    );
    expect(answer.retrievalQuestion).toBe('Why? harbin plant make');
  });
});
