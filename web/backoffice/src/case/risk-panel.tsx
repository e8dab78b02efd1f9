import type { RiskAssessment } from '../api/types.js';
import { formatDateTime } from '../components/format.js';
import { ColumnHeads } from '../components/layout.js';
import { useI18n } from '../i18n/i18n.js';
import { Badge } from '../components/badge.js';

/** The score and level, and what each factor added to the score. */
export function RiskPanel({ risk }: { risk: RiskAssessment | null }) {
  const { t, locale } = useI18n();
  if (!risk) return <p className="empty">{t('risk.none')}</p>;
  return (
    <>
      <p className="risk-summary">
        <Badge kind="risk" value={risk.level}>
          {t(`risk.${risk.level}`)}
        </Badge>{' '}
        {t('risk.score', { score: risk.score })}
        <span className="muted"> · {t('risk.assessed', { time: formatDateTime(locale, risk.createdAt), version: risk.modelVersion })}</span>
      </p>
      {risk.floor ? <p className="note">{t('risk.floor', { level: t(`risk.${risk.floor.level}`), factor: risk.floor.factor })}</p> : null}
      <table className="data-table">
        <caption className="visually-hidden">{t('risk.caption')}</caption>
        <ColumnHeads columns={[t('risk.factor'), t('risk.contribution'), t('risk.explanation')]} />
        <tbody>
          {risk.factors.map((factor) => (
            <tr key={factor.factor}>
              <th scope="row">{factor.factor}</th>
              <td>
                <span className="bar" aria-hidden="true">
                  <span style={{ width: `${Math.min(100, (factor.contribution / Math.max(1, factor.weight)) * 100)}%` }} />
                </span>{' '}
                {t('risk.points', { points: Math.round(factor.contribution * 10) / 10, weight: factor.weight })}
              </td>
              <td>{factor.explanation}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
