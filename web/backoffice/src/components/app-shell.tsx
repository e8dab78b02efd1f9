import { useEffect, useRef, useState, type ReactNode } from 'react';
import { PageFrame } from '../../../shared/components/page-frame.js';
import { can } from '../api/permissions.js';
import { useI18n } from '../i18n/i18n.js';
import { BASE, Link, useLocation, type Route } from '../router/router.js';
import { useSession } from '../session.js';
import { Dialog } from './dialog.js';
import { errorText } from './error-text.js';
import { ColumnHeads } from './layout.js';
import { SHORTCUTS, useShortcuts } from './shortcuts.js';

/** Header (navigation, who is signed in, sign-out), the main region and the shortcut help. */
export function AppShell({ route, children }: { route: Route; children: ReactNode }) {
  const { t } = useI18n();
  const { manager, signOut } = useSession();
  const [isHelpOpen, setHelpOpen] = useState(false);
  const [signOutError, setSignOutError] = useState<string | null>(null);
  const main = useRef<HTMLElement>(null);
  const { pathname } = useLocation();

  // A new page: focus goes to the main region, so screen readers start reading there.
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.focus();
  }, [pathname]);

  useShortcuts({ '?': () => setHelpOpen(true) });

  const current = (name: Route['name']) => (route.name === name ? ('page' as const) : undefined);
  return (
    <>
      <PageFrame
        skipLabel={t('app.skipToContent')}
        headerClassName="bo-header"
        header={
          <>
            <div className="brand">
              <span className="brand-name">{t('app.title')}</span>
            </div>
            <nav aria-label={t('nav.label')}>
              <ul className="nav-list">
                <li>
                  <Link href={`${BASE}/cases`} aria-current={current('queue') ?? current('case')}>
                    {t('nav.queue')}
                  </Link>
                </li>
                {can(manager.role, 'admin')
                  ? (['managers', 'settings'] as const).map((name) => (
                      <li key={name}>
                        <Link href={`${BASE}/${name}`} aria-current={current(name)}>
                          {t(`nav.${name}`)}
                        </Link>
                      </li>
                    ))
                  : null}
              </ul>
            </nav>
            <div className="who">
              <span>
                {t('nav.signedInAs', { name: `${manager.name} ${manager.surname}` })} <span className="role-badge">{t(`role.${manager.role}`)}</span>
              </span>
              <Link href={`${BASE}/account`} className="button secondary small" aria-current={current('account')}>
                {t('nav.account')}
              </Link>
              <button type="button" className="button secondary small" onClick={() => setHelpOpen(true)} aria-keyshortcuts="?">
                {t('nav.shortcuts')}
              </button>
              <button
                type="button"
                className="button secondary small"
                onClick={() => {
                  setSignOutError(null);
                  signOut().catch((error: unknown) => setSignOutError(errorText(t, error)));
                }}
              >
                {t('nav.signOut')}
              </button>
            </div>
          </>
        }
        banner={
          signOutError ? (
            <p className="banner tone-error" role="alert">
              {signOutError}
            </p>
          ) : null
        }
        mainClassName="bo-main"
        mainRef={main}
      >
        {children}
      </PageFrame>
      <Dialog open={isHelpOpen} title={t('shortcut.title')} onClose={() => setHelpOpen(false)}>
        <p>{t('shortcut.intro')}</p>
        <table className="shortcut-table">
          <ColumnHeads columns={[t('shortcut.key'), t('shortcut.action')]} />
          <tbody>
            {SHORTCUTS.map((s) => (
              <tr key={s.key}>
                <td>
                  <kbd>{s.key}</kbd>
                </td>
                <td>{t(s.action)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Dialog>
    </>
  );
}
