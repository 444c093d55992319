/** Runs a stage that yields progress events to its end and returns its result; the events are dropped. */
export async function drain<E, R>(run: AsyncGenerator<E, R>): Promise<R> {
  for (;;) {
    const step = await run.next();
    if (step.done) return step.value;
  }
}
