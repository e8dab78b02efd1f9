import { useState, type FormEvent } from 'react';
import { ApiError } from '../../../shared/api/errors.js';
import { countryName, formatDate } from '../../../shared/i18n/format.js';
import type { RegistryCompany } from '../api/types.js';
import { Field } from '../components/field.js';
import { focusFirstError } from '../components/focus.js';
import { StepActions } from '../components/step-actions.js';
import { ValueInput } from '../components/value-input.js';
import { useI18n, type MessageKey } from '../i18n/i18n.js';
import { text, type Text } from '../i18n/text.js';
import { loadForm, type KybContext } from '../wizard/data.js';
import { SaveStatus, useSaver } from '../wizard/use-saver.js';

const NOT_ACTIVE: Partial<Record<string, MessageKey>> = {
  dissolved: 'register.status.dissolved',
  liquidation: 'register.status.liquidation',
  inactive: 'register.status.inactive',
};

type Search = { state: 'idle' } | { state: 'searching' } | { state: 'done'; results: RegistryCompany[] } | { state: 'unavailable' };

/**
 * GOV1/GOV2 sessions start here: the client finds the company in the official register and
 * picks it; the server reads the register itself and pre-fills the form (GOV2: the register's
 * details cannot be changed afterwards, so GOV2 picks once).
 */
export function RegisterStep({ ctx, onNext }: { ctx: KybContext; onNext: (() => void) | undefined }) {
  const { t, locale } = useI18n();
  const registry = ctx.registry!;
  const companyId = ctx.session?.companyId ?? ctx.data.form?.id ?? '';
  const [country, setCountry] = useState<string>(ctx.data.form?.company.country ?? registry.company?.country ?? '');
  const [q, setQ] = useState('');
  const [errors, setErrors] = useState<Record<string, Text | null>>({});
  const [search, setSearch] = useState<Search>({ state: 'idle' });
  const [isSearchingAgain, setSearchingAgain] = useState(false);
  const saver = useSaver(ctx);
  const picked = registry.company;
  const canSearch = !picked || (registry.mode === 'GOV1' && isSearchingAgain);

  const onSearch = async (event: FormEvent) => {
    event.preventDefault();
    const missing: Record<string, Text> = {};
    if (!country) missing.country = text('error.required');
    if (!q.trim()) missing.q = text('error.required');
    setErrors(missing);
    if (Object.keys(missing).length > 0) return focusFirstError();
    setSearch({ state: 'searching' });
    try {
      const answer = await ctx.client.searchRegistry(companyId, q.trim(), country);
      setSearch({ state: 'done', results: answer.results });
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return ctx.fail(error);
      if (error instanceof ApiError && error.fields) {
        // A country no register serves is the one refusal a client can meet here.
        setErrors(Object.fromEntries(Object.keys(error.fields).map((k) => [k, text(k === 'country' ? 'register.notServed' : 'error.invalid')])));
        setSearch({ state: 'idle' });
        return focusFirstError();
      }
      setSearch({ state: 'unavailable' });
    }
  };

  const pick = async (company: RegistryCompany) => {
    const result = await saver.run(() => ctx.client.pickCompany(companyId, { provider: company.provider, country, number: company.number }));
    // A register that fails now shows with a retry (SaveStatus); the results stay to pick again.
    if (!result.ok) return;
    ctx.setRegistry(result.value.registry);
    setSearchingAgain(false);
    setSearch({ state: 'idle' });
    // The pick created or changed the form (and in GOV2 its beneficiaries): load it whole.
    const loaded = await loadForm(ctx.client, companyId).catch(() => null);
    if (loaded) ctx.update(() => loaded);
    ctx.go('company');
  };

  return (
    <div className="register">
      <p className="intro">{t(registry.mode === 'GOV2' ? 'register.introLocked' : 'register.intro')}</p>
      {picked ? (
        <section className="note picked-company" aria-labelledby="picked-title">
          <h2 id="picked-title">{t('register.picked')}</h2>
          <CompanyCard company={picked} locale={locale} />
          {registry.mode === 'GOV1' && !isSearchingAgain ? (
            <button type="button" className="button secondary small" onClick={() => setSearchingAgain(true)}>
              {t('register.searchAgain')}
            </button>
          ) : null}
        </section>
      ) : null}
      {canSearch ? (
        <form className="register-search" noValidate onSubmit={onSearch} role="search">
          <Field id="register-country" label={t('register.country')} isRequired error={errors.country}>
            {(control) => <ValueInput type="COUNTRY" value={country} control={control} onChange={(v) => setCountry(String(v ?? ''))} />}
          </Field>
          <Field id="register-q" label={t('register.query')} isRequired error={errors.q}>
            {(control) => <ValueInput type="TEXT" value={q} maxLength={200} control={control} onChange={(v) => setQ(String(v ?? ''))} />}
          </Field>
          <button type="submit" className="button primary" disabled={search.state === 'searching'}>
            {t(search.state === 'searching' ? 'register.searching' : 'register.search')}
          </button>
        </form>
      ) : null}
      <div role="status" aria-live="polite">
        {canSearch && search.state === 'unavailable' ? <p className="field-error">{t('register.unavailable')}</p> : null}
        {canSearch && search.state === 'done' && search.results.length === 0 ? <p className="empty">{t('register.noResults')}</p> : null}
      </div>
      {canSearch && search.state === 'done' && search.results.length > 0 ? (
        <>
          <h2 id="register-results-title">{t('register.results')}</h2>
          <ul className="register-results" aria-labelledby="register-results-title">
            {search.results.map((company) => (
              <li key={`${company.provider}:${company.number}`} className="node-card">
                <CompanyCard company={company} locale={locale} />
                <button
                  type="button"
                  className="button secondary small"
                  aria-label={t('register.pickLabel', { name: company.name })}
                  onClick={() => void pick(company)}
                >
                  {t('register.pick')}
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <StepActions status={<SaveStatus state={saver.state} onRetry={() => void saver.retry()} />} onNext={picked ? onNext : undefined} />
    </div>
  );
}

function CompanyCard({ company, locale }: { company: RegistryCompany; locale: string }) {
  const { t } = useI18n();
  const notActive = NOT_ACTIVE[company.status];
  return (
    <div className="node-text">
      <strong>{company.name}</strong>
      <span className="node-meta">
        {[
          t('register.number', { number: company.number }),
          countryName(locale, company.country),
          company.incorporatedOn ? t('register.incorporated', { date: formatDate(locale, company.incorporatedOn) }) : null,
          company.address,
        ]
          .filter(Boolean)
          .join(' · ')}
      </span>
      {notActive ? <span className="field-error">{t(notActive)}</span> : null}
    </div>
  );
}
