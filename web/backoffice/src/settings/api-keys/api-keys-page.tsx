import { useState, type FormEvent } from 'react';
import { Field } from '../../components/field.js';
import { formatDateTime } from '../../components/format.js';
import { useLoad, useTitle } from '../../components/use-load.js';
import { errorText } from '../../components/error-text.js';
import { useI18n } from '../../i18n/i18n.js';
import { DataTable, ErrorMessage, Panel, ShownOnce, useAction, useSettingsApi } from '../common.js';
import type { ApiKeyCreated } from '../settings-api.js';

/** The partner's key pairs: a new one's secret is shown once; revoking stops it on the next request. */
export default function ApiKeysPage() {
  const { t, locale } = useI18n();
  const api = useSettingsApi();
  useTitle(t('apiKeys.title'));
  const { result, reload } = useLoad(() => api.apiKeys().then((r) => r.results), 'api-keys');
  const [label, setLabel] = useState('');
  const [created, setCreated] = useState<ApiKeyCreated | null>(null);
  const action = useAction();

  const create = (event: FormEvent) => {
    event.preventDefault();
    void action.run(async () => {
      setCreated(await api.createApiKey(label.trim() || null));
      setLabel('');
      await reload();
    });
  };
  const revoke = (keyId: string, apiKey: string) => {
    if (!window.confirm(t('apiKeys.revokeConfirm', { key: apiKey }))) return;
    void action.run(async () => {
      await api.revokeApiKey(keyId);
      await reload();
    });
  };

  return (
    <>
      <h1 tabIndex={-1}>{t('apiKeys.title')}</h1>
      <p className="muted">{t('apiKeys.intro')}</p>
      <ErrorMessage error={action.error} />
      {created ? (
        <ShownOnce
          id="new-secret"
          label={t('apiKeys.secretFor', { key: created.apiKey })}
          value={`${created.apiKey}:${created.apiSecret}`}
          hint={t('apiKeys.secretOnce')}
        />
      ) : null}
      <DataTable caption={t('apiKeys.title')} columns={[t('apiKeys.key'), t('apiKeys.label'), t('apiKeys.created'), t('apiKeys.state'), t('settings.actions')]}>
        {result.state === 'done'
          ? result.data.map((key) => (
              <tr key={key.keyId}>
                <th scope="row">
                  <code>{key.apiKey}</code>
                </th>
                <td>{key.label ?? '—'}</td>
                <td>{formatDateTime(locale, key.createdAt)}</td>
                <td>{key.revokedAt ? t('apiKeys.revokedAt', { at: formatDateTime(locale, key.revokedAt) }) : t('apiKeys.active')}</td>
                <td className="row-actions">
                  {key.revokedAt ? null : (
                    <button
                      type="button"
                      className="button secondary small"
                      disabled={action.isBusy}
                      onClick={() => revoke(key.keyId, key.apiKey)}
                      aria-label={t('apiKeys.revokeNamed', { key: key.label ?? key.apiKey })}
                    >
                      {t('apiKeys.revoke')}
                    </button>
                  )}
                </td>
              </tr>
            ))
          : null}
      </DataTable>
      {result.state === 'loading' ? <p role="status">{t('app.loading')}</p> : null}
      {result.state === 'error' ? <ErrorMessage error={errorText(t, result.error)} /> : null}
      <Panel id="new-key" title={t('apiKeys.new')}>
        <form className="inline-form" onSubmit={create} noValidate>
          <Field id="key-label" label={t('apiKeys.label')} hint={t('apiKeys.labelHint')}>
            {(c) => <input {...c} value={label} maxLength={100} onChange={(e) => setLabel(e.target.value)} />}
          </Field>
          <button type="submit" className="button primary" disabled={action.isBusy}>
            {t('apiKeys.create')}
          </button>
        </form>
      </Panel>
    </>
  );
}
