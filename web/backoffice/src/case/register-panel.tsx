import type { CompanyRegister } from '../api/types.js';
import { Badge } from '../components/badge.js';
import { formatDateTime } from '../components/format.js';
import { ColumnHeads } from '../components/layout.js';
import { useI18n } from '../i18n/i18n.js';

type ComparisonLine = NonNullable<CompanyRegister['dataMatching']>['companyComparison'][number];

/** Form values against the register's, a line per field, with the comparison's verdict. */
function ComparisonTable({ className, caption, registerHead, lines }: { className: string; caption: string; registerHead: string; lines: ComparisonLine[] }) {
  const { t } = useI18n();
  return (
    <table className={`data-table ${className}`}>
      <caption className="visually-hidden">{caption}</caption>
      <ColumnHeads columns={[t('register.field'), t('register.form'), registerHead, t('register.match')]} />
      <tbody>
        {lines.map((line) => (
          <tr key={line.field} data-field={line.field}>
            <th scope="row">{t(`register.field.${line.field}`)}</th>
            <td>{line.systemValue ?? '—'}</td>
            <td>{line.reportValue ?? '—'}</td>
            <td>
              <span
                className={`badge match-${line.match ?? 'NONE'}${line.match === 'NO_MATCH' ? ' tone-error' : line.match === 'PARTIAL_MATCH' ? ' tone-warning' : line.match === 'MATCH' ? ' tone-success' : ''}`}
              >
                {t(`register.match.${line.match ?? 'NONE'}`)}
              </span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A GOV1/GOV2 session's pick: which company the client chose, when, and what the form changed since. */
function PickSection({ pick }: { pick: NonNullable<CompanyRegister['pick']> }) {
  const { t, locale } = useI18n();
  const changed = pick.formComparison.filter((line) => line.match !== 'MATCH');
  return (
    <section className="register-pick" aria-labelledby="register-pick-title">
      <h3 id="register-pick-title">{t('register.pick.title')}</h3>
      <p>
        {t('register.pick.source', {
          mode: pick.mode,
          name: pick.companyName,
          country: pick.country,
          number: pick.registrationNumber,
          provider: pick.provider,
          time: formatDateTime(locale, pick.pickedAt),
        })}
      </p>
      {pick.lockedFields.length > 0 && <p className="muted">{t('register.pick.locked', { fields: pick.lockedFields.join(', ') })}</p>}
      {changed.length === 0 ? (
        <p className="empty">{t('register.pick.unchanged')}</p>
      ) : (
        <>
          <p className="note">{t('register.pick.changed', { count: String(changed.length) })}</p>
          <ComparisonTable
            className="register-pick-changes"
            caption={t('register.pick.changesCaption')}
            registerHead={t('register.pick.picked')}
            lines={changed}
          />
        </>
      )}
    </section>
  );
}

/** The official register beside the form: the client's pick (GOV1/GOV2), each field compared, and the officers and owners the client did not declare. */
export function RegisterPanel({ register }: { register: CompanyRegister }) {
  const { t } = useI18n();
  if (!register.pick) return <RegisterCheck register={register} />;
  return (
    <>
      <PickSection pick={register.pick} />
      <h3>{t('register.checkTitle')}</h3>
      <RegisterCheck register={register} />
    </>
  );
}

function RegisterCheck({ register }: { register: CompanyRegister }) {
  const { t, locale } = useI18n();
  if (register.status === 'NOT_CHECKED') return <p className="empty">{t('register.NOT_CHECKED')}</p>;
  const source = register.checkedAt ? t('register.checked', { provider: register.provider ?? '—', time: formatDateTime(locale, register.checkedAt) }) : '';
  if (register.status !== 'FOUND' || !register.dataMatching) {
    return (
      <p className="note">
        {t(`register.${register.status}`)} <span className="muted">{source}</span>
      </p>
    );
  }
  return (
    <>
      <p className="muted">{source}</p>
      <ComparisonTable
        className="register-comparison"
        caption={t('register.comparisonCaption')}
        registerHead={t('register.register')}
        lines={register.dataMatching.companyComparison}
      />
      <h3>{t('register.undeclared')}</h3>
      {register.undeclaredPersons.length === 0 ? (
        <p className="empty">{t('register.undeclaredNone')}</p>
      ) : (
        <>
          <p className="note">{t('register.undeclaredNote')}</p>
          <ul className="register-undeclared">
            {register.undeclaredPersons.map((person) => (
              <li key={person.key} data-key={person.key}>
                <strong>{person.name}</strong>{' '}
                <span className="muted">
                  {[
                    person.roles.map((role) => t(`register.role.${role}`)).join(', '),
                    person.positions.join(', '),
                    person.natureOfControl.join(', '),
                    person.birthMonth ? t('register.born', { month: person.birthMonth }) : '',
                    person.nationality ?? '',
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </span>{' '}
                <Badge kind="aml" value={person.sanctionsCheckStatus}>
                  {t(`aml.${person.sanctionsCheckStatus}`)}
                </Badge>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
