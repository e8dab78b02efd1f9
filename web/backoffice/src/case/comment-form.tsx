import { useState, type RefObject } from 'react';
import { ErrorMessage } from '../components/messages.js';
import { useFormAction } from '../components/use-form-action.js';
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
  const { isBusy, error, submit } = useFormAction();
  const add = submit(async () => {
    if (!content.trim()) return t('comments.empty');
    await client.addComment(companyId, content.trim());
    setContent('');
    await onAdded();
  });
  return (
    <form className="comment-form" onSubmit={add} noValidate>
      <label htmlFor="comment">{t('comments.add')}</label>
      <textarea id="comment" ref={inputRef} rows={3} maxLength={10_000} value={content} onChange={(e) => setContent(e.target.value)} aria-keyshortcuts="c" />
      <ErrorMessage error={error} />
      <button type="submit" className="button secondary" disabled={isBusy}>
        {t('comments.submit')}
      </button>
    </form>
  );
}
