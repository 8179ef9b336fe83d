// Renders text in which `backticked` parts are commands or topics, as <code>.
export function TextWithCode({ text }: { text: string }) {
  const parts = text.split('`');
  return (
    <>{parts.map((part, index) => (index % 2 === 1 ? <code key={index}>{part}</code> : part))}</>
  );
}
