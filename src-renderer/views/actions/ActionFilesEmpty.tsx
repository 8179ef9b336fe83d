// No action files yet: what an action is, how to add one, and the button to do it.
import type { ReactNode } from 'react';
import { useT } from '../../i18n/LanguageProvider.js';
import { EmptyStateCard } from '../EmptyStateCard.js';
import { actionsEmpty } from '../view-catalogue.js';

export function ActionFilesEmpty({ admin, children }: { admin: boolean; children: ReactNode }) {
  const t = useT();
  return (
    <EmptyStateCard empty={actionsEmpty}>
      {admin ? children : <p>{t('actions.files.needsAdmin')}</p>}
    </EmptyStateCard>
  );
}
