import { useI18n } from '../i18n/i18n.js';
import { BASE, Link } from '../router/router.js';
import { useTitle } from './use-load.js';

export default function NotFoundPage() {
  const { t } = useI18n();
  useTitle(t('notFound.title'));
  return (
    <>
      <h1 tabIndex={-1}>{t('notFound.title')}</h1>
      <p>
        <Link href={`${BASE}/cases`}>{t('notFound.back')}</Link>
      </p>
    </>
  );
}
