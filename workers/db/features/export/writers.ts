/**
 * Pure text writers for the export formats: CSV (RFC 4180, Excel-safe), vCard 4.0 (RFC 6350) and
 * iCalendar (RFC 5545). No database access here, so every escaping rule can be unit-tested on its own.
 */

/** Excel only detects UTF-8 (and so shows Chinese instead of mojibake) when the file starts with a BOM. */
export const UTF8_BOM = '\uFEFF';

/** RFC 4180 and both text-directory formats end lines with CRLF. */
export const CRLF = '\r\n';

/**
 * A spreadsheet runs a cell that starts with one of these as a formula (CSV injection: `=HYPERLINK(…)`,
 * `=cmd|…`). OWASP's advice, followed here: prefix such a text cell with an apostrophe, which spreadsheets
 * show as a text marker. Numbers are left alone, so a negative amount stays a number.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutralizeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One CSV cell: null is empty, text is formula-neutralized, then quoted when RFC 4180 requires it. */
export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? '1' : '0';
  const text = neutralizeFormula(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One CSV record including its CRLF terminator. */
export function csvRow(values: readonly (string | number | boolean | null | undefined)[]): string {
  let line = '';
  for (let index = 0; index < values.length; index++) {
    if (index > 0) line += ',';
    line += csvCell(values[index]);
  }
  return line + CRLF;
}

/** TEXT value escaping shared by vCard and iCalendar: backslash, comma, semicolon and line breaks. */
export function escapeText(text: string): string {
  return text.replace(/\r\n|[\\,;\r\n]/g, (match) =>
    match === '\\' ? '\\\\' : match === ',' ? '\\,' : match === ';' ? '\\;' : '\\n',
  );
}

const encoder = new TextEncoder();

/**
 * Folds a content line at 75 octets (both RFCs): a CRLF plus one space before the 76th octet, never inside
 * a UTF-8 sequence (a Chinese character is 3 octets and must stay whole). Returns the line with its CRLF.
 */
export function foldLine(line: string): string {
  if (line.length <= 25 || encoder.encode(line).length <= 75) return line + CRLF;
  let out = '';
  let octets = 0;
  let limit = 75; // continuation lines start with the space, which counts
  for (const char of line) {
    const code = char.codePointAt(0)!;
    const size = code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
    if (octets + size > limit) {
      out += CRLF + ' ';
      octets = 1;
      limit = 75;
    }
    out += char;
    octets += size;
  }
  return out + CRLF;
}

export interface VCardContact {
  id: number;
  name: string;
  title: string;
  phone: string;
  email: string;
  notes: string;
  organization: string;
}

/** One vCard 4.0 object. Empty properties are left out rather than written empty. */
export function vcard(contact: VCardContact): string {
  const lines = ['BEGIN:VCARD', 'VERSION:4.0', `UID:urn:kehu-crm:contact:${contact.id}`];
  lines.push(`FN:${escapeText(contact.name)}`);
  if (contact.organization) lines.push(`ORG:${escapeText(contact.organization)}`);
  if (contact.title) lines.push(`TITLE:${escapeText(contact.title)}`);
  if (contact.phone) lines.push(`TEL;VALUE=text:${escapeText(contact.phone)}`);
  if (contact.email) lines.push(`EMAIL:${escapeText(contact.email)}`);
  if (contact.notes) lines.push(`NOTE:${escapeText(contact.notes)}`);
  lines.push('END:VCARD');
  return lines.map(foldLine).join('');
}

/**
 * An ISO-8601 instant or calendar date as an iCalendar property: UTC date-time (`…T080000Z`) or, for a
 * bare `YYYY-MM-DD`, a DATE value. Null when the text is neither.
 */
export function icsDateProperty(name: string, iso: string): string | null {
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return `${name};VALUE=DATE:${iso.replaceAll('-', '')}`;
  const date = new Date(/^\d{4}-\d{2}-\d{2} /.test(iso) ? `${iso.replace(' ', 'T')}Z` : iso);
  if (Number.isNaN(date.getTime())) return null;
  return `${name}:${icsUtc(date)}`;
}

export function icsUtc(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

export interface CalendarActivity {
  id: number;
  type: 'meeting' | 'task';
  subject: string;
  body: string;
  dueAt: string | null;
  done: boolean;
  doneAt: string | null;
  customerName: string | null;
}

/**
 * A meeting becomes a VEVENT starting at its time; a task a VTODO due then (completed ones say so). Null
 * for a meeting without a valid time: a VEVENT must have DTSTART.
 */
export function icsComponent(activity: CalendarActivity, stamp: Date): string | null {
  const start = activity.dueAt ? icsDateProperty('DTSTART', activity.dueAt) : null;
  const lines: string[] = [];
  if (activity.type === 'meeting') {
    if (!start) return null;
    lines.push('BEGIN:VEVENT', `UID:activity-${activity.id}@kehu-crm`, `DTSTAMP:${icsUtc(stamp)}`, start);
  } else {
    lines.push('BEGIN:VTODO', `UID:activity-${activity.id}@kehu-crm`, `DTSTAMP:${icsUtc(stamp)}`);
    const due = activity.dueAt ? icsDateProperty('DUE', activity.dueAt) : null;
    if (due) lines.push(due);
  }
  lines.push(`SUMMARY:${escapeText(activity.subject)}`);
  // The customer leads the description: calendar apps show DESCRIPTION, not X- properties.
  const description = [activity.customerName, activity.body].filter(Boolean).join('\n\n');
  if (description) lines.push(`DESCRIPTION:${escapeText(description)}`);
  if (activity.type === 'task') {
    lines.push(`STATUS:${activity.done ? 'COMPLETED' : 'NEEDS-ACTION'}`);
    const completed = activity.done && activity.doneAt ? icsDateProperty('COMPLETED', activity.doneAt) : null;
    // COMPLETED must be a UTC date-time, never a DATE.
    if (completed && !completed.includes('VALUE=DATE')) lines.push(completed);
    lines.push('END:VTODO');
  } else {
    lines.push('END:VEVENT');
  }
  return lines.map(foldLine).join('');
}

export const ICS_HEADER = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//kehu-crm//CRM export//EN',
  'CALSCALE:GREGORIAN',
]
  .map(foldLine)
  .join('');
export const ICS_FOOTER = foldLine('END:VCALENDAR');
