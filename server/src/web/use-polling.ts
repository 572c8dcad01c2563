import { useEffect, useRef } from 'react';

/**
 * Calls `tick` every `everyMs` while `active`, at most `limit` times: a page waiting for a payment
 * confirmation asks again for a while, then stops (the attendee can reload).
 */
export function usePolling(active: boolean, tick: () => void, everyMs = 2000, limit = 30): void {
  const count = useRef(0);
  const latest = useRef(tick);
  latest.current = tick;
  useEffect(() => {
    if (!active || count.current >= limit) return;
    const timer = setTimeout(() => {
      count.current += 1;
      latest.current();
    }, everyMs);
    return () => clearTimeout(timer);
  });
}
