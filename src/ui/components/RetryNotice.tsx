import { Text } from 'ink';
import { useState } from 'react';
import type { ProviderRetry } from '../../shared/types.js';
import { formatProviderRetry } from '../format/format-provider-retry.js';
import { useNow } from '../hooks/use-now.js';

/** How often the countdown is redrawn. */
const TICK_MS = 1000;

const keys = new WeakMap<ProviderRetry, string>();
let keysGiven = 0;

/**
 * A React key of its own for each retry notice (each is a new object), so
 * each counts down from when it came, even when two look alike.
 */
export function retryKey(retry: ProviderRetry): string {
  let key = keys.get(retry);
  if (key === undefined) {
    keysGiven += 1;
    key = String(keysGiven);
    keys.set(retry, key);
  }
  return key;
}

/**
 * A wait to retry a request to the server, counting down. Give it a new `key`
 * for each retry: the deadline is taken when it first shows.
 */
export function RetryNotice({ retry, now }: { retry: ProviderRetry; now?: number }) {
  const clock = useNow(TICK_MS);
  const [deadline] = useState(() => (now ?? Date.now()) + retry.delayMs);
  return (
    <Text dimColor wrap="truncate-end">
      {formatProviderRetry(retry, deadline - (now ?? clock))}
    </Text>
  );
}
