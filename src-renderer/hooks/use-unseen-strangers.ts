// How many stranger pictures arrived since the gallery was last looked at: the number on the
// Strangers entry of the navigation. Opening the gallery marks them all seen.
import { useEffect, useState } from 'react';
import type { HubSession } from '../api/hub-session.js';
import type { ViewId } from '../views/view-catalogue.js';

export function useUnseenStrangers(session: HubSession, route: ViewId): number {
  const [unseen, setUnseen] = useState<ReadonlySet<string>>(() => new Set());
  const watching = route === 'strangers';

  useEffect(
    () =>
      session.subscribe((event) => {
        if (event.type !== 'stranger' || watching) return;
        const id = (event.data as { id: string }).id;
        setUnseen((ids) => (ids.has(id) ? ids : new Set(ids).add(id)));
      }),
    [session, watching],
  );

  // Opening the gallery clears the count (state adjusted while rendering, not in an effect).
  const [wasWatching, setWasWatching] = useState(watching);
  if (wasWatching !== watching) {
    setWasWatching(watching);
    if (watching) setUnseen(new Set());
  }

  return watching ? 0 : unseen.size;
}
