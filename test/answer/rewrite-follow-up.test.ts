import { describe, expect, it } from 'vitest';
import { cleanRewrite } from '../../src/answer/rewrite-follow-up-with-model.js';
import { looksLikeFollowUp, rewriteFollowUp } from '../../src/answer/rewrite-follow-up.js';

const history = [{ question: 'Who led the team that visited Safe-Run?', answer: 'Guo Jun led it [1].' }];

describe('rewriteFollowUp', () => {
  it("carries the previous question's key terms into a follow-up", () => {
    expect(rewriteFollowUp('and who else came?', history)).toBe('and who else came? led team visited safe run');
  });

  it('does not repeat terms the follow-up already has, by stem', () => {
    expect(rewriteFollowUp('When did the teams visit it?', history)).toBe('When did the teams visit it? led safe run');
  });

  it('leaves a question that stands alone, and any question without history, unchanged', () => {
    const standalone = 'What does the Safe-Run factory produce in Shanghai?';
    expect(rewriteFollowUp(standalone, history)).toBe(standalone);
    expect(rewriteFollowUp('and who else came?', [])).toBe('and who else came?');
  });
});

describe('looksLikeFollowUp', () => {
  it('recognises continuations, references back and very short questions', () => {
    expect(['And in 2019?', 'What about the second plant?', 'Where did she go next?', 'Why?'].map(looksLikeFollowUp)).toEqual([
      true, true, true, true,
    ]);
    expect(looksLikeFollowUp('Which company built the Shanghai plant in 2019?')).toBe(false);
  });

  it('reads "that" after a noun, and "there" after "is", as grammar rather than a reference back', () => {
    expect(looksLikeFollowUp('Who led the team that visited Safe-Run?')).toBe(false);
    expect(looksLikeFollowUp('Did the report say that prices rose in the northern provinces?')).toBe(false);
    expect(looksLikeFollowUp('Is that true?')).toBe(true);
    expect(looksLikeFollowUp('Are there canteens in the Safe-Run plant?')).toBe(false);
    expect(looksLikeFollowUp('What happened there?')).toBe(true);
  });

  it('lets a short question that names its subject, and a long one with a pronoun, stand alone', () => {
    expect(looksLikeFollowUp('Who is the chairman of Safe-Run?')).toBe(false);
    expect(looksLikeFollowUp('What changed in 2019?')).toBe(false);
    expect(looksLikeFollowUp('Who is the chairman?')).toBe(true);
    const long = 'When the inspectors reached the plant, which safety rules did they say the workers had broken during the night shift?';
    expect(looksLikeFollowUp(long)).toBe(false);
  });

  it('does not take a question without words for one', () => {
    expect(looksLikeFollowUp('?!')).toBe(false);
    expect(rewriteFollowUp('?!', history)).toBe('?!');
  });
});

describe('cleanRewrite', () => {
  it('keeps the first line of the reply without a label or quotes', () => {
    expect(cleanRewrite('Standalone question: "Who else visited Safe-Run?"\nThis is rewritten.')).toBe('Who else visited Safe-Run?');
    expect(cleanRewrite('\n  Who else visited Safe-Run?  ')).toBe('Who else visited Safe-Run?');
  });
});
