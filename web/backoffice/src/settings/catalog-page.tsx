import { Fragment, useState, type FormEvent, type ReactNode } from 'react';
import { errorText } from '../components/error-text.js';
import { useLoad, useTitle } from '../components/use-load.js';
import { useI18n } from '../i18n/i18n.js';
import { ErrorMessage, Saved, useAction, useSettingsApi } from './common.js';
import type { SettingsApi } from './settings-api.js';

interface CatalogApi<T, In> {
  list(): Promise<T[]>;
  create(body: In): Promise<T>;
  replace(id: string, body: In): Promise<T>;
  remove(id: string): Promise<void>;
}

/** An entry as its editor sees it: what the partner wrote, without what the server stamps on it. */
export type Editable<T> = Omit<T, 'id' | 'createdAt' | 'updatedAt'>;

function editable<T extends { id: string }>({
  id: _id,
  createdAt: _c,
  updatedAt: _u,
  ...fields
}: T & { createdAt?: unknown; updatedAt?: unknown }): Editable<T> {
  return fields;
}

export interface CatalogPageProps<T extends { id: string; name: string }, In> {
  /** Which catalog: it names the page ("Flows") and one entry ("flow"). */
  kind: 'flows' | 'themes' | 'questionnaires';
  /** Its calls, picked from the settings API (or wrapped, where the draft is not the body). */
  api(all: SettingsApi): CatalogApi<T, In>;
  blank(): In;
  /** The draft of a stored entry, from its own fields (without the id and times the server stamps on it). */
  toInput(fields: Editable<T>): In;
  /** Problems the page can see before sending (conditions that do not parse...): saving waits until there are none. */
  problems?(draft: In): string[];
  editor(draft: In, change: (next: In) => void): ReactNode;
  preview?(draft: In): ReactNode;
}

/**
 * Flows, themes and questionnaires are the same kind of object (a named, partner-owned
 * definition): one page shape lists them and edits one at a time, the edited draft beside its
 * preview; the server checks everything again on save.
 */
export function CatalogPage<T extends { id: string; name: string }, In>(props: CatalogPageProps<T, In>) {
  const { t } = useI18n();
  const api = props.api(useSettingsApi());
  const title = t(`settings.section.${props.kind}`);
  const noun = t(`${props.kind}.noun`);
  useTitle(title);
  const { result, reload } = useLoad(() => api.list(), title);
  const [editing, setEditing] = useState<{ id: string | null; draft: In } | null>(null);
  // Each opened entry gets a fresh editor: no input state carries over from the one before.
  const [opened, setOpened] = useState(0);
  const [saved, setSaved] = useState<string | null>(null);
  const action = useAction();
  const problems = editing && props.problems ? props.problems(editing.draft) : [];

  const open = (next: { id: string | null; draft: In }) => {
    setSaved(null);
    action.clear();
    setOpened((n) => n + 1);
    setEditing(next);
  };
  const save = (event: FormEvent) => {
    event.preventDefault();
    if (!editing || problems.length > 0) return;
    setSaved(null);
    void action.run(async () => {
      const stored = editing.id ? await api.replace(editing.id, editing.draft) : await api.create(editing.draft);
      setEditing({ id: stored.id, draft: props.toInput(editable(stored)) });
      setSaved(t('settings.saved', { name: stored.name }));
      await reload();
    });
  };
  const remove = () => {
    if (!editing?.id || !window.confirm(t('settings.deleteConfirm', { noun }))) return;
    void action.run(async () => {
      await api.remove(editing.id!);
      setEditing(null);
      await reload();
    });
  };

  return (
    <>
      <h1 tabIndex={-1}>{title}</h1>
      <div className="catalog">
        <div className="catalog-list">
          <button type="button" className="button primary small" onClick={() => open({ id: null, draft: props.blank() })}>
            {t('settings.new', { noun })}
          </button>
          {result.state === 'loading' ? <p role="status">{t('app.loading')}</p> : null}
          {result.state === 'error' ? <ErrorMessage error={errorText(t, result.error)} /> : null}
          {result.state === 'done' && result.data.length === 0 ? <p className="note">{t('settings.empty', { noun })}</p> : null}
          {result.state === 'done' && result.data.length > 0 ? (
            <ul aria-label={title}>
              {result.data.map((entry) => (
                <li key={entry.id}>
                  <button
                    type="button"
                    className="link-button"
                    aria-current={editing?.id === entry.id ? 'true' : undefined}
                    onClick={() => open({ id: entry.id, draft: props.toInput(editable(entry)) })}
                  >
                    {entry.name}
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
        {editing ? (
          <div className="catalog-edit">
            <form className="catalog-form" onSubmit={save} noValidate aria-label={editing.id ? t('settings.editing', { noun }) : t('settings.new', { noun })}>
              <h2>{editing.id ? t('settings.editing', { noun }) : t('settings.new', { noun })}</h2>
              <Fragment key={opened}>{props.editor(editing.draft, (draft) => setEditing({ ...editing, draft }))}</Fragment>
              {problems.length > 0 ? (
                <div className="banner tone-error" role="status">
                  <p>{t('settings.fixFirst')}</p>
                  <ul>
                    {problems.map((p) => (
                      <li key={p}>{p}</li>
                    ))}
                  </ul>
                </div>
              ) : null}
              <ErrorMessage error={action.error} />
              <Saved message={saved} />
              <div className="row-actions">
                <button type="submit" className="button primary" disabled={action.isBusy || problems.length > 0}>
                  {t('settings.save')}
                </button>
                {editing.id ? (
                  <button type="button" className="button secondary" disabled={action.isBusy} onClick={remove}>
                    {t('settings.delete')}
                  </button>
                ) : null}
              </div>
            </form>
            {props.preview ? (
              <section className="preview" aria-labelledby="preview-title">
                <h2 id="preview-title">{t('settings.preview')}</h2>
                {props.preview(editing.draft)}
              </section>
            ) : null}
          </div>
        ) : (
          <p className="note catalog-edit">{t('settings.pick', { noun })}</p>
        )}
      </div>
    </>
  );
}
