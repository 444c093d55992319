/** Input lines kept for the up and down keys. */
export const MAX_INPUT_HISTORY = 100;

/** The input history with `text` as its newest line, keeping only the latest {@link MAX_INPUT_HISTORY}. */
export function rememberInput(inputHistory: readonly string[], text: string): string[] {
  return [...inputHistory, text].slice(-MAX_INPUT_HISTORY);
}
