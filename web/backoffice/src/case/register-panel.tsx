import type { CompanyRegister } from '../api/types.js';
import { Badge } from '../components/badge.js';
import { formatDateTime } from '../components/format.js';
import { ColumnHeads } from '../components/layout.js';
import { useI18n } from '../i18n/i18n.js';

/** The official register beside the form: each field compared, and the officers and owners the client did not declare. */
export function RegisterPanel({ register }: { register: CompanyRegister }) {
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
      <table className="data-table register-comparison">
        <caption className="visually-hidden">{t('register.comparisonCaption')}</caption>
        <ColumnHeads columns={[t('register.field'), t('register.form'), t('register.register'), t('register.match')]} />
        <tbody>
          {register.dataMatching.companyComparison.map((line) => (
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
