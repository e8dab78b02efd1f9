import { useCallback, useMemo, useRef, useState, type ReactNode } from 'react';
import { errorText } from '../components/error-text.js';
import { useI18n } from '../i18n/i18n.js';
import { useSession } from '../session.js';
import { settingsApi, type SettingsApi } from './settings-api.js';

export function useSettingsApi(): SettingsApi {
  const { client } = useSession();
  return useMemo(() => settingsApi(client), [client]);
}

/** One action at a time per page: `busy` disables its buttons, a failure becomes `error` (the server's own message). */
export function useAction(): { isBusy: boolean; error: string | null; run(action: () => Promise<void>): Promise<boolean>; clear(): void } {
  const { t } = useI18n();
  const [isBusy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(
    async (action: () => Promise<void>) => {
      setBusy(true);
      setError(null);
      try {
        await action();
        return true;
      } catch (caught) {
        setError(errorText(t, caught));
        return false;
      } finally {
        setBusy(false);
      }
    },
    [t],
  );
  return { isBusy, error, run, clear: useCallback(() => setError(null), []) };
}

export function ErrorMessage({ error }: { error: string | null }) {
  return error ? (
    <p className="field-error" role="alert">
      {error}
    </p>
  ) : null;
}

export function Saved({ message }: { message: string | null }) {
  return (
    <p className="saved" role="status">
      {message ?? ''}
    </p>
  );
}

/** A secret shown once (an API secret, a signing key, recovery codes): the server keeps only a hash. */
export function ShownOnce({ id, label, value, hint, multiline }: { id: string; label: string; value: string; hint: string; multiline?: boolean }) {
  return (
    <div className="once-link tone-success" role="status">
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea id={id} readOnly value={value} rows={value.split('\n').length} onFocus={(e) => e.target.select()} />
      ) : (
        <input id={id} readOnly value={value} onFocus={(e) => e.target.select()} />
      )}
      <p className="hint">{hint}</p>
    </div>
  );
}

/** A titled page section with its heading linked for screen readers. */
export function Panel({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="panel" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

/** A table of the settings pages: scrolls sideways on its own when narrow, captioned for screen readers, one header per column. */
export function DataTable({ caption, columns, children }: { caption: string; columns: string[]; children: ReactNode }) {
  return (
    <div className="table-wrap">
      <table className="data-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

/**
 * React keys for rows edited in place (sections, questions): they survive a removal, so the
 * inputs of a removed row never pass to the row after it.
 */
export function useRowKeys(count: number): { keyOf(index: number): number; added(): void; removed(index: number): void } {
  const next = useRef(count);
  const [keys, setKeys] = useState(() => Array.from({ length: count }, (_, i) => i));
  return {
    keyOf: (index) => keys[index] ?? next.current + index,
    added: () => setKeys((now) => [...now, next.current++]),
    removed: (index) => setKeys((now) => now.filter((_, i) => i !== index)),
  };
}
