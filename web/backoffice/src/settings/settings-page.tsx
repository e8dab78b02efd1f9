import { lazy, Suspense, useEffect } from 'react';
import './settings.css';
import { can } from '../api/permissions.js';
import { useI18n, type MessageKey } from '../i18n/i18n.js';
import { BASE, Link, navigate } from '../router/router.js';
import { useSession } from '../session.js';

// Each section is a chunk of its own, fetched when opened.
const SECTIONS = {
  flows: lazy(() => import('./flows/flows-page.js')),
  themes: lazy(() => import('./themes/themes-page.js')),
  questionnaires: lazy(() => import('./questionnaires/questionnaires-page.js')),
  webhooks: lazy(() => import('./webhooks/webhooks-page.js')),
  'api-keys': lazy(() => import('./api-keys/api-keys-page.js')),
  'risk-model': lazy(() => import('./risk-model/risk-model-page.js')),
  'screening-lists': lazy(() => import('./screening-lists/screening-lists-page.js')),
} as const;
type Section = keyof typeof SECTIONS;
const isSection = (name: string): name is Section => Object.hasOwn(SECTIONS, name);

/** Admins' settings: a list of sections beside the open one. Other roles are told it is not theirs (the API refuses them too). */
export default function SettingsPage({ section }: { section: string }) {
  const { t } = useI18n();
  const { manager } = useSession();
  const isAdmin = can(manager.role, 'admin');
  useEffect(() => {
    if (isAdmin && section === '') navigate(`${BASE}/settings/flows`, { replace: true });
  }, [isAdmin, section]);

  if (!isAdmin) {
    return (
      <>
        <h1 tabIndex={-1}>{t('settings.title')}</h1>
        <p className="note">{t('settings.adminOnly')}</p>
      </>
    );
  }
  if (section !== '' && !isSection(section)) {
    return (
      <>
        <h1 tabIndex={-1}>{t('notFound.title')}</h1>
        <Link href={`${BASE}/settings`}>{t('settings.title')}</Link>
      </>
    );
  }
  const Page = isSection(section) ? SECTIONS[section] : null;
  return (
    <div className="settings-layout">
      <nav aria-label={t('settings.title')} className="settings-nav">
        <ul>
          {Object.keys(SECTIONS).map((name) => (
            <li key={name}>
              <Link href={`${BASE}/settings/${name}`} aria-current={name === section ? 'page' : undefined}>
                {t(`settings.section.${name}` as MessageKey)}
              </Link>
            </li>
          ))}
          <li>
            <Link href={`${BASE}/managers`}>{t('nav.managers')}</Link>
          </li>
        </ul>
      </nav>
      <div className="settings-body">
        <Suspense
          fallback={
            <p className="loading" role="status">
              {t('app.loading')}
            </p>
          }
        >
          {Page ? <Page /> : null}
        </Suspense>
      </div>
    </div>
  );
}
