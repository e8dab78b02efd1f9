import { useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../../../shared/api/errors.js';
import type { Client } from '../api/client.js';
import type { SessionBody } from '../api/types.js';
import { errorText } from '../components/error-text.js';
import { Field } from '../components/field.js';
import { formatDateTime } from '../components/format.js';
import { useTitle } from '../components/use-load.js';
import { useI18n } from '../i18n/i18n.js';
import { AuthLayout } from './auth-layout.js';

type Step = 'password' | 'totp';

/**
 * E-mail and password; when the account has two-factor sign-in the server answers
 * TOTP_REQUIRED and the page asks for the code (or a recovery code) with the same credentials.
 */
export function SignInPage({ client, reason, onSignedIn }: { client: Client; reason: 'expired' | 'signedOut' | null; onSignedIn(session: SessionBody): void }) {
  const { t, locale } = useI18n();
  useTitle(t('signIn.title'));
  const [step, setStep] = useState<Step>('password');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [useRecovery, setUseRecovery] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const errorRef = useRef<HTMLParagraphElement>(null);

  // The server names the unlock time as an ISO instant; the page shows it in the reader's time.
  const lockedText = (message: string) => {
    const until = /\d{4}-\d{2}-\d{2}T[\d:.]+Z/.exec(message)?.[0];
    return until ? t('signIn.lockedUntil', { time: formatDateTime(locale, until) }) : t('signIn.locked', { detail: message });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const second = step === 'totp' ? (useRecovery ? { recoveryCode: code.trim() } : { totp: code.replace(/\s/g, '') }) : {};
      onSignedIn(await client.signIn({ email: email.trim(), password, ...second }));
    } catch (caught) {
      if (caught instanceof ApiError && caught.identifier === 'TOTP_REQUIRED') {
        setStep('totp');
        setCode('');
      } else {
        setError(
          caught instanceof ApiError && caught.identifier === 'SIGN_IN_FAILED'
            ? t(step === 'totp' ? 'signIn.failedCode' : 'signIn.failed')
            : caught instanceof ApiError && caught.identifier === 'ACCOUNT_LOCKED'
              ? lockedText(caught.message)
              : errorText(t, caught),
        );
        requestAnimationFrame(() => errorRef.current?.focus());
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <AuthLayout title={t('signIn.title')}>
      {reason ? (
        <p className="note" role="status">
          {t(reason === 'expired' ? 'signIn.expired' : 'signIn.signedOut')}
        </p>
      ) : null}
      {error ? (
        <p className="field-error form-error" role="alert" tabIndex={-1} ref={errorRef}>
          {error}
        </p>
      ) : null}
      <form onSubmit={(e) => void submit(e)} noValidate>
        {step === 'password' ? (
          <>
            <Field id="email" label={t('signIn.email')} isRequired>
              {(control) => <input {...control} type="email" autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} autoFocus />}
            </Field>
            <Field id="password" label={t('signIn.password')} isRequired>
              {(control) => (
                <input {...control} type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
              )}
            </Field>
          </>
        ) : (
          <>
            <p>{t(useRecovery ? 'signIn.recoveryIntro' : 'signIn.totpIntro')}</p>
            <Field id="code" label={t(useRecovery ? 'signIn.recoveryCode' : 'signIn.totp')} isRequired>
              {(control) => (
                <input
                  {...control}
                  type="text"
                  inputMode={useRecovery ? 'text' : 'numeric'}
                  autoComplete="one-time-code"
                  value={code}
                  onChange={(e) => setCode(e.target.value)}
                  autoFocus
                />
              )}
            </Field>
            <p>
              <button type="button" className="link-button" onClick={() => setUseRecovery(!useRecovery)}>
                {t(useRecovery ? 'signIn.useTotp' : 'signIn.useRecovery')}
              </button>
            </p>
          </>
        )}
        <button type="submit" className="button primary" disabled={isBusy}>
          {t('signIn.submit')}
        </button>
      </form>
    </AuthLayout>
  );
}
