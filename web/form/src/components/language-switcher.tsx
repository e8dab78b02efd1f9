import { LOCALES, isLocale, useI18n } from '../i18n/i18n.js';
import { languageName } from '../../../shared/i18n/format.js';

/** Each language is named in itself, so anyone can find their own. */
export function LanguageSwitcher() {
  const { t, locale, setLocale } = useI18n();
  return (
    <div className="language">
      <label htmlFor="language">{t('app.language')}</label>
      <select
        id="language"
        value={locale}
        onChange={(e) => {
          if (isLocale(e.target.value)) setLocale(e.target.value);
        }}
      >
        {LOCALES.map((code) => (
          <option key={code} value={code} lang={code}>
            {languageName(code)}
          </option>
        ))}
      </select>
    </div>
  );
}
