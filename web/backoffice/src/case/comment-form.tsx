import { useState, type FormEvent, type RefObject } from 'react';
import { errorText } from '../components/error-text.js';
import { useI18n } from '../i18n/i18n.js';
import { useSession } from '../session.js';

export function CommentForm({
  companyId,
  inputRef,
  onAdded,
}: {
  companyId: string;
  inputRef: RefObject<HTMLTextAreaElement | null>;
  onAdded(): Promise<void>;
}) {
  const { t } = useI18n();
  const { client } = useSession();
  const [content, setContent] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!content.trim()) return setError(t('comments.empty'));
    setBusy(true);
    setError(null);
    try {
      await client.addComment(companyId, content.trim());
      setContent('');
      await onAdded();
    } catch (caught) {
      setError(errorText(t, caught));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="comment-form" onSubmit={(e) => void submit(e)} noValidate>
      <label htmlFor="comment">{t('comments.add')}</label>
      <textarea id="comment" ref={inputRef} rows={3} maxLength={10_000} value={content} onChange={(e) => setContent(e.target.value)} aria-keyshortcuts="c" />
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      <button type="submit" className="button secondary" disabled={isBusy}>
        {t('comments.submit')}
      </button>
    </form>
  );
}
