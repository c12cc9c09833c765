/**
 * CSV for result tables built on the page (small: a summary, not a table of the database — those are
 * exported by the DB worker). RFC 4180 quoting, a UTF-8 BOM so Excel reads Chinese, and text cells that
 * start like a formula (= + - @ tab CR) prefixed with an apostrophe so a spreadsheet shows, not runs, them.
 */
import { saveFile } from '../components/export/save-file';

export type CsvCell = string | number | null;

function cell(value: CsvCell): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(columns: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return [columns, ...rows].map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}

export function downloadCsv(
  fileName: string,
  columns: readonly string[],
  rows: readonly (readonly CsvCell[])[],
): void {
  saveFile(new Blob(['\uFEFF', toCsv(columns, rows)], { type: 'text/csv;charset=utf-8' }), `${fileName}.csv`);
}
