import { useI18n } from '../i18n/i18n.js';
import { errorText } from './error-text.js';
import type { ActionMessage } from './use-action.js';
import type { Loaded } from './use-load.js';

/** An error under a form or a table, announced when it appears. */
export function ErrorMessage({ error }: { error: string | null }) {
  return error ? (
    <p className="field-error" role="alert">
      {error}
    </p>
  ) : null;
}

/** The outcome of a button's action (useAction): an alert when it failed, a status when it worked. */
export function ActionOutcome({ message }: { message: ActionMessage | null }) {
  return message ? (
    <p className={`message tone-${message.tone}`} role={message.tone === 'error' ? 'alert' : 'status'}>
      {message.text}
    </p>
  ) : null;
}

/** A secret or one-time link shown once (an API secret, a set-password link, recovery codes): the server keeps only a hash. */
export function ShownOnce({ id, label, value, hint, multiline }: { id: string; label: string; value: string; hint: string; multiline?: boolean }) {
  return (
    <div className="once-link tone-success" role="status">
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea id={id} readOnly value={value} rows={value.split('\n').length} onFocus={(e) => e.target.select()} />
      ) : (
        <input id={id} readOnly value={value} onFocus={(e) => e.target.select()} />
      )}
      <p className="hint">{hint}</p>
    </div>
  );
}

/** What a list still loading, or failed to load, shows under it. */
export function LoadState({ result }: { result: Loaded<unknown> }) {
  const { t } = useI18n();
  if (result.state === 'loading') return <p role="status">{t('app.loading')}</p>;
  return <ErrorMessage error={result.state === 'error' ? errorText(t, result.error) : null} />;
}
