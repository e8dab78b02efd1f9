import type { ReactNode } from 'react';
import { useI18n, type MessageKey } from '../i18n/i18n.js';
import { countryName, formatDate, formatDateTime, formatNumber, formatPercent } from '../../../shared/i18n/format.js';
import { COMPANY_OWNER, type KybContext, type StepId } from '../wizard/data.js';
import { companyFieldRules, companySpec } from './field-specs.js';
import { beneficiaryName, docLabel } from './names.js';
import { ownValue } from '../../../../src/shared/records.js';
import { answerOf, applicability } from './questionnaire-logic.js';

/** What will be submitted, each part with a way back to change it. Values formatted per locale. */
export function ReviewSummary({ ctx }: { ctx: KybContext }) {
  const { t, locale } = useI18n();
  const { form, beneficiaries, documents, questionnaires, answers } = ctx.data;
  const company: Readonly<Record<string, unknown>> = form?.company ?? { companyName: '', country: '' };
  const custom = form?.company.additionalInfo;

  const show = (type: string, value: unknown, choices?: Array<{ key: string; title: string }>): string => {
    if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return t('value.none');
    if (Array.isArray(value))
      return value.map((v) => show(type === 'COUNTRY_MULTI' ? 'COUNTRY' : type === 'FILE_MULTI' ? 'FILE' : type, v, choices)).join(', ');
    if (typeof value === 'boolean') return t(value ? 'value.yes' : 'value.no');
    if (typeof value === 'number') return formatNumber(locale, value);
    const text = String(value);
    if (type === 'COUNTRY') return countryName(locale, text);
    if (type === 'DATE') return formatDate(locale, text);
    if (type === 'DATETIME') return formatDateTime(locale, text);
    if (type === 'PASSWORD') return '••••••';
    if (type === 'FILE') return t('value.savedFile', { n: 1 });
    return choices?.find((c) => c.key === text)?.title ?? text;
  };

  const section = (step: StepId, children: ReactNode, key: string = step, title = t(`step.${step}`)) => (
    <section key={key} className="review-block" aria-labelledby={`review-${key}`}>
      <div className="review-head">
        <h2 id={`review-${key}`}>{title}</h2>
        <button type="button" className="link-button" onClick={() => ctx.go(step)} aria-label={`${t('action.edit')}: ${t(`step.${step}`)}`}>
          {t('action.edit')}
        </button>
      </div>
      {children}
    </section>
  );

  const docsOf = (owner: string) => (documents[owner] ?? []).map((d) => `${docLabel(t, d.type)}: ${d.filename ?? ''}`);
  const allDocs = [...docsOf(COMPANY_OWNER), ...beneficiaries.flatMap((b) => docsOf(b.id).map((d) => `${d} (${beneficiaryName(b)})`))];

  return (
    <div className="summary">
      {section(
        'company',
        <dl>
          {companyFieldRules(ctx.info.flow).map((r) => {
            const spec = companySpec(r.field);
            return <Row key={r.field} label={t(`field.company.${r.field}` as MessageKey)} value={show(spec.type, ownValue(company, spec.prop))} />;
          })}
          {(ctx.info.flow?.fieldsCustom ?? []).map((c) => (
            <Row key={c.field.key} label={c.field.title} value={show(c.field.type, ownValue(custom, c.field.key)?.value, c.field.choices)} />
          ))}
        </dl>,
      )}
      {section(
        'ownership',
        beneficiaries.length === 0 ? (
          <p>{t('review.noOwners')}</p>
        ) : (
          <ul>
            {beneficiaries.map((b) => (
              <li key={b.id}>
                {beneficiaryName(b)}: {b.beneficiaryTypes.map((r) => t(`role.${r}` as MessageKey)).join(', ')}
                {b.ownershipPercentage != null ? `, ${formatPercent(locale, b.ownershipPercentage)}` : ''}
                {b.parent ? ` (${t('ownership.ownerOf', { name: beneficiaryName(beneficiaries.find((p) => p.id === b.parent) ?? b) })})` : ''}
              </li>
            ))}
          </ul>
        ),
      )}
      {section(
        'documents',
        allDocs.length === 0 ? (
          <p>{t('review.noDocuments')}</p>
        ) : (
          <ul>
            {allDocs.map((d, i) => (
              <li key={i}>{d}</li>
            ))}
          </ul>
        ),
      )}
      {questionnaires.map((q) => {
        const given = answers[q.id] ?? {};
        const applies = applicability(q, given);
        return section(
          'questionnaire',
          <dl>
            {q.sections.flatMap((s) =>
              s.questions
                .filter((x) => ownValue(ownValue(applies, s.key), x.key))
                .map((x) => <Row key={`${s.key}.${x.key}`} label={x.title} value={show(x.type, answerOf(given, s.key, x.key)?.value, x.choices)} />),
            )}
          </dl>,
          `q-${q.key}`,
          q.title,
        );
      })}
    </div>
  );
}

function Row({ label, value }: { label: string; value: string }) {
  return (
    <div className="row">
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}
