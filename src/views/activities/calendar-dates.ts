/**
 * Calendar arithmetic in the browser's local time zone: day keys, week starts, the month grid and the
 * week of a date. Days are stepped with `new Date(y, m, d + n)` rather than by adding 24 h, so a
 * daylight-saving change never skips or repeats a day.
 *
 * Weeks start on Monday in Chinese (the national standard GB/T 7408 and Chinese calendars) and on Sunday
 * in English (US calendars).
 */
import type { Locale } from '../../lib/state/locale.svelte';

export type WeekStart = 0 | 1;

export const weekStartFor = (locale: Locale): WeekStart => (locale === 'zh-CN' ? 1 : 0);

const pad = (n: number) => String(n).padStart(2, '0');

/** Local calendar date as `YYYY-MM-DD`. */
export const dayKey = (date: Date): string =>
  `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;

export const startOfDay = (date: Date): Date => new Date(date.getFullYear(), date.getMonth(), date.getDate());

export const addDays = (date: Date, days: number): Date =>
  new Date(date.getFullYear(), date.getMonth(), date.getDate() + days);

/** Same day of month `months` later, clamped to the month's last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: Date, months: number): Date {
  const first = new Date(date.getFullYear(), date.getMonth() + months, 1);
  const last = new Date(first.getFullYear(), first.getMonth() + 1, 0).getDate();
  return new Date(first.getFullYear(), first.getMonth(), Math.min(date.getDate(), last));
}

export function startOfWeek(date: Date, weekStart: WeekStart): Date {
  const back = (date.getDay() - weekStart + 7) % 7;
  return addDays(startOfDay(date), -back);
}

export const weekOf = (date: Date, weekStart: WeekStart): Date[] => {
  const first = startOfWeek(date, weekStart);
  return Array.from({ length: 7 }, (_, i) => addDays(first, i));
};

/** The weeks (rows of 7 days) that cover the month of `date`, from its first week to its last. */
export function monthGrid(date: Date, weekStart: WeekStart): Date[][] {
  const first = new Date(date.getFullYear(), date.getMonth(), 1);
  const last = new Date(date.getFullYear(), date.getMonth() + 1, 0);
  const weeks: Date[][] = [];
  for (let day = startOfWeek(first, weekStart); day <= last; day = addDays(day, 7)) {
    weeks.push(weekOf(day, weekStart));
  }
  return weeks;
}

/** The instants a list of consecutive days spans: first midnight inclusive, the midnight after exclusive. */
export function rangeOf(days: readonly Date[]): { from: string; to: string } {
  return {
    from: startOfDay(days[0]!).toISOString(),
    to: addDays(days[days.length - 1]!, 1).toISOString(),
  };
}
