import { useState, type FormEvent } from 'react';
import type { Client } from '../api/client.js';
import { errorText } from '../components/error-text.js';
import { Field } from '../components/field.js';
import { useTitle } from '../components/use-load.js';
import { useI18n } from '../i18n/i18n.js';
import { BASE, Link } from '../router/router.js';
import { AuthLayout } from './auth-layout.js';

const MIN_LENGTH = 12;
const MAX_LENGTH = 256;

/** The one-time token arrives in the fragment (never sent to any server, nor in a Referer); it is taken out of the address bar at once. */
function takeToken(): string | null {
  const token = new URLSearchParams(window.location.hash.slice(1)).get('token');
  if (window.location.hash) window.history.replaceState(null, '', window.location.pathname);
  return token;
}

let taken: string | null | undefined;

/** Sets the password from a link made by `openkyb managers create|reset` or by an admin. */
export default function SetPasswordPage({ client }: { client: Client }) {
  const { t } = useI18n();
  useTitle(t('setPassword.title'));
  // Read once per page load: React may render twice, the fragment is gone after the first.
  if (taken === undefined) taken = takeToken();
  const [token] = useState(taken);
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [problem, setProblem] = useState<{ field: 'password' | 'repeat' | null; text: string } | null>(null);
  const [isDone, setDone] = useState(false);
  const [isBusy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (password.length < MIN_LENGTH || password.length > MAX_LENGTH)
      return setProblem({ field: 'password', text: t('setPassword.length', { min: MIN_LENGTH, max: MAX_LENGTH }) });
    if (password !== repeat) return setProblem({ field: 'repeat', text: t('setPassword.mismatch') });
    setBusy(true);
    setProblem(null);
    try {
      await client.setPassword(token!, password);
      setDone(true);
    } catch (error) {
      setProblem({ field: null, text: errorText(t, error) });
    } finally {
      setBusy(false);
    }
  };

  if (!token) {
    return (
      <AuthLayout title={t('setPassword.title')}>
        <p className="note">{t('setPassword.noToken')}</p>
      </AuthLayout>
    );
  }
  if (isDone) {
    return (
      <AuthLayout title={t('setPassword.title')}>
        <p role="status">{t('setPassword.done')}</p>
        <p>
          <Link className="button primary" href={`${BASE}/sign-in`}>
            {t('setPassword.toSignIn')}
          </Link>
        </p>
      </AuthLayout>
    );
  }
  return (
    <AuthLayout title={t('setPassword.title')}>
      {problem && problem.field === null ? (
        <p className="field-error form-error" role="alert">
          {problem.text}
        </p>
      ) : null}
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Field
          id="new-password"
          label={t('setPassword.password')}
          hint={t('setPassword.length', { min: MIN_LENGTH, max: MAX_LENGTH })}
          isRequired
          error={problem?.field === 'password' ? problem.text : null}
        >
          {(control) => <input {...control} type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} />}
        </Field>
        <Field id="repeat-password" label={t('setPassword.repeat')} isRequired error={problem?.field === 'repeat' ? problem.text : null}>
          {(control) => <input {...control} type="password" autoComplete="new-password" value={repeat} onChange={(e) => setRepeat(e.target.value)} />}
        </Field>
        <button type="submit" className="button primary" disabled={isBusy}>
          {t('setPassword.submit')}
        </button>
      </form>
    </AuthLayout>
  );
}
