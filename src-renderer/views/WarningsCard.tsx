import type { Warning } from '../hooks/use-hub-overview.js';
import { formatDateTime } from './format.js';

export function WarningsCard({ warnings }: { warnings: Warning[] }) {
  return (
    <section className="card card-wide" aria-labelledby="warnings-card-title">
      <h2 id="warnings-card-title">
        Warnings
        {warnings.length > 0 && <span className="badge">{warnings.length}</span>}
      </h2>
      {warnings.length === 0 ? (
        <p className="muted">
          No warnings. Anything about the hub that needs your attention will be listed here.
        </p>
      ) : (
        <ul className="warnings" aria-live="polite">
          {warnings.map((warning) => (
            <li key={`${warning.code}-${warning.at}-${warning.message}`} className="warning">
              <span className="warning-message">{warning.message}</span>
              <span className="warning-meta">
                <code>{warning.code}</code> · {formatDateTime(warning.at)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
