import { describe, expect, it } from 'vitest';
import {
  addMonths,
  dayKey,
  monthGrid,
  rangeOf,
  weekOf,
  weekStartFor,
} from '../../src/views/activities/calendar-dates';

const keys = (days: Date[]) => days.map(dayKey);

describe('calendar dates', () => {
  it('starts weeks on Monday in Chinese and on Sunday in English', () => {
    const wednesday = new Date(2026, 2, 18);
    expect(keys(weekOf(wednesday, weekStartFor('zh-CN')))).toEqual([
      '2026-03-16',
      '2026-03-17',
      '2026-03-18',
      '2026-03-19',
      '2026-03-20',
      '2026-03-21',
      '2026-03-22',
    ]);
    expect(dayKey(weekOf(wednesday, weekStartFor('en'))[0]!)).toBe('2026-03-15');
    // A Sunday belongs to the week before it when weeks start on Monday.
    expect(dayKey(weekOf(new Date(2026, 2, 22), 1)[0]!)).toBe('2026-03-16');
  });

  it('covers the whole month with whole weeks and nothing more', () => {
    const march = monthGrid(new Date(2026, 2, 16), 1);
    expect(march.length).toBe(6); // 1 March 2026 is a Sunday: its week starts 23 February
    expect(dayKey(march[0]![0]!)).toBe('2026-02-23');
    expect(dayKey(march[5]![6]!)).toBe('2026-04-05');
    expect(march.every((week) => week.length === 7)).toBe(true);
    // February 2026 starts on a Sunday and has 28 days: exactly 4 weeks with Sunday starts.
    const february = monthGrid(new Date(2026, 1, 10), 0);
    expect(february.length).toBe(4);
    expect([dayKey(february[0]![0]!), dayKey(february[3]![6]!)]).toEqual(['2026-02-01', '2026-02-28']);
  });

  it('asks for the range from the first midnight up to the midnight after the last day', () => {
    const week = weekOf(new Date(2026, 2, 18), 1);
    const { from, to } = rangeOf(week);
    expect(new Date(from).getTime()).toBe(new Date(2026, 2, 16).getTime());
    expect(new Date(to).getTime()).toBe(new Date(2026, 2, 23).getTime());
  });

  it('moves by months without overflowing short months', () => {
    expect(dayKey(addMonths(new Date(2026, 0, 31), 1))).toBe('2026-02-28');
    expect(dayKey(addMonths(new Date(2026, 2, 31), -1))).toBe('2026-02-28');
  });
});
