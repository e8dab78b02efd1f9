import { useEffect, useRef } from 'react';

/** Keys that act on the page; listed on the help overlay (`?`). */
export const SHORTCUTS = [
  { key: 'j', action: 'shortcut.down' },
  { key: 'k', action: 'shortcut.up' },
  { key: 'n', action: 'shortcut.next' },
  { key: 'a', action: 'shortcut.approve' },
  { key: 'd', action: 'shortcut.deny' },
  { key: 'r', action: 'shortcut.requestInfo' },
  { key: 'c', action: 'shortcut.comment' },
  { key: '?', action: 'shortcut.help' },
] as const;

/**
 * True when a key press belongs to what the user is typing or to the browser: inside a field,
 * an editable element or an open dialog, or with a modifier (Ctrl/Cmd/Alt) held.
 */
export function isTypingOrModified(event: KeyboardEvent): boolean {
  if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing || event.defaultPrevented) return true;
  const target = event.target as HTMLElement | null;
  if (!target || typeof target.closest !== 'function') return false;
  if (target.isContentEditable) return true;
  return target.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"], dialog[open]') !== null;
}

/** Single-key shortcuts while this component is shown; the newest handlers are always used. */
export function useShortcuts(handlers: Partial<Record<string, () => void>>): void {
  const current = useRef(handlers);
  current.current = handlers;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (isTypingOrModified(event)) return;
      const handler = current.current[event.key];
      if (!handler) return;
      event.preventDefault();
      handler();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}
