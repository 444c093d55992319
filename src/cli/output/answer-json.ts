import { z } from 'zod';
import type { Answer } from '../../shared/types.js';

/**
 * The exact shape `footnote ask --json` prints; tests parse output with it.
 * Fields are only ever added, so scripts written against an older shape keep
 * working.
 */
export const answerJsonSchema = z
  .object({
    question: z.string(),
    answer: z.string(),
    mode: z.enum(['extractive', 'generative']),
    model: z.string().nullable(),
    abstained: z.boolean(),
    citations: z.array(
      z
        .object({
          id: z.number().int().positive(),
          source: z.string(),
          startLine: z.number().int().positive(),
          endLine: z.number().int().positive(),
          page: z.number().int().positive().nullable(),
          /** The headings the passage sits under (Markdown, HTML, DOCX), `Install › Windows`; null for none. */
          section: z.string().nullable(),
          text: z.string(),
          score: z.number(),
          /** The sentences an extractive answer quotes from `text`, in reading order; [] for other answers. */
          quotes: z.array(
            z
              .object({
                text: z.string(),
                startLine: z.number().int().positive(),
                endLine: z.number().int().positive(),
                section: z.string().nullable(),
              })
              .strict(),
          ),
        })
        .strict(),
    ),
    /** Marker numbers the model invented; they were removed from `answer`. */
    invalidCitations: z.array(z.number().int()),
    /** Cited sentences their passages do not seem to support. */
    unsupported: z.array(
      z
        .object({
          sentence: z.string(),
          citations: z.array(z.number().int().positive()),
          support: z.number().min(0).max(1),
        })
        .strict(),
    ),
    /** Set when the answer is extractive because the server could not be reached. */
    fallback: z.object({ reason: z.literal('provider-unreachable'), detail: z.string() }).strict().nullable(),
    /** The question passages were retrieved for: the rewritten follow-up, or `question`. */
    retrievalQuestion: z.string(),
  })
  .strict();

export type AnswerJson = z.infer<typeof answerJsonSchema>;

/** The answer as `--json` prints it: every field present, optional ones filled with their empty value. */
export function toAnswerJson(answer: Answer): AnswerJson {
  return {
    question: answer.question,
    answer: answer.answer,
    mode: answer.mode,
    model: answer.model,
    abstained: answer.abstained,
    citations: answer.citations.map((citation) => ({ ...citation, quotes: [...(citation.quotes ?? [])] })),
    invalidCitations: answer.invalidCitations ?? [],
    unsupported: answer.unsupported ?? [],
    fallback: answer.fallback ?? null,
    retrievalQuestion: answer.retrievalQuestion ?? answer.question,
  };
}
