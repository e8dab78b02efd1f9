import { formatDateTime } from '../components/format.js';
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

/** The file's type as the signed link declares it (the server sends it with that type, never sniffed). */
function mimeOf(url: string): string {
  try {
    return new URL(url, window.location.origin).searchParams.get('type') ?? '';
  } catch {
    return '';
  }
}

/** Images inline, PDFs in the page, anything else as a link; every preview has its download link. */
export function DocumentsPanel({ detail }: { detail: CompanyDetail }) {
  const { t, locale } = useI18n();
  if (detail.documents.length === 0) return <p className="empty">{t('documents.none')}</p>;
  return (
    <ul className="documents">
      {detail.documents.map((doc, i) => {
        const mime = mimeOf(doc.file);
        const title = `${t('documents.type', { type: doc.type })} · ${formatDateTime(locale, doc.created)}`;
        return (
          <li key={i} className="document">
            <p className="document-title">{title}</p>
            {mime.startsWith('image/') ? <img src={doc.file} alt={t('documents.preview', { type: doc.type })} loading="lazy" /> : null}
            {mime === 'application/pdf' ? (
              <object data={doc.file} type="application/pdf" className="pdf" aria-label={t('documents.preview', { type: doc.type })}>
                <p>{t('documents.noPdfViewer')}</p>
              </object>
            ) : null}
            <p>
              <a href={doc.file} target="_blank" rel="noreferrer noopener">
                {t('documents.open', { type: doc.type })}
              </a>
            </p>
          </li>
        );
      })}
    </ul>
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
