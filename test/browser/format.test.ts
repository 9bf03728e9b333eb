import { describe, expect, test } from 'vitest';
import { dutchDay, formatDate, formatDateTime, formatNumber, formatTime } from '../../browser/format.js';

describe('shared formatting: Dutch time, Dutch and English', () => {
  test('a date and time is written in Dutch time, whatever the computer says', () => {
    // 23:30 UTC on 1 March 2026 is 00:30 on 2 March in Amsterdam (winter time, UTC+1).
    expect(formatDateTime('2026-03-01T23:30:00Z', 'nl')).toBe('2 mrt 2026, 00:30');
    expect(formatDateTime('2026-03-01T23:30:00Z', 'en')).toBe('2 Mar 2026, 00:30');
    // Summer time: UTC+2.
    expect(formatDateTime('2026-07-01T12:00:00Z', 'nl')).toBe('1 jul 2026, 14:00');
    expect(formatTime(new Date('2026-07-01T12:00:05Z'), 'nl')).toBe('14:00:05');
  });

  test('no date is empty; text that is no date is shown as it is', () => {
    expect(formatDateTime(null, 'nl')).toBe('');
    expect(formatDateTime(undefined, 'en')).toBe('');
    expect(formatDateTime('gisteren', 'nl')).toBe('gisteren');
    expect(formatDate('gisteren', 'nl')).toBe('gisteren');
  });

  test('the Dutch calendar day of an instant', () => {
    expect(dutchDay(new Date('2026-03-01T22:59:59Z'))).toBe('2026-03-01');
    expect(dutchDay(new Date('2026-03-01T23:00:00Z'))).toBe('2026-03-02');
  });

  test('numbers group thousands the Dutch or the English way', () => {
    expect(formatNumber(1234567, 'nl')).toBe('1.234.567');
    expect(formatNumber(1234567, 'en')).toBe('1,234,567');
    expect(formatNumber(0, 'nl')).toBe('0');
  });
});
