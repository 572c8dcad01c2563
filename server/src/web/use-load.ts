import { useCallback, useEffect, useState } from 'react';
import { ApiError } from './api.js';

export type Loaded<T> =
  { state: 'loading' } | { state: 'ok'; data: T } | { state: 'error'; error: ApiError };

/** Loads once per change of `deps`; `reload` loads again without showing "loading". */
export function useLoad<T>(
  load: () => Promise<T>,
  deps: readonly unknown[],
): [Loaded<T>, () => void] {
  const [result, setResult] = useState<Loaded<T>>({ state: 'loading' });
  const [round, setRound] = useState(0);
  const run = useCallback(load, deps);
  useEffect(() => {
    let live = true;
    run().then(
      (data) => live && setResult({ state: 'ok', data }),
      (err: unknown) =>
        live &&
        setResult({
          state: 'error',
          error:
            err instanceof ApiError
              ? err
              : new ApiError({ status: 0, code: 'unexpected', detail: String(err) }),
        }),
    );
    return () => {
      live = false;
    };
  }, [run, round]);
  return [result, () => setRound((n) => n + 1)];
}
