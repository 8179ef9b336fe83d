// The rows of the chosen source as a table (on a phone, one block per row with its labels).
// Every cell is plain text, cut to one line with the whole text in its title.
import { useLanguage, useT } from '../../i18n/LanguageProvider.js';
import { formatDateTime } from '../format.js';
import type { ActivityRow } from './activity-rows.js';

export function ActivityTable({ rows, caption }: { rows: ActivityRow[]; caption: string }) {
  const t = useT();
  const { language } = useLanguage();
  const columns = {
    at: t('activity.column.at'),
    kind: t('activity.column.kind'),
    device: t('activity.column.device'),
    who: t('activity.column.who'),
    details: t('activity.column.details'),
  };
  return (
    <div className="table-scroll">
      <table className="table activity-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{columns.at}</th>
            <th scope="col">{columns.kind}</th>
            <th scope="col">{columns.device}</th>
            <th scope="col">{columns.who}</th>
            <th scope="col">{columns.details}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <td data-label={columns.at} className="cell-time">
                <time dateTime={row.at}>{formatDateTime(row.at, language)}</time>
              </td>
              <td data-label={columns.kind} data-kind={row.kindCode}>
                {row.kind}
              </td>
              <Cell label={columns.device} text={row.device} />
              <Cell label={columns.who} text={row.who} />
              <Cell label={columns.details} text={row.details} wide />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Cell({ label, text, wide }: { label: string; text: string; wide?: boolean }) {
  return (
    <td data-label={label} className={wide ? 'cell-details' : 'cell-short'}>
      <span className="truncate" title={text}>
        {text}
      </span>
    </td>
  );
}
