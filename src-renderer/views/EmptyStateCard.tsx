// An empty state: a card that says what will appear here and what to do to get it there.
import type { ReactNode } from 'react';
import { TextWithCode } from '../components/Code.js';
import { useT } from '../i18n/LanguageProvider.js';
import { translateText } from '../i18n/translate.js';
import type { EmptyStateText } from './view-catalogue.js';

export function EmptyStateCard({
  empty,
  children,
}: {
  empty: EmptyStateText;
  children?: ReactNode;
}) {
  const t = useT();
  const title = translateText(t, empty.title);
  return (
    <section className="card empty-state" aria-label={title}>
      <div className="empty-icon" aria-hidden="true" />
      <h2>{title}</h2>
      {empty.body.map((paragraph) => (
        <p key={paragraph}>
          <TextWithCode text={translateText(t, paragraph)} />
        </p>
      ))}
      {children}
    </section>
  );
}
