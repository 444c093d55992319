import type { Listen } from './with-notices.js';

/** Fans notices out to whoever listens now; a notice with no listener is dropped. */
export interface NoticeHub<N> {
  emit(notice: N): void;
  listen: Listen<N>;
}

export function createNoticeHub<N>(): NoticeHub<N> {
  const listeners = new Set<(notice: N) => void>();
  return {
    emit(notice) {
      for (const listener of listeners) listener(notice);
    },
    listen(push) {
      // A wrapper per call, so the same function listening twice unsubscribes once each.
      const listener = (notice: N) => push(notice);
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
