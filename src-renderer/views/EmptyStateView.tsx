// A view that a later version fills in: says what will appear and what to do meanwhile.
import { TextWithCode } from '../components/Code.js';
import type { EmptyStateText } from './view-catalogue.js';

export function EmptyStateView({ title, empty }: { title: string; empty: EmptyStateText }) {
  return (
    <>
      <h1 tabIndex={-1}>{title}</h1>
      <section className="card empty-state" aria-label={empty.title}>
        <div className="empty-icon" aria-hidden="true" />
        <h2>{empty.title}</h2>
        {empty.body.map((paragraph) => (
          <p key={paragraph}>
            <TextWithCode text={paragraph} />
          </p>
        ))}
      </section>
    </>
  );
}
