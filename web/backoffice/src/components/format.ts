import { formatDateTime } from '../../../shared/i18n/format.js';
import type { Translator } from '../../../shared/i18n/translator.js';
import type { MessageKey } from '../i18n/messages.js';

/** i18n.tsx's Translate, named from its parts so this plain module (and its test) needs no JSX. */
type Translate = Translator<MessageKey>;

export { formatDateTime };

const short = new Map<string, Intl.DateTimeFormat>();
/** Compact date and time for table cells (the case page uses the long form). */
export function formatShortDateTime(locale: string, iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  if (!short.has(locale)) short.set(locale, new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }));
  return short.get(locale)!.format(date);
}

/** How long ago, in the largest two units that matter to a queue (days and hours, or hours and minutes). */
export function formatAge(t: Translate, fromIso: string | null, nowMs: number): string {
  if (!fromIso) return '—';
  const minutes = Math.max(0, Math.floor((nowMs - Date.parse(fromIso)) / 60_000));
  return Number.isNaN(minutes) ? '—' : formatMinutes(t, minutes);
}

function formatMinutes(t: Translate, minutes: number): string {
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  if (days > 0) return t('age.days', { days, hours });
  if (hours > 0) return t('age.hours', { hours, minutes: minutes % 60 });
  return t('age.minutes', { minutes });
}

/** The time left to a case's review deadline as the server computed it: left, overdue, or frozen while the client has the form. */
export function formatTimeLeft(t: Translate, deadline: { timeLeftMs: number; isPaused: boolean } | null | undefined): string {
  if (!deadline) return '—';
  const duration = formatMinutes(t, Math.floor(Math.abs(deadline.timeLeftMs) / 60_000));
  if (deadline.isPaused) return t('deadline.paused', { duration });
  return deadline.timeLeftMs < 0 ? t('deadline.overdue', { duration }) : t('deadline.left', { duration });
}

export function personName(manager: { name: string; surname: string } | null | undefined): string | null {
  return manager ? `${manager.name} ${manager.surname}`.trim() : null;
}
