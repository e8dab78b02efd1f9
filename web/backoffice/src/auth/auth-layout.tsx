import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n.js';

/** The signed-out pages: a narrow card under the product name. */
export function AuthLayout({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <>
      <header className="header">
        <div className="brand">
          <span className="brand-name">{t('app.title')}</span>
        </div>
      </header>
      <main id="main" className="main auth-main" tabIndex={-1}>
        <h1>{title}</h1>
        {children}
      </main>
    </>
  );
}
