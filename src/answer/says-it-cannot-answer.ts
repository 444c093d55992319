/**
 * Ways a model says the passages do not answer, beyond the exact reply the
 * prompt asks for ("I cannot find …", "The passages do not mention …").
 */
const REFUSAL_PATTERNS: readonly RegExp[] = [
  /\b(cannot|can ?not|can[’']t|unable to|not able to)\b[^.]{0,40}?\b(answer|find|determine|tell|say|know)/i,
  /\b(do(es)?n[’']t|do(es)? not)\s+(contain|mention|say|provide|include|cover|specify|answer|address|discuss|state)/i,
  /\bno (relevant )?(information|mention|answer)\b/i,
];

/** Whether a model's reply says the passages hold no answer rather than giving one. */
export function saysItCannotAnswer(text: string): boolean {
  return text === '' || REFUSAL_PATTERNS.some((pattern) => pattern.test(text));
}
