import { describe, expect, it } from 'vitest';
import { answerJsonSchema, toAnswerJson } from '../../../src/cli/output/answer-json.js';
import { formatAnswer, formatAnswerNotes } from '../../../src/cli/output/print-answer.js';
import type { Answer } from '../../../src/shared/types.js';

const base: Answer = {
  question: 'Who?',
  answer: 'Guo Jun [1].',
  mode: 'extractive',
  model: null,
  abstained: false,
  citations: [{ id: 1, source: 'a.txt', startLine: 2, endLine: 2, page: null, section: null, text: 'Guo Jun led it.', score: 1 }],
};

describe('toAnswerJson', () => {
  it('always has invalidCitations, unsupported, fallback, retrievalQuestion and each citation\'s quotes', () => {
    const json = toAnswerJson(base);
    expect(answerJsonSchema.parse(json)).toEqual({
      ...base,
      citations: base.citations.map((citation) => ({ ...citation, quotes: [] })),
      invalidCitations: [],
      unsupported: [],
      fallback: null,
      retrievalQuestion: 'Who?',
    });
    expect(Object.keys(json)).toEqual([
      'question', 'answer', 'mode', 'model', 'abstained', 'citations',
      'invalidCitations', 'unsupported', 'fallback', 'retrievalQuestion',
    ]);
  });
});

describe('formatAnswer', () => {
  it('shows a citation\'s Markdown section after its location', () => {
    const [citation] = base.citations;
    const text = formatAnswer({ ...base, citations: [{ ...citation!, source: 'guide.md', section: 'Install › Windows' }] });
    expect(text).toContain('[1] guide.md:2 › Install › Windows\n    Guo Jun led it.');
  });

  it('labels an offline fallback answer above the text', () => {
    const text = formatAnswer({ ...base, fallback: { reason: 'provider-unreachable', detail: 'cannot reach http://x/v1/embeddings: ECONNREFUSED' } });
    expect(text.split('\n').slice(0, 3)).toEqual([
      '[offline answer: cannot reach http://x/v1/embeddings: ECONNREFUSED; quoting the documents instead]',
      '',
      'Guo Jun [1].',
    ]);
  });
});

describe('formatAnswerNotes', () => {
  it('says what the passages were searched for when it was not the question', () => {
    expect(formatAnswerNotes({ ...base, retrievalQuestion: 'Who founded the government?' })).toBe(
      'note: searched for "Who founded the government?"\n',
    );
  });

  it('says which markers were removed and which sentences lack support, and nothing when all is well', () => {
    expect(formatAnswerNotes(base)).toBe('');
    expect(
      formatAnswerNotes({
        ...base,
        invalidCitations: [7, 9],
        unsupported: [{ sentence: 'It has moons [1].', citations: [1], support: 0 }],
      }),
    ).toBe(
      'note: removed [7] [9]: no such passage was given to the model\n' +
        'note: not supported by its cited passage: "It has moons [1]."\n',
    );
  });

  it('says when a generated answer cites nothing, without pointing at sources it does not list', () => {
    const uncited: Answer = { ...base, answer: 'Guo Jun.', mode: 'generative', model: 'm', citations: [] };
    expect(formatAnswerNotes(uncited)).toBe(
      'note: the answer cites no passage, so nothing in it was checked against the documents\n',
    );
    expect(formatAnswerNotes({ ...uncited, abstained: true })).toBe('');
  });
});
