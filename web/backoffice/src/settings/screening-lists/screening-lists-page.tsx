import { errorText } from '../../components/error-text.js';
import { formatDateTime } from '../../components/format.js';
import { useLoad, useTitle } from '../../components/use-load.js';
import { useI18n } from '../../i18n/i18n.js';
import { DataTable, ErrorMessage, useSettingsApi } from '../common.js';

/** Read-only: the list versions screening uses, and why screening is not a check when it is not (the operator imports lists with `openkyb lists import`). */
export default function ScreeningListsPage() {
  const { t, locale } = useI18n();
  const api = useSettingsApi();
  useTitle(t('lists.title'));
  const { result } = useLoad(() => api.screeningLists(), 'lists');
  return (
    <>
      <h1 tabIndex={-1}>{t('lists.title')}</h1>
      <p className="muted">{t('lists.intro')}</p>
      {result.state === 'loading' ? <p role="status">{t('app.loading')}</p> : null}
      {result.state === 'error' ? <ErrorMessage error={errorText(t, result.error)} /> : null}
      {result.state === 'done' ? (
        <>
          <p className={`banner ${result.data.problem ? 'tone-error' : 'tone-success'}`} role="status">
            {result.data.problem ? t('lists.problem', { problem: result.data.problem }) : t('lists.ok')}
          </p>
          <DataTable
            caption={t('lists.title')}
            columns={[t('lists.source'), t('lists.published'), t('lists.imported'), t('lists.entities'), t('lists.sha256')]}
          >
            {result.data.lists.map((list) => (
              <tr key={list.source}>
                <th scope="row">{list.source}</th>
                <td>{list.publishedAt ?? '—'}</td>
                <td>{formatDateTime(locale, list.importedAt)}</td>
                <td>{list.entityCount.toLocaleString(locale)}</td>
                <td>
                  <code className="hash">{list.sha256}</code>
                </td>
              </tr>
            ))}
          </DataTable>
          {result.data.lists.length === 0 ? <p className="note">{t('lists.none')}</p> : null}
        </>
      ) : null}
    </>
  );
}
