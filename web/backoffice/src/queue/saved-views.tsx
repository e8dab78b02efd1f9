import { useState, type FormEvent } from 'react';
import type { SavedView } from '../api/types.js';
import { ActionOutcome } from '../components/messages.js';
import { useAction } from '../components/use-action.js';
import { useLoad } from '../components/use-load.js';
import { useI18n } from '../i18n/i18n.js';
import { BASE, Link } from '../router/router.js';
import { useSession } from '../session.js';
import { formatView, type QueueView } from './url-state.js';

const MAX_NAME = 80;

/** The signed-in manager's saved views: open one (its URL state), save the current one under a name, rename, delete. */
export function SavedViews({ view }: { view: QueueView }) {
  const { t } = useI18n();
  const { client } = useSession();
  const { result, reload } = useLoad(() => client.savedViews().then((r) => r.results), 'saved-views');
  const { busy, message, run } = useAction(reload);
  const [name, setName] = useState('');
  const [renaming, setRenaming] = useState<{ id: string; name: string } | null>(null);
  // A saved view opens on its first page.
  const current = formatView({ ...view, page: 1 }).replace(/^\?/, '');
  const views = result.state === 'done' ? result.data : [];

  const save = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    void run('save', () => client.saveView(trimmed, current).then(() => setName('')), t('views.savedAs', { name: trimmed }));
  };
  const rename = (event: FormEvent, saved: SavedView) => {
    event.preventDefault();
    const next = renaming?.name.trim() ?? '';
    void run(`rename-${saved.id}`, () => client.renameView(saved.id, next).then(() => setRenaming(null)), t('views.renamed', { name: next }));
  };

  return (
    <section className="saved-views" aria-labelledby="saved-views-title">
      <h2 id="saved-views-title">{t('views.title')}</h2>
      {views.length === 0 && result.state === 'done' ? <p className="muted">{t('views.none')}</p> : null}
      <ul className="saved-view-list">
        {views.map((saved) => (
          <li key={saved.id}>
            {renaming?.id === saved.id ? (
              <form className="inline-add" onSubmit={(e) => rename(e, saved)}>
                <label className="visually-hidden" htmlFor={`rename-${saved.id}`}>
                  {t('views.newName', { name: saved.name })}
                </label>
                <input
                  id={`rename-${saved.id}`}
                  value={renaming.name}
                  maxLength={MAX_NAME}
                  required
                  onChange={(e) => setRenaming({ id: saved.id, name: e.target.value })}
                />
                <button type="submit" className="button primary small" disabled={busy !== null}>
                  {t('views.renameSave')}
                </button>
                <button type="button" className="button secondary small" onClick={() => setRenaming(null)}>
                  {t('views.cancel')}
                </button>
              </form>
            ) : (
              <>
                <Link href={`${BASE}/cases${saved.query ? `?${saved.query}` : ''}`} aria-current={saved.query === current ? 'page' : undefined}>
                  {saved.name}
                </Link>{' '}
                <button
                  type="button"
                  className="button secondary small"
                  onClick={() => setRenaming({ id: saved.id, name: saved.name })}
                  aria-label={t('views.renameNamed', { name: saved.name })}
                >
                  {t('views.rename')}
                </button>{' '}
                <button
                  type="button"
                  className="button secondary small"
                  disabled={busy !== null}
                  onClick={() => void run(`delete-${saved.id}`, () => client.deleteView(saved.id), t('views.deleted', { name: saved.name }))}
                  aria-label={t('views.deleteNamed', { name: saved.name })}
                >
                  {t('views.delete')}
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
      <form className="inline-add save-view" onSubmit={save}>
        <label htmlFor="view-name">{t('views.saveAs')}</label>
        <input id="view-name" value={name} maxLength={MAX_NAME} required onChange={(e) => setName(e.target.value)} />
        <button type="submit" className="button secondary" disabled={busy !== null || name.trim() === ''}>
          {t('views.save')}
        </button>
      </form>
      <ActionOutcome message={message} />
    </section>
  );
}
