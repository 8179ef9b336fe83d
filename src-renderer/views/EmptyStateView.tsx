// A view that a later version fills in: says what will appear and what to do meanwhile.
// `title` is a catalogue key (a view's label) or text already translated.
import { useT } from '../i18n/LanguageProvider.js';
import { translateText } from '../i18n/translate.js';
import { EmptyStateCard } from './EmptyStateCard.js';
import type { EmptyStateText } from './view-catalogue.js';

export function EmptyStateView({ title, empty }: { title: string; empty: EmptyStateText }) {
  const t = useT();
  return (
    <>
      <h1 tabIndex={-1}>{translateText(t, title)}</h1>
      <EmptyStateCard empty={empty} />
    </>
  );
}
