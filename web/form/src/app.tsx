import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { TOKEN_REFUSAL } from '../../../src/shared/token-refusal.js';
import { createClient } from './api/client.js';
import { ApiError, NetworkError } from '../../shared/api/errors.js';
import type { KybInfo, KybLocale, SessionInfo } from './api/types.js';
import { Shell } from './components/shell.js';
import { I18nContext, initialLocale, isLocale, loadMessages, translator, type I18n, type Messages } from './i18n/i18n.js';
import { StatusPage, type PageKind } from './pages/status-page.js';
import { applyTheme } from '../../shared/theme/apply-theme.js';
import { ExpiryBanner } from './wizard/expiry-banner.js';
import { loadKybData, type Fatal, type KybData } from './wizard/data.js';
import { Wizard } from './wizard/wizard.js';

type Phase = { kind: 'loading' } | { kind: 'page'; page: PageKind } | { kind: 'form'; data: KybData };

const LOCALE_KEY = 'openkyb.locale';

/** Classifies an error that ends the form: the page a user should see instead. */
export function fatalOf(error: unknown): Fatal {
  if (error instanceof ApiError && (error.isCompleted || error.status === 409)) return 'submitted';
  // A token the server never issued (a link cut off or mistyped) is not an expired one.
  if (error instanceof ApiError && error.isAuthFailure) return error.message === TOKEN_REFUSAL.unknown ? 'invalid' : 'expired';
  return 'network';
}

/** Boot: token -> info and session -> data -> the form, or the page that explains why not. */
export function App({ token }: { token: string | null }) {
  const client = useMemo(() => (token ? createClient(token) : null), [token]);
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' });
  const [info, setInfo] = useState<KybInfo | null>(null);
  const [session, setSession] = useState<SessionInfo | null>(null);
  const [i18n, setI18n] = useState<{ locale: KybLocale; messages: Messages } | null>(null);
  const chosen = useRef<KybLocale | null>(readChosenLocale());

  const switchLocale = useCallback(async (locale: KybLocale) => {
    const messages = await loadMessages(locale);
    document.documentElement.lang = locale;
    setI18n({ locale, messages });
  }, []);

  const boot = useCallback(async () => {
    setPhase({ kind: 'loading' });
    const browserLocale = chosen.current ?? initialLocale(null, navigator.languages);
    // Fetched alongside the API calls: usually the token's locale is the browser's.
    const early = loadMessages(browserLocale).catch(() => null);
    try {
      if (!client) {
        await early;
        await switchLocale(browserLocale);
        return setPhase({ kind: 'page', page: 'noToken' });
      }
      const [kybInfo, sessionInfo] = await Promise.all([client.info(), client.session().catch(optionalSession)]);
      applyTheme(kybInfo.theme);
      setInfo(kybInfo);
      setSession(sessionInfo);
      const [data] = await Promise.all([loadKybData(client), switchLocale(chosen.current ?? initialLocale(kybInfo.locale, navigator.languages))]);
      setPhase({ kind: 'form', data });
    } catch (error) {
      applyTheme(null);
      await switchLocale(browserLocale).catch(() => undefined);
      setPhase({ kind: 'page', page: fatalOf(error) });
    }
  }, [client, switchLocale]);

  useEffect(() => {
    void boot();
  }, [boot]);

  const context = useMemo<I18n | null>(
    () =>
      i18n && {
        locale: i18n.locale,
        t: translator(i18n.messages),
        setLocale: (locale) => {
          chosen.current = locale;
          try {
            sessionStorage.setItem(LOCALE_KEY, locale);
          } catch {
            /* not kept across reloads */
          }
          // A locale that cannot be fetched (offline) leaves the current one in place.
          switchLocale(locale).catch(() => undefined);
        },
      },
    [i18n, switchLocale],
  );

  const fail = useCallback((fatal: Fatal) => setPhase({ kind: 'page', page: fatal }), []);
  const onExpired = useCallback(() => fail('expired'), [fail]);
  const onFatal = useCallback((error: unknown) => fail(fatalOf(error)), [fail]);
  const onDone = useCallback(() => setPhase({ kind: 'page', page: 'done' }), []);

  useEffect(() => {
    if (!context) return;
    const partner = info?.theme?.companyName;
    document.title = partner ? `${context.t('app.title')} · ${partner}` : context.t('app.title');
  }, [context, info]);

  if (!context) return <div className="boot" aria-busy="true" />;
  const theme = info?.theme ?? null;
  return (
    <I18nContext.Provider value={context}>
      <Shell theme={theme} banner={phase.kind === 'form' && session ? <ExpiryBanner expiration={session.expiration} onExpired={onExpired} /> : null}>
        {phase.kind === 'loading' ? (
          <p className="loading" role="status">
            {context.t('app.loading')}
          </p>
        ) : null}
        {phase.kind === 'page' ? <StatusPage kind={phase.page} theme={theme} onRetry={() => void boot()} redirectUrl={safeUrl(session?.redirectUrl)} /> : null}
        {phase.kind === 'form' && client && info ? (
          <Wizard client={client} info={info} session={session} initial={phase.data} onFatal={onFatal} onDone={onDone} />
        ) : null}
      </Shell>
    </I18nContext.Provider>
  );
}

/** The session endpoint is an OpenKYB extension: a server without it still serves the form. */
function optionalSession(error: unknown): null {
  if (error instanceof ApiError && error.status === 404) return null;
  if (error instanceof NetworkError || error instanceof ApiError) throw error;
  return null;
}

function readChosenLocale(): KybLocale | null {
  try {
    const stored = sessionStorage.getItem(LOCALE_KEY);
    return isLocale(stored) ? stored : null;
  } catch {
    return null;
  }
}

/** Only http(s) redirect targets: a javascript: URL from any source must never become a link. */
function safeUrl(url: string | null | undefined): string | null {
  return url && /^https?:\/\//i.test(url) ? url : null;
}
