import { describe, expect, it } from 'vitest';
import { detectAnswerType, hasAnswerOfType } from '../../src/answer/answer-type.js';

describe('detectAnswerType', () => {
  it.each([
    ['How many people live in Paris?', 'number'],
    ['What percentage of voters agreed?', 'number'],
    ['When did the war end?', 'time'],
    ['In what year was it built?', 'time'],
    ['What year was it built?', 'time'],
    ['Who led the team that visited Safe-Run?', 'name'],
    ['Where is the stadium?', 'name'],
    ['Why is the sky blue?', 'other'],
    ['谁领导了这个团队？', 'other'],
  ])('reads %j as %s', (question, type) => {
    expect(detectAnswerType(question)).toBe(type);
  });
});

describe('hasAnswerOfType', () => {
  it('finds a number the question does not mention', () => {
    expect(hasAnswerOfType('The city has 2,100,000 inhabitants.', 'number', 'how many people live in paris?')).toBe(true);
    expect(hasAnswerOfType('Paris is the capital.', 'number', 'how many people live in paris?')).toBe(false);
  });

  it('ignores a year that the question already contains', () => {
    expect(hasAnswerOfType('In 1945 the war ended.', 'time', 'what happened in 1945?')).toBe(false);
    expect(hasAnswerOfType('The war ended in May 1945.', 'time', 'when did the war end?')).toBe(true);
  });

  it('finds a name inside the sentence but not the capitalised first word', () => {
    expect(hasAnswerOfType('The team was led by Guo Jun.', 'name', 'who led the team?')).toBe(true);
    expect(hasAnswerOfType('Yesterday it rained.', 'name', 'who led the team?')).toBe(false);
  });

  it('favours nothing for other questions', () => {
    expect(hasAnswerOfType('Because of Rayleigh scattering.', 'other', 'why is the sky blue?')).toBe(false);
  });
});
