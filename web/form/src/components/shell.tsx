import type { ReactNode } from 'react';
import { PageFrame } from '../../../shared/components/page-frame.js';
import type { ThemeCore } from '../api/types.js';
import { useI18n } from '../i18n/i18n.js';
import { LanguageSwitcher } from './language-switcher.js';

/** Header (logo or name, language), main region and the support footer: the same on every page. */
export function Shell({ theme, banner, children }: { theme: ThemeCore | null; banner?: ReactNode; children: ReactNode }) {
  const { t } = useI18n();
  const name = theme?.companyName || null;
  return (
    <>
      <PageFrame
        skipLabel={t('app.skipToContent')}
        header={
          <>
            <div className="brand">
              {theme?.logo ? <img className="logo" src={theme.logo} alt={name ?? ''} height={40} /> : null}
              {name && !theme?.logo ? <span className="brand-name">{name}</span> : null}
            </div>
            <LanguageSwitcher />
          </>
        }
        banner={banner}
      >
        {children}
      </PageFrame>
      {theme?.supportEmail ? (
        <footer className="footer">
          <p>
            {t('app.support', { email: '\u0000' })
              .split('\u0000')
              .flatMap((part, i) =>
                i === 0
                  ? [part]
                  : [
                      <a key="mail" href={`mailto:${theme.supportEmail}`}>
                        {theme.supportEmail}
                      </a>,
                      part,
                    ],
              )}
          </p>
        </footer>
      ) : null}
    </>
  );
}
