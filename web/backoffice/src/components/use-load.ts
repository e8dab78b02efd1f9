import { useCallback, useEffect, useRef, useState } from 'react';

export type Loaded<T> = { state: 'loading' } | { state: 'error'; error: unknown } | { state: 'done'; data: T };

/** Runs `load` on mount and whenever `key` changes; `reload` runs it again. A stale answer is dropped. */
export function useLoad<T>(load: () => Promise<T>, key: string): { result: Loaded<T>; reload(): Promise<void> } {
  const [result, setResult] = useState<Loaded<T>>({ state: 'loading' });
  const latest = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  const run = useCallback(async (showLoading: boolean) => {
    const ticket = ++latest.current;
    if (showLoading) setResult({ state: 'loading' });
    try {
      const data = await loadRef.current();
      if (ticket === latest.current) setResult({ state: 'done', data });
    } catch (error) {
      if (ticket === latest.current) setResult({ state: 'error', error });
    }
  }, []);
  useEffect(() => {
    void run(true);
  }, [key, run]);
  return { result, reload: useCallback(() => run(false), [run]) };
}

export function useTitle(title: string | null): void {
  useEffect(() => {
    if (title) document.title = `${title} · OpenKYB`;
  }, [title]);
}
