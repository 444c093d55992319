/**
 * An AbortSignal that fires on the first Ctrl+C, so long work stops between
 * units and releases its lock; a second Ctrl+C exits at once.
 */
export function cancelOnSigint(): AbortSignal {
  const controller = new AbortController();
  process.once('SIGINT', () => {
    controller.abort();
    process.once('SIGINT', () => process.exit(130));
  });
  return controller.signal;
}
