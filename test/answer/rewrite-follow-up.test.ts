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
});

describe('cleanRewrite', () => {
  it('keeps the first line of the reply without a label or quotes', () => {
    expect(cleanRewrite('Standalone question: "Who else visited Safe-Run?"\nThis is rewritten.')).toBe('Who else visited Safe-Run?');
    expect(cleanRewrite('\n  Who else visited Safe-Run?  ')).toBe('Who else visited Safe-Run?');
  });
});
