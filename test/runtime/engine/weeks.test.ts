import { describe, expect, it } from 'vitest';
import { foldWeeks, MAX_WEEKS, planWeeks, weekOf } from '../../../runtime/engine/weeks.js';
import { insights } from '../../../runtime/engine/index.js';
import { asCitizen, BSN, freshEnv } from './setup.js';

describe('the weekly series: weeks in Dutch time, Monday first', () => {
  it('plans the weeks of a period, the bounds cut to them', () => {
    // Wednesday 4 March to Tuesday 17 March (the 18th excluded): the weeks of 2, 9 and 16 March.
    expect(planWeeks({ from: '2026-03-04', to: '2026-03-18' }, new Date('2026-06-01T12:00:00Z'))).toEqual({
      weeks: ['2026-03-02', '2026-03-09', '2026-03-16'],
      from: '2026-03-03T23:00:00.000Z',
      to: '2026-03-17T23:00:00.000Z',
    });
    // `to` on a Monday: that Monday is not in the period, so its week is not shown.
    expect(planWeeks({ from: '2026-03-02', to: '2026-03-16' }, new Date()).weeks).toEqual(['2026-03-02', '2026-03-09']);
    // Summer time: midnight in Amsterdam is 22:00 UTC.
    expect(planWeeks({ from: '2026-07-06', to: '2026-07-13' }, new Date())).toMatchObject({
      weeks: ['2026-07-06'],
      from: '2026-07-05T22:00:00.000Z',
      to: '2026-07-12T22:00:00.000Z',
    });
  });

  it('without a start shows twelve weeks up to today; a long period its last 104 weeks', () => {
    // Sunday 8 March 2026 at 23:30 UTC is Monday the 9th in the Netherlands: that week is the last.
    const plan = planWeeks({}, new Date('2026-03-08T23:30:00Z'));
    expect(plan.weeks).toHaveLength(12);
    expect(plan.weeks[11]).toBe('2026-03-09');
    expect(plan.weeks[0]).toBe('2025-12-22');
    expect(plan.to).toBe('2026-03-09T23:00:00.000Z');
    const long = planWeeks({ from: '2020-01-01', to: '2026-03-10' }, new Date());
    expect(long.weeks).toHaveLength(MAX_WEEKS);
    expect(long.weeks[MAX_WEEKS - 1]).toBe('2026-03-09');
    // The counts start with the first week shown, not at the period's start six years before.
    expect(long.weeks[0]).toBe('2024-03-18');
    expect(long.from).toBe('2024-03-17T23:00:00.000Z');
  });

  it('folds UTC hours and Dutch days into weeks, empty weeks as zeros', () => {
    expect(weekOf('2026-03-08T22')).toBe('2026-03-02'); // 23:00 on Sunday in Amsterdam
    expect(weekOf('2026-03-08T23')).toBe('2026-03-09'); // midnight on Monday
    expect(weekOf('2026-03-15')).toBe('2026-03-09');
    const weeks = ['2026-03-02', '2026-03-09', '2026-03-16'];
    expect(
      foldWeeks(weeks, [
        { at: '2026-03-08T22', n: 2 },
        { at: '2026-03-08T23', n: '3' },
        { at: '2026-03-16', n: 1 },
        { at: '2026-04-01', n: 9 },
      ]),
    ).toEqual([2, 3, 1]);
  });

  it('counts real cases started and finished per week in the figures', async () => {
    // Monday 2 March 2026: two cases start; one withdraws the Tuesday after next.
    const env = await freshEnv({ at: '2026-03-02T09:00:00Z', fixtures: ['toeslag'] });
    const { engine, clock, store } = env;
    const a = await engine.startCase('toeslag', BSN, asCitizen());
    await engine.startCase('toeslag', BSN, asCitizen());
    clock.set(new Date('2026-03-17T10:00:00Z'));
    await engine.send(a.id, { type: 'withdraw' }, { actor: asCitizen() });
    await engine.startCase('toeslag', BSN, asCitizen());
    const r = await insights(store, engine, clock, 'toeslag', { version: 1, from: '2026-03-01', to: '2026-03-23' });
    expect(r.weeks).toEqual([
      { week: '2026-02-23', started: 0, finished: 0 },
      { week: '2026-03-02', started: 2, finished: 0 },
      { week: '2026-03-09', started: 0, finished: 0 },
      { week: '2026-03-16', started: 1, finished: 1 },
    ]);
    // The series agrees with the totals of the same period.
    expect(r.weeks.reduce((n, w) => n + w.started, 0)).toBe(r.cases.started);
    const narrow = await insights(store, engine, clock, 'toeslag', {
      version: 1,
      from: '2026-03-09',
      to: '2026-03-16',
    });
    expect(narrow.weeks).toEqual([{ week: '2026-03-09', started: 0, finished: 0 }]);
    expect(narrow.cases.started).toBe(0);
    // Without a period: twelve weeks up to today, the last one this week.
    const all = await insights(store, engine, clock, 'toeslag', { version: 1 });
    expect(all.weeks).toHaveLength(12);
    expect(all.weeks.at(-1)).toEqual({ week: '2026-03-16', started: 1, finished: 1 });
  });
});
