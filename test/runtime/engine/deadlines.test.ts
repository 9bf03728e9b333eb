import { describe, expect, it } from 'vitest';
import { addWorkingDays, dueDate, isWorkingDay, objectionDeadline } from '../../../runtime/engine/deadlines.js';
import { checkDefinition } from '../../../runtime/model/index.js';
import { DateTime } from 'luxon';
import { asCitizen, BSN, closeStore, freshEnv, openEnv } from './setup.js';

const at = (iso: string) => new Date(iso);

describe('deadlines in working days', () => {
  it('skips weekends and Dutch public holidays: a handoff on the Friday before Easter', async () => {
    // Good Friday 3 April 2026 is a working day for government; Easter Monday 6 April is not.
    const friday = at('2026-04-03T08:00:00Z'); // 10:00 in Amsterdam
    expect(addWorkingDays(friday, 1).toISOString()).toBe('2026-04-07T08:00:00.000Z'); // Tuesday
    expect(addWorkingDays(friday, 3).toISOString()).toBe('2026-04-09T08:00:00.000Z'); // Thursday
    // King's Day (Monday 27 April 2026) and Ascension (Thursday 14 May) are skipped too.
    expect(addWorkingDays(at('2026-04-24T08:00:00Z'), 1).toISOString()).toBe('2026-04-28T08:00:00.000Z');
    expect(addWorkingDays(at('2026-05-13T08:00:00Z'), 1).toISOString()).toBe('2026-05-15T08:00:00.000Z');
    // Christmas and New Year across a year boundary: 24 Dec 2026 (Thu) + 2 → 29 Dec (Tue); 31 Dec + 1 → 4 Jan 2027 (Mon).
    expect(addWorkingDays(at('2026-12-24T08:00:00Z'), 2).toISOString()).toBe('2026-12-29T08:00:00.000Z');
    expect(addWorkingDays(at('2026-12-31T08:00:00Z'), 1).toISOString()).toBe('2027-01-04T08:00:00.000Z');
    expect(isWorkingDay(DateTime.fromISO('2026-04-06', { zone: 'Europe/Amsterdam' }))).toBe(false);
    expect(isWorkingDay(DateTime.fromISO('2026-04-03', { zone: 'Europe/Amsterdam' }))).toBe(true);
  });

  it('counts calendar durations in Dutch time and working days by the calendar of holidays', async () => {
    expect(dueDate(at('2026-03-27T10:00:00Z'), 'P2D').toISOString()).toBe('2026-03-29T09:00:00.000Z'); // across the DST change: same clock time
    expect(dueDate(at('2026-03-02T09:00:00Z'), { workingDays: 5 }).toISOString()).toBe('2026-03-09T09:00:00.000Z');
  });
});

describe('the objection term (bezwaar, Awb art. 6:7)', () => {
  it('ends six weeks after the decision, at the end of that day in Dutch time', () => {
    // Monday 2 March 2026, 10:00 in Amsterdam: the last day is Monday 13 April, through 23:59 (summer time by then).
    expect(objectionDeadline(at('2026-03-02T09:00:00Z')).toISOString()).toBe('2026-04-13T21:59:59.999Z');
    // The day is the Dutch one: 23:30 in Amsterdam is still 2 March; 00:30 there (23:30 UTC) is 3 March.
    expect(objectionDeadline(at('2026-03-02T22:30:00Z')).toISOString()).toBe('2026-04-13T21:59:59.999Z');
    expect(objectionDeadline(at('2026-03-02T23:30:00Z')).toISOString()).toBe('2026-04-14T21:59:59.999Z');
  });

  it('moves a last day on a weekend or a public holiday to the next working day (Algemene termijnenwet)', () => {
    // Monday 16 March + 6 weeks is King's Day (Monday 27 April 2026): the term runs through Tuesday 28 April.
    expect(objectionDeadline(at('2026-03-16T09:00:00Z')).toISOString()).toBe('2026-04-28T21:59:59.999Z');
    // A decision on Saturday 7 March: the Saturday six weeks on moves to Monday 20 April.
    expect(objectionDeadline(at('2026-03-07T09:00:00Z')).toISOString()).toBe('2026-04-20T21:59:59.999Z');
  });
});

describe('escalation of an overdue task', () => {
  it('flags the task exactly once, also after a restart, through a durable timer', async () => {
    const env = await freshEnv({ at: '2026-04-03T08:00:00Z', fixtures: ['toeslag'] });
    const row = await env.engine.startCase('toeslag', BSN, asCitizen());
    await env.engine.send(
      row.id,
      { type: 'submit', data: { huishouden: 'samen', aanslagnummer: 'A1' } },
      { actor: asCitizen() },
    );
    await env.engine.send(
      row.id,
      { type: 'submit', data: { inkomen: 1850, vermogen: 100, heeftAuto: false, iban: 'NL91ABNA0417164300' } },
      { actor: asCitizen() },
    );
    const task = (await env.store.tasks.list({ caseId: row.id }))[0];
    // 8 working days from Good Friday: Easter Monday skipped → Thursday 16 April.
    expect(task.dueAt).toBe('2026-04-16T08:00:00.000Z');
    expect((await env.store.tasks.timersOf(row.id)).map((t) => t.timer)).toEqual([`escalate:${task.id}`]);
    env.clock.set('2026-04-16T07:59:00Z');
    expect(await env.engine.fireDueTimers()).toBe(0);
    await closeStore(env.store);

    // Restart after the deadline: the first engine fires it, the next ones do not.
    const later = await openEnv(env.file, '2026-04-17T09:00:00Z');
    expect(await later.engine.fireDueTimers()).toBe(1);
    expect(await later.engine.fireDueTimers()).toBe(0);
    await closeStore(later.store);
    const again = await openEnv(env.file, '2026-04-20T09:00:00Z');
    expect(await again.engine.fireDueTimers()).toBe(0);
    const after = (await again.store.tasks.get(task.id))!;
    expect(after.escalatedAt).toBe('2026-04-17T09:00:00.000Z');
    expect(after.status).toBe('open');
    expect((await again.store.cases.audit(row.id)).filter((e) => e.type === 'task.escalated')).toHaveLength(1);
    expect(await again.store.cases.verifyAudit()).toMatchObject({ ok: true });
  });

  it('moves the task to the escalation team when the process names one, and clears the timer when the task is done in time', async () => {
    const env = await freshEnv({ fixtures: ['toeslag'] });
    const def = {
      key: 'escaleren',
      title: 'Escaleren',
      start: 'vraag',
      contact: { team: 'klantcontact' },
      steps: {
        vraag: {
          kind: 'form',
          title: 'Vraag',
          fields: [{ id: 'tekst', label: 'Tekst', type: 'text', required: true }],
          next: 'besluit',
        },
        besluit: {
          kind: 'handoff',
          title: 'Besluit',
          team: 'belastingen',
          due: 'P1D',
          escalate: { team: 'teamleiders' },
          outcomes: [{ id: 'klaar', label: 'Klaar', goto: 'einde' }],
        },
        einde: { kind: 'end', title: 'Einde', outcome: 'completed', message: 'Klaar.' },
      },
    };
    expect((await env.processes.saveDraft('escaleren', def, 't')).problems).toEqual([]);
    await env.processes.publish('escaleren', 't');
    const late = await env.engine.startCase('escaleren', BSN, asCitizen());
    await env.engine.send(late.id, { type: 'submit', data: { tekst: 'x' } }, { actor: asCitizen() });
    const onTime = await env.engine.startCase('escaleren', BSN, asCitizen());
    await env.engine.send(onTime.id, { type: 'submit', data: { tekst: 'y' } }, { actor: asCitizen() });
    const ann = (await env.store.accounts.userByName('ann'))!;
    const onTimeTask = (await env.store.tasks.list({ caseId: onTime.id }))[0];
    await env.engine.completeTask(onTimeTask.id, 'klaar', {}, { actor: 'user:ann', userId: ann.id });
    expect(await env.store.tasks.timersOf(onTime.id)).toEqual([]);

    env.clock.advance(2 * 24 * 3600_000);
    expect(await env.engine.fireDueTimers()).toBe(1);
    const moved = (await env.store.tasks.list({ caseId: late.id }))[0];
    expect(moved).toMatchObject({ team: 'teamleiders', status: 'open', assignee: null });
    expect(moved.escalatedAt).not.toBeNull();
  });
});

describe('negative outcomes', () => {
  it('must have a required reason field (P023), and cannot be completed without a reason', async () => {
    const base = {
      key: 'neg',
      title: 'Neg',
      start: 'h',
      contact: { team: 'k' },
      steps: {
        h: {
          kind: 'handoff',
          title: 'H',
          team: 't',
          due: 'P1D',
          outcomes: [{ id: 'nee', label: 'Nee', goto: 'e', negative: true }],
        },
        e: { kind: 'end', title: 'E', outcome: 'rejected', message: 'Nee.' },
      },
    };
    expect(checkDefinition(base).problems.map((p) => [p.code, p.node])).toEqual([['P023', 'h']]);
    const env = await freshEnv({ fixtures: ['toeslag'] });
    const row = await env.engine.startCase('toeslag', BSN, asCitizen());
    await env.engine.send(
      row.id,
      { type: 'submit', data: { huishouden: 'samen', aanslagnummer: 'A1' } },
      { actor: asCitizen() },
    );
    await env.engine.send(
      row.id,
      { type: 'submit', data: { inkomen: 1850, vermogen: 100, heeftAuto: false, iban: 'NL91ABNA0417164300' } },
      { actor: asCitizen() },
    );
    const task = (await env.store.tasks.list({ caseId: row.id }))[0];
    const ann = (await env.store.accounts.userByName('ann'))!;
    await expect(
      env.engine.completeTask(task.id, 'afwijzen', { reden: '  ' }, { actor: 'user:ann', userId: ann.id }),
    ).rejects.toThrowError(expect.objectContaining({ code: 'invalid-answers', details: { reden: ['Vul dit in.'] } }));
    expect((await env.store.tasks.get(task.id))!.status).toBe('open');
  });
});
