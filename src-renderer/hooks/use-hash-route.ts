// The current view lives in the URL fragment (`#/devices`), so reload and the back button
// work, in the browser and under file:// in the Electron window alike. Routes of earlier
// versions (`#/overview`, `#/locks`) open the view that replaced them.
import { useSyncExternalStore } from 'react';
import { findView, type ViewId } from '../views/view-catalogue.js';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

function currentView(): ViewId {
  const id = window.location.hash.replace(/^#\/?/, '');
  return findView(id)?.id ?? 'home';
}

export function useHashRoute(): ViewId {
  return useSyncExternalStore(subscribe, currentView);
}

export function hrefFor(id: ViewId): string {
  return `#/${id}`;
}
