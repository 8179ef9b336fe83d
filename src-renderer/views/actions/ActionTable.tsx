// The action table: every action a message or the panel can run, who may run it, where it
// comes from and how it has been doing.
import type { ActionInfo } from '../../../src-main/shared/hub-api.js';
import type { TokenScope } from '../use-token-scope.js';
import { formatMs, mayRunWith, whoMayRun } from './action-format.js';

interface ActionTableProps {
  actions: ActionInfo[];
  scope: TokenScope;
  onRun(name: string): void;
}

export function ActionTable({ actions, scope, onRun }: ActionTableProps) {
  return (
    <div className="table-scroll">
      <table className="table">
        <caption className="visually-hidden">
          Actions, who may run them, where they come from and their figures
        </caption>
        <thead>
          <tr>
            <th scope="col">Action</th>
            <th scope="col">Who may run it</th>
            <th scope="col">Source</th>
            <th scope="col" className="num">
              Calls
            </th>
            <th scope="col" className="num">
              Errors
            </th>
            <th scope="col" className="num">
              Mean
            </th>
            <th scope="col" className="num">
              Worst
            </th>
            <th scope="col">Last error</th>
            <th scope="col">
              <span className="visually-hidden">Run</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {actions.map((action) => (
            <tr key={action.name}>
              <th scope="row">
                <code>{action.name}</code>
                {action.description && <div className="cell-note">{action.description}</div>}
              </th>
              <td data-label="Who may run it">{whoMayRun(action)}</td>
              <td data-label="Source">
                {action.source === 'built-in' ? 'Built-in' : <code>{action.source}</code>}
              </td>
              <td data-label="Calls" className="num">
                {action.figures.calls}
              </td>
              <td
                data-label="Errors"
                className={action.figures.errors > 0 ? 'num cell-bad' : 'num'}
              >
                {action.figures.errors}
              </td>
              <td data-label="Mean" className="num">
                {formatMs(action.figures.meanMs, action.figures.calls)}
              </td>
              <td data-label="Worst" className="num">
                {formatMs(action.figures.worstMs, action.figures.calls)}
              </td>
              <td data-label="Last error" className="cell-error">
                {action.figures.lastError ?? '—'}
              </td>
              <td className="cell-run">
                {mayRunWith(action, scope) && (
                  <button
                    type="button"
                    className="button button-quiet button-small"
                    aria-label={`Run ${action.name}`}
                    onClick={() => onRun(action.name)}
                  >
                    Run
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
