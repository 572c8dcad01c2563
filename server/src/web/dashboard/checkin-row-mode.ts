import { useEffect, useRef, useState } from 'react';

/**
 * A list row that swaps its buttons for a form or a question. Back in `view`, focus goes to
 * `target()` once the row is drawn again (an effect, not a timer, so it never runs too early
 * and lands on the form being removed).
 */
export function useRowMode<M extends string>(
  view: M,
  target: () => HTMLElement | null | undefined,
): { mode: M; open: (mode: M) => void; back: () => void } {
  const [mode, setMode] = useState<M>(view);
  const returning = useRef(false);
  const latestTarget = useRef(target);
  latestTarget.current = target;
  useEffect(() => {
    if (mode !== view || !returning.current) return;
    returning.current = false;
    latestTarget.current()?.focus();
  }, [mode, view]);
  return {
    mode,
    open: setMode,
    back: () => {
      returning.current = true;
      setMode(view);
    },
  };
}
