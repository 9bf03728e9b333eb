import { describe, expect, test } from 'vitest';
import { deadlineState, formatDate, valueText } from '../../workspace/format.js';

describe('workspace dates and deadlines', () => {
  test('a deadline is a Dutch date in Dutch time', () => {
    // 23:30 UTC on 1 March is already 2 March in Amsterdam.
    expect(formatDate('2026-03-01T23:30:00Z', 'nl')).toBe('ma 2 maart 2026');
    expect(formatDate('2026-03-01T23:30:00Z', 'en')).toBe('Mon, 2 March 2026');
    expect(formatDate(null, 'nl')).toBe('');
  });

  test("overdue and due today: the API's flags win; without them they are computed; closed tasks are neither", () => {
    const now = new Date('2026-03-02T09:00:00Z');
    expect(deadlineState({ status: 'open', dueAt: '2026-03-01T09:00:00Z' }, now)).toEqual({
      overdue: true,
      dueToday: false,
    });
    expect(deadlineState({ status: 'claimed', dueAt: '2026-03-02T20:00:00Z' }, now)).toEqual({
      overdue: false,
      dueToday: true,
    });
    expect(deadlineState({ status: 'open', dueAt: '2026-03-05T09:00:00Z' }, now)).toEqual({
      overdue: false,
      dueToday: false,
    });
    expect(
      deadlineState({ status: 'open', dueAt: '2026-03-01T09:00:00Z', overdue: false, dueToday: false }, now),
    ).toEqual({ overdue: false, dueToday: false });
    expect(deadlineState({ status: 'completed', dueAt: '2026-03-01T09:00:00Z' }, now)).toEqual({
      overdue: false,
      dueToday: false,
    });
  });

  test('values as text', () => {
    expect(valueText(true, 'nl')).toBe('Ja');
    expect(valueText(false, 'en')).toBe('No');
    expect(valueText(['a', 'b'], 'nl')).toBe('a, b');
    expect(valueText(null, 'nl')).toBe('');
    expect(valueText(1850, 'nl')).toBe('1850');
  });
});
