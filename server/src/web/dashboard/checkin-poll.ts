import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../api.js';

export type PollState = 'connecting' | 'live' | 'lost' | 'not_found';

/**
 * Loads `load` now and again `everyMs` after each answer (never two requests at once), keeping
 * the last good answer while the server cannot be reached. A 404 stops it: the event is gone.
 */
export function usePolled<T>(
  load: () => Promise<T>,
  key: string,
  everyMs: number,
): { data: T | null; state: PollState } {
  const [data, setData] = useState<T | null>(null);
  const [state, setState] = useState<PollState>('connecting');
  const latest = useRef(load);
  latest.current = load;
  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let asked = false;
    const tick = async () => {
      // A tab in the background asks nothing; it catches up within one interval of coming back.
      if (document.hidden && asked) {
        timer = setTimeout(() => void tick(), everyMs);
        return;
      }
      asked = true;
      try {
        const next = await latest.current();
        if (!live) return;
        setData(next);
        setState('live');
      } catch (err) {
        if (!live) return;
        if (err instanceof ApiError && err.status === 404) return setState('not_found');
        setState('lost');
      }
      timer = setTimeout(() => void tick(), everyMs);
    };
    void tick();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [key, everyMs]);
  return { data, state };
}

/**
 * `text` as a screen reader should hear it: a change is passed on at once, and then at most once
 * per `gapMs`, so a count that moves every second during the rush is not read out every second.
 */
export function useCalmText(text: string, gapMs: number): string {
  const [said, setSaid] = useState(text);
  const lastSaid = useRef(0);
  useEffect(() => {
    if (text === said) return;
    const timer = setTimeout(
      () => {
        lastSaid.current = Date.now();
        setSaid(text);
      },
      Math.max(0, lastSaid.current + gapMs - Date.now()),
    );
    return () => clearTimeout(timer);
  }, [text, said, gapMs]);
  return said;
}
