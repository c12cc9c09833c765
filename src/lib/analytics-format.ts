/**
 * Formatting of analysis results: money already in major units (the analytics columns divide by 100),
 * shares as percentages, month numbers ((year − 1970) · 12 + month − 1) and day numbers as calendar labels.
 */
import { formatNumber } from './i18n';
import { locale } from './state/locale.svelte';

const formats = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function format<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
  const full = `${locale.current}|${key}`;
  let value = formats.get(full);
  if (!value) formats.set(full, (value = make()));
  return value as T;
}

export function formatAmount(major: number, currency: string): string {
  return format(
    `money:${currency}`,
    () => new Intl.NumberFormat(locale.current, { style: 'currency', currency, maximumFractionDigits: 0 }),
  ).format(major);
}

export function formatShare(fraction: number, digits = 1): string {
  return format(
    `percent:${digits}`,
    () => new Intl.NumberFormat(locale.current, { style: 'percent', maximumFractionDigits: digits }),
  ).format(fraction);
}

export function formatDecimal(value: number, digits = 2): string {
  return format(
    `decimal:${digits}`,
    () => new Intl.NumberFormat(locale.current, { maximumFractionDigits: digits }),
  ).format(value);
}

export function formatCount(value: number): string {
  return formatNumber(value);
}

/** "2024-05" style label of a month number, in the user's language (2024年5月 / May 2024). */
export function formatMonth(month: number): string {
  const date = new Date(Date.UTC(1970 + Math.floor(month / 12), ((month % 12) + 12) % 12, 1));
  return format(
    'month',
    () => new Intl.DateTimeFormat(locale.current, { year: 'numeric', month: 'short', timeZone: 'UTC' }),
  ).format(date);
}

/** ISO date (YYYY-MM-DD) of a day number since 1970-01-01. */
export function dayToIso(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}
