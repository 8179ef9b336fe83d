// A short status word with a colour that matches its meaning (good, waiting, bad, neutral).
export type PillTone = 'ok' | 'warn' | 'bad' | 'idle';

export function StatusPill({ tone, children }: { tone: PillTone; children: string }) {
  return <span className={`pill pill-${tone}`}>{children}</span>;
}
