import type { AnswerFallback } from '../../shared/types.js';
import { terminalSafeName } from '../../shared/terminal-safe.js';

/**
 * The wording of what citation checks, the offline fallback and retrieval
 * found, shared by `footnote ask`, the piped chat and the Ink chat so all three
 * say it alike.
 */

/** The line that marks an offline answer given because the server was unreachable. */
export function formatFallbackLabel(fallback: AnswerFallback): string {
  return `[offline answer: ${fallback.detail}; quoting the documents instead]`;
}

/**
 * The note for an answer whose passages were found for another wording of the
 * question: a follow-up made standalone, or a word no passage holds read as a
 * known one (`goverment` → `government`).
 */
export function formatSearchedForNote(retrievalQuestion: string): string {
  return `note: searched for "${terminalSafeName(retrievalQuestion)}"`;
}

/** The note for markers the model wrote that named no passage it was given (they were removed). */
export function formatInvalidCitationsNote(invalidCitations: readonly number[]): string {
  return `note: removed ${invalidCitations.map((n) => `[${n}]`).join(' ')}: no such passage was given to the model`;
}

/**
 * The note under a generated answer that cites nothing (the chat app flags its
 * sentences instead). It lists no sources to check against, so it says what
 * that means rather than pointing at any.
 */
export const UNCITED_ANSWER_NOTE = 'note: the answer cites no passage, so nothing in it was checked against the documents';

/** The note for a cited sentence its cited passages do not seem to support. */
export function formatUnsupportedNote(sentence: string): string {
  return `note: not supported by its cited passage: "${terminalSafeName(sentence)}"`;
}
