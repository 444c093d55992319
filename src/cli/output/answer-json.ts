import { z } from 'zod';

/** The exact shape `footnote ask --json` prints; tests parse output with it. */
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
          text: z.string(),
          score: z.number(),
        })
        .strict(),
    ),
  })
  .strict();

export type AnswerJson = z.infer<typeof answerJsonSchema>;
