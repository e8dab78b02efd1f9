import { useState } from 'react';
import { can } from '../api/permissions.js';
import { ROLES, type ManagerListItem, type Role } from '../api/types.js';
import { Field } from '../components/field.js';
import { DataTable, Panel, ValueOptions } from '../components/layout.js';
import { ErrorMessage, LoadState, ShownOnce } from '../components/messages.js';
import { useFormAction } from '../components/use-form-action.js';
import { formatDateTime, personName } from '../components/format.js';
import { useLoad, useTitle } from '../components/use-load.js';
import { useI18n } from '../i18n/i18n.js';
import { useSession } from '../session.js';

/** Admins: the partner's managers, a new manager (with its set-password link), disable and reset. */
export default function ManagersPage() {
  const { t, locale } = useI18n();
  const { client, manager: me } = useSession();
  useTitle(t('managers.title'));
  const { result, reload } = useLoad(() => client.managers().then((r) => r.results), 'managers');
  const [form, setForm] = useState({ email: '', name: '', surname: '', role: 'reviewer' as Role });
  const [link, setLink] = useState<{ url: string; label: string } | null>(null);
  const { isBusy, error, run, submit } = useFormAction();
  const policy = useLoad(() => client.request<{ autoAssign: boolean }>('GET', '/v1/review-policy/'), 'review-policy');

  if (!can(me.role, 'admin')) {
    return (
      <>
        <h1 tabIndex={-1}>{t('managers.title')}</h1>
        <p className="note">{t('managers.adminOnly')}</p>
      </>
    );
  }

  const act = (action: () => Promise<void>) =>
    run(async () => {
      await action();
      await reload();
    });
  const create = submit(async () => {
    const created = await client.createManager({ ...form, email: form.email.trim(), name: form.name.trim(), surname: form.surname.trim() });
    setLink({ url: created.setPasswordUrl, label: t('managers.linkFor', { name: personName(created.manager) ?? '' }) });
    setForm({ email: '', name: '', surname: '', role: 'reviewer' });
    await reload();
  });
  const reset = (m: ManagerListItem) =>
    act(async () => {
      const answer = await client.resetManager(m.id);
      setLink({ url: answer.setPasswordUrl, label: t('managers.linkFor', { name: personName(m) ?? '' }) });
    });

  return (
    <>
      <h1 tabIndex={-1}>{t('managers.title')}</h1>
      <ErrorMessage error={error} />
      {link ? <ShownOnce id="once-link" label={link.label} value={link.url} hint={t('managers.linkOnce')} /> : null}
      <div className="field checkbox">
        <input
          id="auto-assign"
          type="checkbox"
          checked={policy.result.state === 'done' && policy.result.data.autoAssign}
          disabled={isBusy || policy.result.state !== 'done'}
          aria-describedby="auto-assign-hint"
          onChange={(e) => {
            const autoAssign = e.target.checked;
            void run(async () => {
              await client.request('PATCH', '/v1/review-policy/', { autoAssign });
              await policy.reload();
            });
          }}
        />
        <label htmlFor="auto-assign">{t('managers.autoAssign')}</label>
        <p className="hint" id="auto-assign-hint">
          {t('managers.autoAssignHint')}
        </p>
      </div>
      <DataTable
        caption={t('managers.caption')}
        columns={[t('managers.name'), t('managers.email'), t('managers.role'), t('managers.state'), t('managers.lastSignIn'), t('managers.actions')]}
      >
        {result.state === 'done'
          ? result.data.map((m) => (
              <tr key={m.id}>
                <th scope="row">{personName(m)}</th>
                <td>{m.email}</td>
                <td>{t(`role.${m.role}`)}</td>
                <td>
                  {m.disabled ? t('managers.disabled') : t('managers.active')}
                  {m.away ? ` · ${t('managers.away')}` : ''}
                  {m.totpEnabled ? ` · ${t('managers.totp')}` : ''}
                </td>
                <td>{m.lastSignInAt ? formatDateTime(locale, m.lastSignInAt) : '—'}</td>
                <td className="row-actions">
                  {(
                    [
                      ['disabled', m.disabled, m.id === me.id, 'managers.enable', 'managers.disable'],
                      ['away', m.away, false, 'managers.back', 'managers.markAway'],
                    ] as const
                  ).map(([flag, isOn, isSelf, onLabel, offLabel]) => (
                    <button
                      key={flag}
                      type="button"
                      className="button secondary small"
                      disabled={isBusy || isSelf}
                      onClick={() => void act(async () => void (await client.updateManager(m.id, { [flag]: !isOn })))}
                      aria-label={t(`${isOn ? onLabel : offLabel}Named`, { name: personName(m) ?? '' })}
                    >
                      {t(isOn ? onLabel : offLabel)}
                    </button>
                  ))}
                  <button
                    type="button"
                    className="button secondary small"
                    disabled={isBusy}
                    onClick={() => void reset(m)}
                    aria-label={t('managers.resetNamed', { name: personName(m) ?? '' })}
                  >
                    {t('managers.reset')}
                  </button>
                </td>
              </tr>
            ))
          : null}
      </DataTable>
      <LoadState result={result} />

      <Panel id="new-manager" title={t('managers.new')}>
        <form className="manager-form" onSubmit={create} noValidate>
          <Field id="manager-email" label={t('managers.email')} isRequired>
            {(c) => <input {...c} type="email" value={form.email} onChange={(e) => setForm({ ...form, email: e.target.value })} />}
          </Field>
          <Field id="manager-name" label={t('managers.firstName')} isRequired>
            {(c) => <input {...c} value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />}
          </Field>
          <Field id="manager-surname" label={t('managers.surname')} isRequired>
            {(c) => <input {...c} value={form.surname} onChange={(e) => setForm({ ...form, surname: e.target.value })} />}
          </Field>
          <Field id="manager-role" label={t('managers.role')} isRequired>
            {(c) => (
              <select {...c} value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value as Role })}>
                <ValueOptions values={ROLES} label={(role) => t(`role.${role}`)} />
              </select>
            )}
          </Field>
          <button type="submit" className="button primary" disabled={isBusy}>
            {t('managers.create')}
          </button>
        </form>
      </Panel>
    </>
  );
}
