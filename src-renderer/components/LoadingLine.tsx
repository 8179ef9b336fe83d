// The one-line "Loading …" with a spinner that every view shows while its first fetch runs.
export function LoadingLine({ text }: { text: string }) {
  return (
    <p className="loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {text}
    </p>
  );
}
