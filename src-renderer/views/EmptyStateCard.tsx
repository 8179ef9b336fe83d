// An empty state: a card that says what will appear here and what to do to get it there.
import type { ReactNode } from 'react';
import { TextWithCode } from '../components/Code.js';
import type { EmptyStateText } from './view-catalogue.js';

export function EmptyStateCard({
  empty,
  children,
}: {
  empty: EmptyStateText;
  children?: ReactNode;
}) {
  return (
    <section className="card empty-state" aria-label={empty.title}>
      <div className="empty-icon" aria-hidden="true" />
      <h2>{empty.title}</h2>
      {empty.body.map((paragraph) => (
        <p key={paragraph}>
          <TextWithCode text={paragraph} />
        </p>
      ))}
      {children}
    </section>
  );
}
