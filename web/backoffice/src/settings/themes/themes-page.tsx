import { useEffect, useRef } from 'react';
import { THEME_COLORS } from '../../../../../src/shared/enums.js';
import { applyTheme, DEFAULT_COLORS } from '../../../../shared/theme/apply-theme.js';
import { Field } from '../../components/field.js';
import { useI18n, type MessageKey } from '../../i18n/i18n.js';
import { CatalogPage } from '../catalog-page.js';
import type { ThemeInput } from '../settings-api.js';
import { LogoUpload } from './logo-upload.js';

type ColorName = (typeof THEME_COLORS)[number];
const HEX = /^#([0-9a-f]{6}|[0-9a-f]{3})$/i;
const sixDigits = (hex: string) => (hex.length === 4 ? `#${[...hex.slice(1)].map((d) => d + d).join('')}` : hex);

/** The hosted form's own style sheet and tokens, themed by the draft, in a box of its own (applyTheme on that element only). */
function ThemePreview({ theme }: { theme: ThemeInput }) {
  const { t } = useI18n();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const valid = Object.fromEntries(Object.entries(theme.colors ?? {}).filter(([, v]) => typeof v === 'string' && HEX.test(v)));
    if (box.current) applyTheme({ ...theme, colors: valid }, box.current);
  }, [theme]);
  return (
    <div ref={box} className="theme-preview">
      <div className="theme-preview-head">
        {theme.logo ? <img src={theme.logo} alt={t('themes.logoAlt', { name: theme.companyName ?? theme.name })} height={32} /> : null}
        <strong>{theme.companyName || theme.name || '—'}</strong>
      </div>
      <p>{t('themes.sampleText')}</p>
      <p className="banner tone-error">{t('themes.sampleError')}</p>
      <p className="banner tone-success">{t('themes.sampleSuccess')}</p>
      <div className="row-actions">
        <span className="button primary">{t('themes.sampleNext')}</span>
        <span className="button secondary">{t('themes.sampleBack')}</span>
      </div>
      {theme.supportEmail ? <p className="hint">{t('themes.sampleSupport', { email: theme.supportEmail })}</p> : null}
    </div>
  );
}

function ThemeEditor({ draft, change }: { draft: ThemeInput; change(next: ThemeInput): void }) {
  const { t } = useI18n();
  const text = (key: 'name' | 'companyName' | 'logo' | 'supportEmail', value: string) =>
    change({ ...draft, [key]: key === 'name' ? value : value.trim() === '' ? null : value });
  const color = (name: ColorName, value: string | null) => change({ ...draft, colors: { ...draft.colors, [name]: value } });
  // An upload answers later: its url joins the draft as it is then, keeping edits made meanwhile.
  const latest = useRef(draft);
  latest.current = draft;
  return (
    <>
      <Field id="theme-name" label={t('settings.name')} isRequired>
        {(c) => <input {...c} value={draft.name} maxLength={100} onChange={(e) => text('name', e.target.value)} />}
      </Field>
      <Field id="theme-company" label={t('themes.companyName')}>
        {(c) => <input {...c} value={draft.companyName ?? ''} maxLength={32} onChange={(e) => text('companyName', e.target.value)} />}
      </Field>
      <Field id="theme-logo" label={t('themes.logo')} hint={t('themes.logoHint')}>
        {(c) => <input {...c} type="url" value={draft.logo ?? ''} onChange={(e) => text('logo', e.target.value)} />}
      </Field>
      <LogoUpload onUploaded={(url) => change({ ...latest.current, logo: url })} />
      <Field id="theme-email" label={t('themes.supportEmail')}>
        {(c) => <input {...c} type="email" value={draft.supportEmail ?? ''} onChange={(e) => text('supportEmail', e.target.value)} />}
      </Field>
      <fieldset className="colors">
        <legend>{t('themes.colors')}</legend>
        <p className="hint">{t('themes.colorsHint')}</p>
        {THEME_COLORS.map((name) => {
          const value = draft.colors?.[name] ?? null;
          const label = t(`themes.color.${name}` as MessageKey);
          return (
            <div key={name} className="color-row">
              <label htmlFor={`color-${name}`}>{label}</label>
              <input
                type="color"
                aria-label={t('themes.pick', { color: label })}
                value={sixDigits(value && HEX.test(value) ? value : DEFAULT_COLORS[name])}
                onChange={(e) => color(name, e.target.value)}
              />
              <input
                id={`color-${name}`}
                className="hex"
                value={value ?? ''}
                placeholder={DEFAULT_COLORS[name]}
                maxLength={7}
                aria-invalid={value !== null && !HEX.test(value) ? true : undefined}
                onChange={(e) => color(name, e.target.value.trim() || null)}
              />
            </div>
          );
        })}
      </fieldset>
    </>
  );
}

/** Themes: text, logo (a URL, as in iDenfy's ThemeCore, or an image uploaded to this server) and colours, with the form's look previewed as they change. */
export default function ThemesPage() {
  const { t } = useI18n();
  return (
    <CatalogPage
      kind="themes"
      api={(all) => all.themes}
      blank={() => ({ name: '', colors: {} })}
      toInput={(input) => ({ ...input, colors: input.colors ?? {} })}
      problems={(draft) =>
        Object.entries(draft.colors ?? {})
          .filter(([, v]) => typeof v === 'string' && !HEX.test(v))
          .map(([name, v]) => t('themes.badColor', { color: t(`themes.color.${name}` as MessageKey), value: String(v) }))
      }
      editor={(draft, change) => <ThemeEditor draft={draft} change={change} />}
      preview={(draft) => <ThemePreview theme={draft} />}
    />
  );
}
