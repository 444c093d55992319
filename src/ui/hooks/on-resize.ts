import type { EventEmitter } from 'node:events';

/** Per output stream: its one `resize` listener and the callbacks it calls. */
const dispatchers = new WeakMap<EventEmitter, { listeners: Set<() => void>; dispatch: () => void }>();

/**
 * Calls `listener` when `stream` is resized; returns the unsubscribe. Every
 * component that fits the terminal's width or height listens, and a screen of
 * sources is more than Node's default of 10 listeners per event: Node then
 * printed a MaxListenersExceededWarning into the chat. So each stream gets one
 * `resize` listener, removed again with the last callback.
 */
export function onResize(stream: EventEmitter, listener: () => void): () => void {
  let dispatcher = dispatchers.get(stream);
  if (dispatcher === undefined) {
    const listeners = new Set<() => void>();
    const created = { listeners, dispatch: () => { for (const each of [...listeners]) each(); } };
    stream.on('resize', created.dispatch);
    dispatchers.set(stream, created);
    dispatcher = created;
  }
  const { listeners, dispatch } = dispatcher;
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && dispatchers.get(stream) === dispatcher) {
      stream.off('resize', dispatch);
      dispatchers.delete(stream);
    }
  };
}
