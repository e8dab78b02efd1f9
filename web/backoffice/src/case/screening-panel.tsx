import { useState } from 'react';
import type { CompanyDetail, CompanyRegister, CompanyScreening } from '../api/types.js';
import { Facts } from '../components/facts.js';
import { formatDateTime } from '../components/format.js';
import { ErrorMessage } from '../components/messages.js';
import { useFormAction } from '../components/use-form-action.js';
import { useI18n } from '../i18n/i18n.js';
import { useSession } from '../session.js';
import { beneficiaryName } from './approval-blockers.js';
import { Badge } from '../components/badge.js';

type Subject = CompanyScreening['subjects'][number];
type Hit = Subject['hits'][number];

const PERSON_FIELDS = ['dateOfBirth', 'nationality', 'citizenship', 'country', 'countryOfResidence', 'personalNumber', 'documentNumber'] as const;
const COMPANY_FIELDS = ['registrationNumber', 'country', 'city'] as const;
/** An undeclared officer or owner from the register: what it gives (a birth month, not a date). */
const REGISTER_FIELDS = ['birthMonth', 'nationality', 'countryOfResidence', 'registrationNumber'] as const;

/** The subject's own data, to set beside each hit: what the reviewer compares. */
function subjectFacts(detail: CompanyDetail, register: CompanyRegister, subject: Subject): { name: string; facts: Array<[string, string]> } {
  const record = (info: object, keys: readonly string[]) =>
    keys.flatMap((key) => {
      const value = (info as Record<string, unknown>)[key];
      return typeof value === 'string' && value ? [[key, value] as [string, string]] : [];
    });
  if (subject.subjectType === 'COMPANY') return { name: detail.company.companyName, facts: record(detail.company, COMPANY_FIELDS) };
  if (subject.subjectType === 'REGISTER_PERSON') {
    const person = register.undeclaredPersons.find((p) => p.key === subject.subjectId);
    return person ? { name: person.name, facts: record(person, REGISTER_FIELDS) } : { name: subject.subjectId, facts: [] };
  }
  const b = detail.beneficiaries.find((x) => x.id === subject.subjectId);
  if (!b) return { name: subject.subjectId, facts: [] };
  return { name: beneficiaryName(b), facts: record(b.info, b.info.infoType === 'INDIVIDUAL' ? PERSON_FIELDS : COMPANY_FIELDS) };
}

/** Every screened subject with every hit beside the subject's data; an open hit can be resolved here. */
export function ScreeningPanel({
  detail,
  screening,
  register,
  canResolve,
  onChanged,
}: {
  detail: CompanyDetail;
  screening: CompanyScreening;
  register: CompanyRegister;
  canResolve: boolean;
  onChanged(): Promise<void>;
}) {
  const { t, locale } = useI18n();
  if (screening.subjects.length === 0) return <p className="empty">{screening.isPending ? t('screening.pending') : t('screening.none')}</p>;
  return (
    <>
      {screening.isPending ? <p className="note">{t('screening.pending')}</p> : null}
      {screening.subjects.map((subject) => {
        const { name, facts } = subjectFacts(detail, register, subject);
        return (
          <section key={subject.subjectId} className="subject" aria-labelledby={`subject-${subject.subjectId}`}>
            <h3 id={`subject-${subject.subjectId}`}>
              {name}{' '}
              <Badge kind="aml" value={subject.status}>
                {t(`aml.${subject.status}`)}
              </Badge>
            </h3>
            <p className="muted">
              {t('screening.lists', { lists: subject.lists.map((l) => `${l.source} ${l.publishedAt ?? ''} (${l.sha256.slice(0, 12)})`).join(', ') || '—' })}
              {subject.checkedAt ? ` · ${t('screening.checkedAt', { time: formatDateTime(locale, subject.checkedAt) })}` : ''}
            </p>
            {subject.hits.length === 0 ? <p>{t('screening.noHits')}</p> : null}
            {subject.hits.map((hit) => (
              <div key={hit.id} className="hit">
                <div className="hit-columns">
                  <Facts
                    items={[[t('screening.subject'), name], ...facts.map(([key, value]): [string, string] => [t(`fact.${key}` as 'fact.country'), value])]}
                  />
                  <Facts
                    items={[
                      [
                        t('screening.listed'),
                        <>
                          <strong>{hit.match.listedName}</strong> ({hit.match.entityKind}, {hit.entityId})
                        </>,
                      ],
                      [t('screening.score'), `${Math.round(hit.score * 100)} / 100`],
                      [
                        t('screening.why'),
                        (hit.match.tokenPairs.map((p) => `${p.query} ≈ ${p.listed} (${Math.round(p.similarity * 100)})`).join(', ') || '—') +
                          hit.match.qualifiers.map((q) => `; ${q.type}: ${q.outcome} (${q.detail})`).join(''),
                      ],
                    ]}
                  />
                </div>
                {hit.resolution ? (
                  <p className="resolution">
                    {t('screening.resolved', { resolution: t(`resolution.${hit.resolution}` as 'resolution.FALSE_POSITIVE') })}
                    {hit.resolutionComment ? ` — ${hit.resolutionComment}` : ''}
                  </p>
                ) : canResolve ? (
                  <ResolveForm hit={hit} onChanged={onChanged} />
                ) : (
                  <p className="muted">{t('screening.open')}</p>
                )}
              </div>
            ))}
          </section>
        );
      })}
    </>
  );
}

function ResolveForm({ hit, onChanged }: { hit: Hit; onChanged(): Promise<void> }) {
  const { t } = useI18n();
  const { client } = useSession();
  const [resolution, setResolution] = useState<'FALSE_POSITIVE' | 'TRUE_POSITIVE' | null>(null);
  const [comment, setComment] = useState('');
  const { isBusy, error, submit } = useFormAction();
  const resolve = submit(async () => {
    if (!resolution) return t('screening.pickResolution');
    await client.resolveHit(hit.id, resolution, comment.trim());
    await onChanged();
  });
  return (
    <form className="resolve-form" onSubmit={resolve}>
      <fieldset>
        <legend>{t('screening.resolveLegend', { name: hit.match.listedName })}</legend>
        <label className="choice">
          <input type="radio" name={`resolution-${hit.id}`} checked={resolution === 'FALSE_POSITIVE'} onChange={() => setResolution('FALSE_POSITIVE')} />
          {t('resolution.FALSE_POSITIVE')}
        </label>
        <label className="choice">
          <input type="radio" name={`resolution-${hit.id}`} checked={resolution === 'TRUE_POSITIVE'} onChange={() => setResolution('TRUE_POSITIVE')} />
          {t('resolution.TRUE_POSITIVE')}
        </label>
      </fieldset>
      <label htmlFor={`comment-${hit.id}`}>{t('screening.comment')}</label>
      <textarea id={`comment-${hit.id}`} value={comment} maxLength={10_000} rows={2} onChange={(e) => setComment(e.target.value)} />
      <ErrorMessage error={error} />
      <button type="submit" className="button primary small" disabled={isBusy}>
        {t('screening.resolve')}
      </button>
    </form>
  );
}
