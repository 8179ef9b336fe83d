import { hrefFor } from '../hooks/use-hash-route.js';
import { views, type ViewId } from '../views/view-catalogue.js';

export function NavBar({ current }: { current: ViewId }) {
  return (
    <nav className="nav" aria-label="Sections">
      <ul>
        {views.map((view) => (
          <li key={view.id}>
            <a
              href={hrefFor(view.id)}
              className="nav-link"
              aria-current={view.id === current ? 'page' : undefined}
            >
              {view.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
