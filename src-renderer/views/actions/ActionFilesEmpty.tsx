// No action files yet: what an action is, how to add one, and the button to do it.
import type { ReactNode } from 'react';
import { EmptyStateCard } from '../EmptyStateCard.js';
import { actionsEmpty } from '../view-catalogue.js';

export function ActionFilesEmpty({ admin, children }: { admin: boolean; children: ReactNode }) {
  return (
    <EmptyStateCard empty={actionsEmpty}>
      {admin ? children : <p>Loading a file needs the admin token.</p>}
    </EmptyStateCard>
  );
}
