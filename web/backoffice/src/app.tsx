import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { ApiError } from '../../shared/api/errors.js';
import { applyTheme } from '../../shared/theme/apply-theme.js';
import { createClient } from './api/client.js';
import type { SessionBody } from './api/types.js';
import { SignInPage } from './auth/sign-in-page.js';
import { AppShell } from './components/app-shell.js';
import { I18nContext, initialLocale, loadMessages, translator, type I18n } from './i18n/i18n.js';
import { BASE, navigate, parseRoute, useLocation } from './router/router.js';
import { SessionContext, type SignedIn } from './session.js';

// Everything behind sign-in (and the rarely used set-password page) is fetched when first opened.
const QueuePage = lazy(() => import('./queue/queue-page.js'));
const CasePage = lazy(() => import('./case/case-page.js'));
const ManagersPage = lazy(() => import('./managers/managers-page.js'));
const SettingsPage = lazy(() => import('./settings/settings-page.js'));
const AccountPage = lazy(() => import('./settings/account-page.js'));
const SetPasswordPage = lazy(() => import('./auth/set-password-page.js'));
const NotFoundPage = lazy(() => import('./components/not-found-page.js'));

type Auth = { kind: 'loading' } | { kind: 'signedOut'; reason: 'expired' | 'signedOut' | null } | { kind: 'signedIn'; session: SessionBody };

export function App() {
  const [i18n, setI18n] = useState<I18n | null>(null);
  const [auth, setAuth] = useState<Auth>({ kind: 'loading' });
  const client = useMemo(() => createClient(() => setAuth({ kind: 'signedOut', reason: 'expired' })), []);
  const { pathname, search } = useLocation();
  const route = parseRoute(pathname);

  useEffect(() => {
    applyTheme(null);
    const locale = initialLocale(navigator.languages);
    void loadMessages(locale).then((messages) => {
      document.documentElement.lang = locale;
      setI18n({ locale, t: translator(messages) });
    });
    client
      .session()
      .then((session) => setAuth({ kind: 'signedIn', session }))
      .catch(() => setAuth({ kind: 'signedOut', reason: null }));
  }, [client]);

  useEffect(() => {
    client.setCsrfToken(auth.kind === 'signedIn' ? auth.session.csrfToken : null);
  }, [auth, client]);

  const onSignedIn = useCallback((session: SessionBody) => {
    setAuth({ kind: 'signedIn', session });
    const next = new URLSearchParams(window.location.search).get('next');
    // Only a path of this app: an open redirect would send a fresh session anywhere.
    navigate(next && next.startsWith(`${BASE}/`) && !next.startsWith('//') ? next : `${BASE}/cases`, { replace: true });
  }, []);

  const signedIn = useMemo<SignedIn | null>(
    () =>
      auth.kind === 'signedIn'
        ? {
            manager: auth.session.manager,
            client,
            signOut: async () => {
              await client.signOut().catch((error: unknown) => {
                // Already ended on the server: signed out all the same.
                if (!(error instanceof ApiError && error.status === 401)) throw error;
              });
              setAuth({ kind: 'signedOut', reason: 'signedOut' });
            },
          }
        : null,
    [auth, client],
  );

  // Signed out on a page behind sign-in: the sign-in page, which comes back here afterwards.
  useEffect(() => {
    if (auth.kind === 'signedOut' && route.name !== 'signIn' && route.name !== 'setPassword') {
      const here = route.name === 'home' ? '' : `?next=${encodeURIComponent(pathname + search)}`;
      navigate(`${BASE}/sign-in${here}`, { replace: true });
    }
    if (auth.kind === 'signedIn' && (route.name === 'signIn' || route.name === 'home')) navigate(`${BASE}/cases`, { replace: true });
  }, [auth, route.name, pathname, search]);

  if (!i18n || auth.kind === 'loading') return <div className="boot" aria-busy="true" />;
  const loading = (
    <p className="loading" role="status">
      {i18n.t('app.loading')}
    </p>
  );
  return (
    <I18nContext.Provider value={i18n}>
      {route.name === 'setPassword' ? (
        <Suspense fallback={loading}>
          <SetPasswordPage client={client} />
        </Suspense>
      ) : auth.kind === 'signedOut' || !signedIn ? (
        <SignInPage client={client} reason={auth.kind === 'signedOut' ? auth.reason : null} onSignedIn={onSignedIn} />
      ) : (
        <SessionContext.Provider value={signedIn}>
          <AppShell route={route}>
            <Suspense fallback={loading}>
              {route.name === 'queue' ? <QueuePage /> : null}
              {route.name === 'case' ? <CasePage key={route.id} id={route.id} /> : null}
              {route.name === 'managers' ? <ManagersPage /> : null}
              {route.name === 'settings' ? <SettingsPage section={route.section} /> : null}
              {route.name === 'account' ? <AccountPage /> : null}
              {route.name === 'notFound' ? <NotFoundPage /> : null}
            </Suspense>
          </AppShell>
        </SessionContext.Provider>
      )}
    </I18nContext.Provider>
  );
}
