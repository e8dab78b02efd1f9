import { useEffect, useRef } from 'react';
import type { ThemeCore } from '../api/types.js';
import { useI18n, type MessageKey } from '../i18n/i18n.js';

const REDIRECT_DELAY_MS = 6000;

export type PageKind = 'expired' | 'invalid' | 'submitted' | 'noToken' | 'network' | 'done';

const TEXT: Record<PageKind, { title: MessageKey; body: MessageKey; tone: string }> = {
  expired: { title: 'page.expired.title', body: 'page.expired.body', tone: 'warning' },
  invalid: { title: 'page.invalid.title', body: 'page.invalid.body', tone: 'warning' },
  submitted: { title: 'page.submitted.title', body: 'page.submitted.body', tone: 'info' },
  noToken: { title: 'page.noToken.title', body: 'page.noToken.body', tone: 'warning' },
  network: { title: 'page.network.title', body: 'page.network.body', tone: 'error' },
  done: { title: 'page.done.title', body: 'page.done.body', tone: 'success' },
};

interface Props {
  kind: PageKind;
  theme: ThemeCore | null;
  onRetry?: () => void;
  redirectUrl?: string | null;
}

/** One full page per situation a user can meet outside the form itself. */
export function StatusPage({ kind, theme, onRetry, redirectUrl }: Props) {
  const { t } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  const name = theme?.companyName || t('page.partnerFallback');
  useEffect(() => {
    heading.current?.focus();
  }, [kind]);
  // After submit the partner's page follows on its own, with time to read the thank-you first.
  useEffect(() => {
    if (kind !== 'done' || !redirectUrl) return undefined;
    const timer = setTimeout(() => window.location.assign(redirectUrl), REDIRECT_DELAY_MS);
    return () => clearTimeout(timer);
  }, [kind, redirectUrl]);
  return (
    <section className={`status-page tone-${TEXT[kind].tone}`} data-page={kind}>
      <span className="status-icon" aria-hidden="true" />
      <h1 ref={heading} tabIndex={-1}>
        {t(TEXT[kind].title)}
      </h1>
      <p>{t(TEXT[kind].body, { name })}</p>
      {kind === 'network' && onRetry ? (
        <button type="button" className="button primary" onClick={onRetry}>
          {t('action.retry')}
        </button>
      ) : null}
      {kind === 'done' && redirectUrl ? (
        <>
          <p>{t('page.done.redirect', { name })}</p>
          <a className="button primary" href={redirectUrl}>
            {t('action.goNow')}
          </a>
        </>
      ) : null}
    </section>
  );
}
