/** Subscribes `push` to a source of notices; returns the unsubscribe. */
export type Listen<N> = (push: (notice: N) => void) => () => void;

/**
 * A run's events with notices from elsewhere in between, each as soon as it
 * arrives, also while the run is blocked awaiting something (a request whose
 * retry waits, say). A plain `yield*` could only pass them on at the run's
 * next event, which is exactly when they no longer matter.
 *
 * Stopping early (`return()`) closes the run too, as `yield*` would.
 *
 * @example
 * yield* withNotices(answer, (push) => retries.listen((retry) => push({ type: 'provider-retry', retry })));
 */
export async function* withNotices<E, N, R>(run: AsyncGenerator<E, R>, listen: Listen<N>): AsyncGenerator<E | N, R> {
  const queued: N[] = [];
  let wake: (() => void) | null = null;
  const unsubscribe = listen((notice) => {
    queued.push(notice);
    wake?.();
  });
  let pending: Promise<IteratorResult<E, R>> | null = null;
  let finished = false;
  try {
    for (;;) {
      while (queued.length > 0) yield queued.shift() as N;
      pending ??= run.next();
      const woken = new Promise<null>((resolve) => {
        wake = () => resolve(null);
      });
      const step = await Promise.race([pending, woken]);
      wake = null;
      if (step === null) continue;
      pending = null;
      if (step.done === true) {
        finished = true;
        while (queued.length > 0) yield queued.shift() as N;
        return step.value;
      }
      yield step.value;
    }
  } finally {
    unsubscribe();
    if (!finished) {
      // Left while the run was still awaiting: its outcome no longer has a reader.
      pending?.catch(() => undefined);
      await run.return(undefined as R).catch(() => undefined);
    }
  }
}
