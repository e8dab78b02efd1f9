import { Fragment, useState } from 'react';
import { errorText } from '../../components/error-text.js';
import { formatDateTime } from '../../components/format.js';
import { useLoad } from '../../components/use-load.js';
import { useI18n } from '../../i18n/i18n.js';
import { DataTable, ErrorMessage, Panel, useAction, useSettingsApi } from '../common.js';
import type { WebhookDeliveryDetail } from '../settings-api.js';

/** The latest deliveries; each opens its attempts, and a failed or delivered one can be sent again. */
export function Deliveries() {
  const { t, locale } = useI18n();
  const api = useSettingsApi();
  const { result, reload } = useLoad(() => api.deliveries(), 'deliveries');
  const [open, setOpen] = useState<WebhookDeliveryDetail | null>(null);
  const action = useAction();
  const at = (iso: string | null) => (iso ? formatDateTime(locale, iso) : '—');

  const show = (id: string) =>
    void action.run(async () => {
      setOpen(open?.id === id ? null : await api.delivery(id));
    });
  const resend = (id: string) =>
    void action.run(async () => {
      await api.resend(id);
      setOpen(null);
      await reload();
    });

  return (
    <Panel id="deliveries" title={t('webhooks.deliveries')}>
      <div className="row-actions">
        <button type="button" className="button secondary small" onClick={() => void reload()}>
          {t('webhooks.refresh')}
        </button>
      </div>
      <ErrorMessage error={action.error} />
      {result.state === 'error' ? <ErrorMessage error={errorText(t, result.error)} /> : null}
      <DataTable
        caption={t('webhooks.deliveries')}
        columns={[t('webhooks.event'), t('webhooks.status'), t('webhooks.attempts'), t('webhooks.lastAttempt'), t('settings.actions')]}
      >
        {result.state === 'done'
          ? result.data.results.map((d) => (
              <Fragment key={d.id}>
                <tr>
                  <th scope="row">{d.eventType}</th>
                  <td>
                    <span className={`badge delivery-${d.status}`}>{t(`webhooks.status.${d.status}`)}</span>
                    {d.lastStatusCode !== null ? ` HTTP ${d.lastStatusCode}` : ''}
                  </td>
                  <td>{d.attemptCount}</td>
                  <td>{at(d.lastAttemptAt)}</td>
                  <td className="row-actions">
                    <button
                      type="button"
                      className="button secondary small"
                      aria-expanded={open?.id === d.id}
                      aria-controls={open?.id === d.id ? `attempts-${d.id}` : undefined}
                      onClick={() => show(d.id)}
                    >
                      {t('webhooks.showAttempts')}
                    </button>
                    {d.status === 'pending' ? null : (
                      <button type="button" className="button secondary small" disabled={action.isBusy} onClick={() => resend(d.id)}>
                        {t('webhooks.resend')}
                      </button>
                    )}
                  </td>
                </tr>
                {open?.id === d.id ? (
                  <tr id={`attempts-${d.id}`}>
                    <td colSpan={5}>
                      {open.attempts.length === 0 ? (
                        <p className="note">{t('webhooks.noAttempts')}</p>
                      ) : (
                        <ol className="attempts">
                          {open.attempts.map((a, i) => (
                            <li key={i}>
                              {t('webhooks.attempt', {
                                at: at(a.attemptedAt),
                                status: a.statusCode === null ? '—' : String(a.statusCode),
                                ms: a.durationMs,
                              })}
                              {a.error ? <span className="field-error"> {a.error}</span> : null}
                            </li>
                          ))}
                        </ol>
                      )}
                    </td>
                  </tr>
                ) : null}
              </Fragment>
            ))
          : null}
      </DataTable>
      {result.state === 'done' && result.data.results.length === 0 ? <p className="note">{t('webhooks.noDeliveries')}</p> : null}
    </Panel>
  );
}
