import { describe, expect, it } from 'vitest';
import {
  addDays,
  barLength,
  chartWindow,
  mondayOf,
  niceMax,
  weekInPeriod,
  weekLabel,
  weeksPeriod,
} from '../../designer/model/charts.js';

describe("the figures' charts: scales and the period chosen on the weekly chart", () => {
  it('rounds the value axis up to 1, 2 or 5 times a power of ten; a value above 0 stays visible', () => {
    expect([0, 0.4, 1, 3, 7, 12, 48, 51, 999].map(niceMax)).toEqual([1, 1, 1, 5, 10, 20, 50, 100, 1000]);
    expect(barLength(0, 10, 100)).toBe(0);
    expect(barLength(null, 10, 100)).toBe(0);
    expect(barLength(0.01, 10, 100)).toBe(2);
    expect(barLength(5, 10, 100)).toBe(50);
  });

  it('turns one or two chosen weeks into whole days, Monday to Sunday, in either order', () => {
    expect(weeksPeriod('2026-03-09', '2026-03-09')).toEqual({ from: '2026-03-09', to: '2026-03-15' });
    expect(weeksPeriod('2026-03-16', '2026-03-02')).toEqual({ from: '2026-03-02', to: '2026-03-22' });
    expect(weekInPeriod('2026-03-09', '2026-03-02', '2026-03-22')).toBe(true);
    expect(weekInPeriod('2026-03-23', '2026-03-02', '2026-03-22')).toBe(false);
    // A period that starts mid-week marks that week; no period marks none.
    expect(weekInPeriod('2026-03-09', '2026-03-12', '')).toBe(true);
    expect(weekInPeriod('2026-03-09', '', '')).toBe(false);
  });

  it('finds Mondays and keeps its window of weeks up to today', () => {
    expect(mondayOf('2026-03-15')).toBe('2026-03-09');
    expect(mondayOf('2026-03-09')).toBe('2026-03-09');
    expect(addDays('2026-02-27', 2)).toBe('2026-03-01');
    expect(chartWindow(12, '2026-03-11')).toEqual({ from: '2025-12-22', to: '2026-03-15' });
    expect(weekLabel('2026-03-02', 'nl')).toBe('2 mrt');
    expect(weekLabel('2026-03-02', 'en')).toBe('2 Mar');
  });
});
