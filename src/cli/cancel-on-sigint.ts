/**
 * An AbortSignal that fires on the first Ctrl+C, so long work stops between
 * units and releases its lock; a second Ctrl+C exits at once. `onCancel` runs
 * on the first, to say what the stop waits for.
 */
export function cancelOnSigint(onCancel?: () => void): AbortSignal {
  const controller = new AbortController();
  process.once('SIGINT', () => {
    onCancel?.();
    controller.abort();
    process.once('SIGINT', () => process.exit(130));
  });
  return controller.signal;
}
