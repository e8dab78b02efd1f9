import { useCallback, useState, type FormEvent } from 'react';
import { useI18n } from '../i18n/i18n.js';
import { errorText } from './error-text.js';

/**
 * One form's (or one page's) action at a time: `isBusy` disables its buttons while it runs, and
 * its failure becomes `error`, worded for people. The action may also return a message of its
 * own (a check that failed before any call) to show as the error. `submit(action)` is a form's
 * onSubmit handler that runs it.
 */
export function useFormAction(): {
  isBusy: boolean;
  error: string | null;
  run(action: () => Promise<string | null | void>): Promise<boolean>;
  clear(): void;
  submit(action: () => Promise<string | null | void>): (event: FormEvent) => void;
} {
  const { t } = useI18n();
  const [isBusy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(
    async (action: () => Promise<string | null | void>) => {
      setBusy(true);
      setError(null);
      try {
        const problem = await action();
        if (typeof problem === 'string') setError(problem);
        return typeof problem !== 'string';
      } catch (caught) {
        setError(errorText(t, caught));
        return false;
      } finally {
        setBusy(false);
      }
    },
    [t],
  );
  const submit = (action: () => Promise<string | null | void>) => (event: FormEvent) => {
    event.preventDefault();
    void run(action);
  };
  return { isBusy, error, run, clear: useCallback(() => setError(null), []), submit };
}
