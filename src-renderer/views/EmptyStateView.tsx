// A view that a later version fills in: says what will appear and what to do meanwhile.
import { EmptyStateCard } from './EmptyStateCard.js';
import type { EmptyStateText } from './view-catalogue.js';

export function EmptyStateView({ title, empty }: { title: string; empty: EmptyStateText }) {
  return (
    <>
      <h1 tabIndex={-1}>{title}</h1>
      <EmptyStateCard empty={empty} />
    </>
  );
}
