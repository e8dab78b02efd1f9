import { useMemo, useRef, useState } from 'react';
import { useSession } from '../session.js';
import { settingsApi, type SettingsApi } from './settings-api.js';

// The settings pages' building blocks are the back office's own (components/); named here as the pages know them.
export { DataTable, Panel } from '../components/layout.js';
export { ErrorMessage, ShownOnce } from '../components/messages.js';
export { useFormAction as useAction } from '../components/use-form-action.js';

export function useSettingsApi(): SettingsApi {
  const { client } = useSession();
  return useMemo(() => settingsApi(client), [client]);
}

export function Saved({ message }: { message: string | null }) {
  return (
    <p className="saved" role="status">
      {message ?? ''}
    </p>
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
