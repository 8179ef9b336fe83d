// The section list. A section may carry a count (new stranger pictures, devices waiting for
// approval), read out with it.
import { hrefFor } from '../hooks/use-hash-route.js';
import { useT } from '../i18n/LanguageProvider.js';
import { views, type ViewId } from '../views/view-catalogue.js';

interface NavBarProps {
  current: ViewId;
  badges?: Partial<Record<ViewId, number>>;
}

export function NavBar({ current, badges = {} }: NavBarProps) {
  const t = useT();
  return (
    <nav className="nav" aria-label={t('common.sections')}>
      <ul>
        {views.map((view) => {
          const count = badges[view.id] ?? 0;
          return (
            <li key={view.id}>
              <a
                href={hrefFor(view.id)}
                className="nav-link"
                aria-current={view.id === current ? 'page' : undefined}
              >
                {t(view.label)}
                {count > 0 && (
                  <span className="nav-badge" data-testid={`nav-badge-${view.id}`}>
                    <span aria-hidden="true">{count > 99 ? '99+' : count}</span>
                    <span className="visually-hidden">
                      {' '}
                      (
                      {view.id === 'devices'
                        ? t('common.nav.waitingLabel', { count })
                        : t('common.nav.newPicturesLabel', { count })}
                      )
                    </span>
                  </span>
                )}
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
