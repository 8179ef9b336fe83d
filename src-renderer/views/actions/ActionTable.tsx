// The action table: every action a message or the panel can run, who may run it, where it
// comes from and how it has been doing.
import type { ActionInfo } from '../../../src-main/shared/hub-api.js';
import { TextWithCode } from '../../components/Code.js';
import { useLanguage, useT } from '../../i18n/LanguageProvider.js';
import type { TokenScope } from '../use-token-scope.js';
import {
  actionDescription,
  fileProblemText,
  formatMs,
  mayRunWith,
  whoMayRun,
} from './action-format.js';

interface ActionTableProps {
  actions: ActionInfo[];
  scope: TokenScope;
  onRun(name: string): void;
}

export function ActionTable({ actions, scope, onRun }: ActionTableProps) {
  const t = useT();
  const { language } = useLanguage();
  return (
    <div className="table-scroll">
      <table className="table">
        <caption className="visually-hidden">{t('actions.table.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('actions.table.action')}</th>
            <th scope="col">{t('actions.table.who')}</th>
            <th scope="col">{t('actions.table.source')}</th>
            <th scope="col" className="num">
              {t('actions.table.calls')}
            </th>
            <th scope="col" className="num">
              {t('actions.table.errors')}
            </th>
            <th scope="col" className="num">
              {t('actions.table.mean')}
            </th>
            <th scope="col" className="num">
              {t('actions.table.worst')}
            </th>
            <th scope="col">{t('actions.table.lastError')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('actions.run')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {actions.map((action) => (
            <tr key={action.name}>
              <th scope="row">
                <code>{action.name}</code>
                <div className="cell-note">
                  <TextWithCode text={actionDescription(action, t)} />
                </div>
              </th>
              <td data-label={t('actions.table.who')}>{whoMayRun(action, t)}</td>
              <td data-label={t('actions.table.source')}>
                {action.source === 'built-in' ? (
                  t('actions.table.builtIn')
                ) : (
                  <code>{action.source}</code>
                )}
              </td>
              <td data-label={t('actions.table.calls')} className="num">
                {action.figures.calls}
              </td>
              <td
                data-label={t('actions.table.errors')}
                className={action.figures.errors > 0 ? 'num cell-bad' : 'num'}
              >
                {action.figures.errors}
              </td>
              <td data-label={t('actions.table.mean')} className="num">
                {formatMs(action.figures.meanMs, action.figures.calls)}
              </td>
              <td data-label={t('actions.table.worst')} className="num">
                {formatMs(action.figures.worstMs, action.figures.calls)}
              </td>
              <td data-label={t('actions.table.lastError')} className="cell-error">
                {action.figures.lastError === null
                  ? '—'
                  : fileProblemText(
                      { problem: action.figures.lastProblem, error: action.figures.lastError },
                      { t, language },
                    )}
              </td>
              <td className="cell-run">
                {mayRunWith(action, scope) && (
                  <button
                    type="button"
                    className="button button-quiet button-small"
                    aria-label={t('actions.runLabel', { name: action.name })}
                    onClick={() => onRun(action.name)}
                  >
                    {t('actions.run')}
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
