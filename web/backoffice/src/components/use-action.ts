import { useState } from 'react';
import { useI18n } from '../i18n/i18n.js';
import { errorText } from './error-text.js';

export interface ActionMessage {
  tone: 'error' | 'success';
  text: string;
}

/** One button's action at a time: which one runs, and its outcome as a message (the error worded for people). */
export function useAction(after: () => Promise<void> = async () => {}) {
  const { t } = useI18n();
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<ActionMessage | null>(null);
  const run = async (name: string, action: () => Promise<unknown>, done: string) => {
    setBusy(name);
    setMessage(null);
    try {
      await action();
      await after();
      setMessage({ tone: 'success', text: done });
    } catch (error) {
      setMessage({ tone: 'error', text: errorText(t, error) });
    } finally {
      setBusy(null);
    }
  };
  return { busy, message, run };
}

/** Hands a downloaded file to the browser under this name. */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
