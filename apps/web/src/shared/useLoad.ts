import { useCallback, useEffect, useState } from 'react';
import { errorText } from './errors';

/** Loads once (and on reload()); loading and error states for the pages. */
export function useLoad<T>(
  load: () => Promise<T>,
  deps: unknown[],
): { data?: T; loading: boolean; error?: string; reload: () => void } {
  const [data, setData] = useState<T>();
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string>();
  const [tick, setTick] = useState(0);
  const run = useCallback(load, deps);
  useEffect(() => {
    let live = true;
    setLoading(true);
    run()
      .then((d) => live && (setData(d), setError(undefined)))
      .catch((e) => live && setError(errorText(e)))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [run, tick]);
  return { data, loading, error, reload: () => setTick((n) => n + 1) };
}
