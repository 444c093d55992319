import { useCallback, useEffect, useRef } from 'react';
import type { Footnote } from '../../footnote-types.js';

/**
 * `warmUp()` opens the index and maps the pages questions read while the user
 * is typing (`footnote.warmUp`), replacing a warm-up still running. Failures
 * are left to the first question, which reports them where it is asked.
 */
export function useWarmUp(footnote: Footnote): () => void {
  const controllerRef = useRef<AbortController | null>(null);
  const warmUp = useCallback(() => {
    controllerRef.current?.abort();
    const controller = new AbortController();
    controllerRef.current = controller;
    footnote.warmUp({ signal: controller.signal }).catch(() => undefined);
  }, [footnote]);
  useEffect(() => () => controllerRef.current?.abort(), []);
  return warmUp;
}
