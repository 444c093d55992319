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
    ['谁领导了这个团队？', 'name'],
    ['浮龙化石是什么时候发现的？', 'time'],
    ['他在哪一年毕业？', 'time'],
    ['学校有几个校区？', 'number'],
    ['这棵树有多高？', 'number'],
    ['东关街在哪里？', 'place'],
    ['東京タワーはいつ建てられましたか？', 'time'],
    ['为什么天是蓝的？', 'other'],
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

  it('finds Chinese numbers, dates and place names the question does not mention', () => {
    expect(hasAnswerOfType('约只有8公斤重。', 'number', '它有多重？')).toBe(true);
    expect(hasAnswerOfType('学校有两个校区。', 'number', '学校有几个校区？')).toBe(true);
    expect(hasAnswerOfType('学校位于山上。', 'number', '学校有几个校区？')).toBe(false);
    expect(hasAnswerOfType('化石于1937年发现。', 'time', '化石是什么时候发现的？')).toBe(true);
    expect(hasAnswerOfType('他在2005年参赛。', 'time', '他在2005年做了什么？')).toBe(false);
    expect(hasAnswerOfType('东关街位于扬州市广陵区。', 'place', '东关街在哪里？')).toBe(true);
  });

  it('favours nothing for other questions', () => {
    expect(hasAnswerOfType('Because of Rayleigh scattering.', 'other', 'why is the sky blue?')).toBe(false);
  });
});
