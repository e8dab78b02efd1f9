import { useState, type FormEvent } from 'react';
import './settings.css';
import { ApiError } from '../../../shared/api/errors.js';
import { Field } from '../components/field.js';
import { personName } from '../components/format.js';
import { useTitle } from '../components/use-load.js';
import { useI18n } from '../i18n/i18n.js';
import { useSession } from '../session.js';
import { ErrorMessage, Panel, Saved, ShownOnce, useAction, useSettingsApi } from './common.js';
import { AwayToggle } from '../managers/away-toggle.js';

type Step =
  { kind: 'start' } | { kind: 'enrolling'; secret: string; otpauthUrl: string } | { kind: 'enabled'; recoveryCodes: string[] | null } | { kind: 'disabled' };

const CODE = /^[0-9]{6}$/;

/**
 * The signed-in manager's own account: two-factor sign-in, and marking itself away. The authenticator app takes the
 * otpauth URI (or the secret) as text; there is no QR image, so no drawing library ships.
 */
export default function AccountPage() {
  const { t } = useI18n();
  const { manager } = useSession();
  const api = useSettingsApi();
  useTitle(t('account.title'));
  const [step, setStep] = useState<Step>({ kind: 'start' });
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState<string | null>(null);
  const action = useAction();

  const start = () =>
    void action.run(async () => {
      try {
        setStep({ kind: 'enrolling', ...(await api.startTotp()) });
      } catch (error) {
        // Already on: the only way forward is turning it off (with a code).
        if (error instanceof ApiError && error.status === 409) setStep({ kind: 'enabled', recoveryCodes: null });
        else throw error;
      }
    });
  const withCode = (event: FormEvent, then: (code: string) => Promise<void>) => {
    event.preventDefault();
    if (!CODE.test(code.trim())) return setCodeError(t('account.codeFormat'));
    setCodeError(null);
    void action.run(async () => {
      await then(code.trim());
      setCode('');
    });
  };
  const codeField = (
    <Field id="totp-code" label={t('account.code')} hint={t('account.codeHint')} error={codeError} isRequired>
      {(c) => <input {...c} inputMode="numeric" autoComplete="one-time-code" maxLength={6} value={code} onChange={(e) => setCode(e.target.value)} />}
    </Field>
  );

  return (
    <>
      <h1 tabIndex={-1}>{t('account.title')}</h1>
      <p>{t('account.who', { name: personName(manager) ?? '', email: manager.email })}</p>
      <Panel id="two-factor" title={t('account.totp')}>
        <ErrorMessage error={action.error} />
        {step.kind === 'start' || step.kind === 'disabled' ? (
          <>
            <Saved message={step.kind === 'disabled' ? t('account.turnedOff') : null} />
            <p>{t('account.totpIntro')}</p>
            <button type="button" className="button primary" disabled={action.isBusy} onClick={start}>
              {t('account.setUp')}
            </button>
          </>
        ) : null}
        {step.kind === 'enrolling' ? (
          <form onSubmit={(e) => withCode(e, async (c) => setStep({ kind: 'enabled', recoveryCodes: (await api.confirmTotp(c)).recoveryCodes }))} noValidate>
            <ol className="steps">
              <li>
                <p>{t('account.scan')}</p>
                <ShownOnce id="otpauth-uri" label={t('account.uri')} value={step.otpauthUrl} hint={t('account.uriHint')} />
                <p>
                  {t('account.secret')} <code>{step.secret}</code>
                </p>
              </li>
              <li>{codeField}</li>
            </ol>
            <button type="submit" className="button primary" disabled={action.isBusy}>
              {t('account.confirm')}
            </button>
          </form>
        ) : null}
        {step.kind === 'enabled' ? (
          <>
            <p className="banner tone-success" role="status">
              {t('account.isOn')}
            </p>
            {step.recoveryCodes ? (
              <ShownOnce
                id="recovery-codes"
                label={t('account.recoveryCodes')}
                value={step.recoveryCodes.join('\n')}
                hint={t('account.recoveryOnce')}
                multiline
              />
            ) : null}
            <form
              onSubmit={(e) =>
                withCode(e, async (c) => {
                  await api.disableTotp(c);
                  setStep({ kind: 'disabled' });
                })
              }
              noValidate
            >
              <h3>{t('account.turnOff')}</h3>
              {codeField}
              <button type="submit" className="button secondary" disabled={action.isBusy}>
                {t('account.turnOff')}
              </button>
            </form>
          </>
        ) : null}
      </Panel>
      <AwayToggle />
    </>
  );
}
