import { Facts } from '../components/facts.js';
import type { CompanyDetail } from '../api/types.js';
import { useI18n } from '../i18n/i18n.js';

const SHOWN = [
  'registrationNumber',
  'country',
  'type',
  'region',
  'city',
  'street',
  'postcode',
  'operatingAddress',
  'postalAddress',
  'email',
  'phone',
  'website',
  'tin',
  'activityCode',
] as const;

const show = (value: unknown): string =>
  Array.isArray(value) ? value.join(', ') : value === null || value === undefined || value === '' ? '—' : String(value);

export function CompanyPanel({ detail }: { detail: CompanyDetail }) {
  const { t } = useI18n();
  const extra = Object.entries(detail.company.additionalInfo ?? {});
  return (
    <Facts
      className="facts grid"
      items={[
        ...SHOWN.map((key): [string, string] => [t(`company.${key}`), show(detail.company[key])]),
        [t('company.brandNames'), show(detail.company.brandNames)],
        ...extra.map(([key, value]): [string, string] => [key, show(value)]),
      ]}
    />
  );
}

export function QuestionnairePanel({ detail }: { detail: CompanyDetail }) {
  const { t } = useI18n();
  if (detail.questionnaires.length === 0) return <p className="empty">{t('questionnaire.none')}</p>;
  const answer = (value: string | string[] | boolean | null) =>
    value === null ? '—' : typeof value === 'boolean' ? t(value ? 'answer.yes' : 'answer.no') : Array.isArray(value) ? value.join(', ') : value;
  return (
    <>
      {detail.questionnaires.map((q) => (
        <div key={q.id}>
          <h3>{q.title || q.name}</h3>
          {q.sections.map((section, i) => (
            <div key={i}>
              <h4>{section.title}</h4>
              <Facts items={section.questions.map((question): [string, string] => [question.title, answer(question.value)])} />
            </div>
          ))}
        </div>
      ))}
    </>
  );
}
