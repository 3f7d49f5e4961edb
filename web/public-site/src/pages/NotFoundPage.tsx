import { Link } from '../components/Link';
import { useTitle } from '../lib/hooks';
import { useI18n } from '../lib/i18n-react';
import { navItems } from '../lib/navigation';
import { usePortal } from '../lib/portal';
import { pathFor } from '../lib/router';

export function NotFoundPage() {
  const { t } = useI18n();
  const portal = usePortal();
  useTitle('common.notFoundTitle');
  return (
    <article className="page">
      <h1 tabIndex={-1}>{t('common.notFoundTitle')}</h1>
      <p>{t('common.notFoundBody')}</p>
      <ul className="link-list">
        {navItems(portal.data?.sections)
          .filter((item) => item.section !== 'hotline')
          .map((item) => (
            <li key={item.section}>
              <Link href={pathFor(item.route)}>{t(item.label)}</Link>
            </li>
          ))}
        <li>
          <Link href={pathFor({ name: 'submit' })}>{t('nav.submit')}</Link>
        </li>
        <li>
          <Link href={pathFor({ name: 'track', code: null })}>{t('nav.track')}</Link>
        </li>
        <li>
          <Link href={pathFor({ name: 'answers' })}>{t('nav.answers')}</Link>
        </li>
      </ul>
    </article>
  );
}
