/** Counts the tokens of a text as a chat model would. */
export type TokenCounter = (text: string) => number;

/**
 * Local models' tokenizers (Llama, Mistral, Qwen) split text into up to ~15%
 * more pieces than OpenAI's o200k; counts are scaled up so that a prompt that
 * fits by our count also fits theirs.
 */
const TOKENIZER_MARGIN = 1.15;

let counterPromise: Promise<TokenCounter> | null = null;

/**
 * A token counter with OpenAI's `o200k_base` encoding (gpt-4o and later),
 * scaled by a safety margin for other tokenizers. The encoding's ranks ship
 * inside js-tiktoken (no download); they are built on first use and kept, as
 * that takes 1–2 s (measured: 2.1 s on a busy 2-core machine), which is why the
 * generative answerer asks for it only when a byte count cannot settle the
 * budget.
 */
export function loadTokenCounter(): Promise<TokenCounter> {
  counterPromise ??= (async () => {
    const [{ Tiktoken }, { default: ranks }] = await Promise.all([
      import('js-tiktoken/lite'),
      import('js-tiktoken/ranks/o200k_base'),
    ]);
    const encoding = new Tiktoken(ranks);
    return (text: string) => Math.ceil(encoding.encode(text).length * TOKENIZER_MARGIN);
  })();
  return counterPromise;
}
