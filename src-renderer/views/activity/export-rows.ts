// Exports what the Activity view shows as CSV or JSON, as a download made in the browser.
import type { ActivityRow } from './activity-rows.js';

const COLUMNS = ['at', 'kind', 'device', 'who', 'details'] as const;

export function rowsToCsv(rows: ActivityRow[]): string {
  const lines = [COLUMNS.join(',')];
  for (const row of rows) lines.push(COLUMNS.map((column) => csvCell(row[column])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

export function rowsToJson(rows: ActivityRow[]): string {
  return `${JSON.stringify(
    rows.map((row) => row.raw),
    null,
    2,
  )}\n`;
}

/**
 * Quoted when needed (RFC 4180). A device's name starting with = + - @ would run as a formula
 * in a spreadsheet, so such a cell gets a leading apostrophe.
 */
function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function download(fileName: string, content: string, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started once click() returns; the URL is no longer needed after a moment.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
