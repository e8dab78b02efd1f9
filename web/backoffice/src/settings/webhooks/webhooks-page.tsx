import { useState, type FormEvent } from 'react';
import { WEBHOOK_EVENT_TYPES } from '../../../../../src/shared/enums.js';
import { errorText } from '../../components/error-text.js';
import { Field } from '../../components/field.js';
import { useLoad, useTitle } from '../../components/use-load.js';
import { useI18n } from '../../i18n/i18n.js';
import { DataTable, ErrorMessage, Panel, ShownOnce, useAction, useSettingsApi } from '../common.js';
import type { WebhookWithKey } from '../settings-api.js';
import { Deliveries } from './deliveries.js';

type EventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** Endpoints (a new one's signing key shown once), and the recent deliveries to them with their attempts. */
export default function WebhooksPage() {
  const { t } = useI18n();
  const api = useSettingsApi();
  useTitle(t('webhooks.title'));
  const { result, reload } = useLoad(() => api.webhooks(), 'webhooks');
  const [url, setUrl] = useState('');
  const [name, setName] = useState('');
  const [events, setEvents] = useState<EventType[]>([...WEBHOOK_EVENT_TYPES]);
  const [created, setCreated] = useState<WebhookWithKey | null>(null);
  const [deliveriesKey, setDeliveriesKey] = useState(0);
  const action = useAction();

  const create = (event: FormEvent) => {
    event.preventDefault();
    void action.run(async () => {
      setCreated(await api.createWebhook({ url: url.trim(), ...(name.trim() ? { name: name.trim() } : {}), eventTypes: events }));
      setUrl('');
      setName('');
      await reload();
    });
  };
  const toggle = (type: EventType) => setEvents((now) => (now.includes(type) ? now.filter((e) => e !== type) : [...now, type]));
  const refreshAfter = (work: () => Promise<unknown>) =>
    void action.run(async () => {
      await work();
      await reload();
      setDeliveriesKey((k) => k + 1);
    });

  return (
    <>
      <h1 tabIndex={-1}>{t('webhooks.title')}</h1>
      <ErrorMessage error={action.error} />
      {created ? (
        <ShownOnce id="signing-key" label={t('webhooks.keyFor', { url: created.url })} value={created.signingKey} hint={t('webhooks.keyOnce')} />
      ) : null}
      <DataTable caption={t('webhooks.endpoints')} columns={[t('webhooks.url'), t('webhooks.events'), t('webhooks.state'), t('settings.actions')]}>
        {result.state === 'done'
          ? result.data.map((hook) => (
              <tr key={hook.id}>
                <th scope="row">
                  {hook.name ? <span className="block">{hook.name}</span> : null}
                  <code>{hook.url}</code>
                </th>
                <td>{hook.eventTypes.join(', ')}</td>
                <td>{hook.isActive ? t('webhooks.active') : t('webhooks.paused')}</td>
                <td className="row-actions">
                  <button
                    type="button"
                    className="button secondary small"
                    disabled={action.isBusy}
                    onClick={() => refreshAfter(() => api.testWebhook(hook.id))}
                    aria-label={t('webhooks.testNamed', { url: hook.url })}
                  >
                    {t('webhooks.test')}
                  </button>
                  <button
                    type="button"
                    className="button secondary small"
                    disabled={action.isBusy}
                    onClick={() => refreshAfter(() => api.updateWebhook(hook.id, { isActive: !hook.isActive }))}
                    aria-label={t(hook.isActive ? 'webhooks.pauseNamed' : 'webhooks.resumeNamed', { url: hook.url })}
                  >
                    {t(hook.isActive ? 'webhooks.pause' : 'webhooks.resume')}
                  </button>
                  <button
                    type="button"
                    className="button secondary small"
                    disabled={action.isBusy}
                    onClick={() => window.confirm(t('webhooks.deleteConfirm', { url: hook.url })) && refreshAfter(() => api.deleteWebhook(hook.id))}
                    aria-label={t('webhooks.deleteNamed', { url: hook.url })}
                  >
                    {t('settings.delete')}
                  </button>
                </td>
              </tr>
            ))
          : null}
      </DataTable>
      {result.state === 'done' && result.data.length === 0 ? <p className="note">{t('webhooks.none')}</p> : null}
      {result.state === 'error' ? <ErrorMessage error={errorText(t, result.error)} /> : null}

      <Panel id="new-webhook" title={t('webhooks.new')}>
        <form className="stack-form" onSubmit={create} noValidate>
          <Field id="webhook-url" label={t('webhooks.url')} hint={t('webhooks.urlHint')} isRequired>
            {(c) => <input {...c} type="url" value={url} onChange={(e) => setUrl(e.target.value)} />}
          </Field>
          <Field id="webhook-name" label={t('webhooks.name')}>
            {(c) => <input {...c} value={name} maxLength={100} onChange={(e) => setName(e.target.value)} />}
          </Field>
          <Field id="webhook-events" label={t('webhooks.events')} isGroup isRequired>
            {() => (
              <div className="checkbox-grid">
                {WEBHOOK_EVENT_TYPES.map((type) => (
                  <label key={type} className="checkbox">
                    <input type="checkbox" checked={events.includes(type)} onChange={() => toggle(type)} /> {type}
                  </label>
                ))}
              </div>
            )}
          </Field>
          <button type="submit" className="button primary" disabled={action.isBusy}>
            {t('webhooks.create')}
          </button>
        </form>
      </Panel>
      <Deliveries key={deliveriesKey} />
    </>
  );
}
