/**
 * `t(key, params)` and Intl formatting in the current language. Both read `locale.current` (a rune), so any
 * template or `$derived` that calls them updates when the language changes.
 */
import { locale, type Locale } from '../state/locale.svelte';
import { anyCatalog, catalog } from './catalogs.svelte';
import type { MessageKey } from './messages/en';

export type { MessageKey };
export type Params = Record<string, string | number>;

/** Whether `key` is a message (for codes from the worker that may or may not have a translation). */
export function hasMessage(key: string): key is MessageKey {
  const messages = anyCatalog();
  return messages !== undefined && Object.hasOwn(messages, key);
}

/** Translates `key`; `{name}` is replaced by `params.name` (numbers locale-formatted); `a|b` = plural forms. */
export function t(key: MessageKey, params?: Params): string {
  const current = locale.current;
  // main.ts and locale.set load a catalog before it is used; the fallbacks only keep a bug readable.
  let message = (catalog(current) ?? anyCatalog())?.[key] ?? key;
  if (message.includes('|') && typeof params?.count === 'number') {
    const forms = message.split('|');
    const category = pluralRules(current).select(params.count);
    message = (category === 'one' ? forms[0] : forms[forms.length - 1]) ?? message;
  }
  if (!params) return message;
  return message.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? formatNumber(value) : value;
  });
}

// Intl constructors are slow enough to matter in a 30-row render loop, so they are cached per locale.
const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.PluralRules>();
function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.PluralRules>(
  id: string,
  make: () => T,
): T {
  const key = `${locale.current}|${id}`;
  let value = cache.get(key);
  if (!value) {
    value = make();
    cache.set(key, value);
  }
  return value as T;
}

function pluralRules(current: Locale): Intl.PluralRules {
  return cached('plural', () => new Intl.PluralRules(current));
}

/**
 * Creates the current language's number, date and plural formatters before they are needed. The first
 * Intl object of a page loads the ICU data (~50 ms on a desktop, four times that on a phone); main.ts runs
 * this while the database opens and the page is idle, instead of inside the first render of the list.
 */
export function warmFormatters(): void {
  formatNumber(0);
  formatDate('2000-01-01');
  formatDateTime('2000-01-01T00:00:00Z');
  pluralRules(locale.current).select(1);
}

export function formatNumber(value: number): string {
  return cached('number', () => new Intl.NumberFormat(locale.current)).format(value);
}

/** Parses ISO-8601 text ("2024-05-01", "2024-05-01T08:00:00Z", SQLite's "2024-05-01 08:00:00"). */
function parseDate(iso: string): Date | null {
  const date = new Date(/^\d{4}-\d{2}-\d{2} /.test(iso) ? iso.replace(' ', 'T') + 'Z' : iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = parseDate(iso);
  if (!date) return iso;
  return cached('date', () => new Intl.DateTimeFormat(locale.current, { dateStyle: 'medium' })).format(date);
}

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = parseDate(iso);
  if (!date) return iso;
  return cached(
    'datetime',
    () => new Intl.DateTimeFormat(locale.current, { dateStyle: 'medium', timeStyle: 'short' }),
  ).format(date);
}

export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = parseDate(iso);
  if (!date) return iso;
  return cached('time', () => new Intl.DateTimeFormat(locale.current, { timeStyle: 'short' })).format(date);
}

/** Money is stored as integer minor units (cents, fen) plus an ISO 4217 code; the currency knows its digits. */
export function formatMoney(minorUnits: number, currency: string): string {
  const format = cached(
    `money:${currency}`,
    () => new Intl.NumberFormat(locale.current, { style: 'currency', currency }),
  );
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(minorUnits / 10 ** digits);
}

const BYTE_UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;

/** Binary multiples (1 KB = 1024 B) as browsers report storage, with the locale's unit names. */
export function formatBytes(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined || !Number.isFinite(bytes)) return '';
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const name = BYTE_UNITS[unit] ?? 'byte';
  return cached(
    `bytes:${name}`,
    () =>
      new Intl.NumberFormat(locale.current, {
        style: 'unit',
        unit: name,
        unitDisplay: 'short',
        maximumFractionDigits: unit === 0 ? 0 : 1,
      }),
  ).format(value);
}
