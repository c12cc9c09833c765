/**
 * CSV text → header and rows (papaparse), plus the problems that concern a whole row.
 *
 * A stray quote makes papaparse read the rest of the file as one field. Spreadsheet users expect one bad
 * line to cost that line only, so on a quote error the offending physical line becomes an invalid row and
 * parsing resumes after it (up to {@link MAX_RECOVERIES} times; after that the rest is one invalid row).
 */
import Papa from 'papaparse';
import type { ImportDelimiter, RowProblem } from './api';

export interface ParsedTable {
  headers: string[];
  rows: string[][];
  /** Spreadsheet row number of each entry of `rows` (the header is row 1). */
  rowNumbers: number[];
  /** Problems found while parsing, by index into `rows`. */
  rowProblems: Map<number, RowProblem[]>;
}

const MAX_RECOVERIES = 200;
export const DISPLAY_LENGTH = 120;

export const clip = (value: string): string =>
  value.length > DISPLAY_LENGTH ? `${value.slice(0, DISPLAY_LENGTH)}…` : value;

const isBlank = (row: readonly string[]): boolean => row.every((cell) => cell.trim() === '');

interface RawRecord {
  cells: string[];
  badQuotes: boolean;
}

function parseRecords(text: string, delimiter: ImportDelimiter): RawRecord[] {
  const records: RawRecord[] = [];
  let rest = text;
  for (let recoveries = 0; rest.length > 0; recoveries++) {
    const { data, errors } = Papa.parse<string[]>(rest, { delimiter, skipEmptyLines: false });
    const quoteError = errors.find((error) => error.type === 'Quotes');
    if (!quoteError || recoveries >= MAX_RECOVERIES) {
      const bad = quoteError?.row ?? -1;
      data.forEach((cells, index) => records.push({ cells, badQuotes: index === bad }));
      return records;
    }
    const badRow = quoteError.row ?? 0;
    for (let index = 0; index < badRow; index++) records.push({ cells: data[index]!, badQuotes: false });
    const at = Math.max(0, quoteError.index ?? 0);
    const lineStart = rest.lastIndexOf('\n', at - 1) + 1;
    const newline = rest.indexOf('\n', at);
    const lineEnd = newline < 0 ? rest.length : newline;
    // The bad line split naively, so the user can recognise the row in the report.
    records.push({
      cells: rest.slice(lineStart, lineEnd).replace(/\r$/, '').split(delimiter),
      badQuotes: true,
    });
    rest = newline < 0 ? '' : rest.slice(newline + 1);
  }
  return records;
}

export function parseCsv(text: string, delimiter: ImportDelimiter): ParsedTable {
  const records = parseRecords(text, delimiter);
  const headerIndex = records.findIndex((record) => !isBlank(record.cells));
  const headerCells = records[headerIndex]?.cells ?? [];
  const headers = headerCells.map((cell, index) => cell.trim() || `#${index + 1}`);
  const rows: string[][] = [];
  const rowNumbers: number[] = [];
  const rowProblems = new Map<number, RowProblem[]>();
  for (let index = headerIndex + 1; index < records.length; index++) {
    const record = records[index]!;
    if (isBlank(record.cells) && !record.badQuotes) continue;
    const row = index + 1;
    const problems: RowProblem[] = [];
    if (record.badQuotes) {
      problems.push({
        row,
        column: null,
        field: null,
        code: 'bad_quotes',
        value: clip(record.cells.join(delimiter)),
      });
    } else {
      const extra = record.cells.slice(headers.length).filter((cell) => cell.trim() !== '');
      if (extra.length > 0) {
        problems.push({
          row,
          column: null,
          field: null,
          code: 'extra_fields',
          value: clip(extra.join(delimiter)),
        });
      }
    }
    if (problems.length > 0) rowProblems.set(rows.length, problems);
    rows.push(record.cells);
    rowNumbers.push(row);
  }
  return { headers, rows, rowNumbers, rowProblems };
}
