import { sql as raw } from 'kysely';
import type { Sql } from './sql.js';

export type TaskRow = {
  id: string;
  caseId: string;
  step: string;
  kind: 'handoff' | 'contact';
  team: string;
  status: 'open' | 'claimed' | 'completed' | 'closed';
  assignee: number | null;
  assigneeName: string | null;
  dueAt: string | null;
  request: Record<string, unknown>;
  outcome: string | null;
  createdAt: string;
  closedAt: string | null;
  rev: number;
  escalatedAt: string | null;
  proposal: Proposal | null;
  /** When the citizen was told the current deadline passed (null: not told, or extended since). */
  lateNotifiedAt: string | null;
  /** The new expected date told in the late notice (README, "Eerlijk wachten"). */
  expectedAt: string | null;
  /** The one extension (Awb: once, with notice): when, why (the citizen reads it), by whom. */
  extendedAt: string | null;
  extensionReason: string | null;
  /** From the case: its reference and process version. */
  caseReference: string;
  processKey: string;
  version: number;
};
/** An outcome proposed under four-eyes, waiting for a second official. */
export type Proposal = {
  outcome: string;
  data: Record<string, unknown>;
  message: string | null;
  proposedBy: number;
  proposedByName: string;
  proposedAt: string;
};
/** How a queue is ordered: by deadline (soonest first, none last), or by when the task was received. */
export const TASK_SORTS = ['deadline', 'received', '-received'] as const;
export type TaskSort = (typeof TASK_SORTS)[number];
export const isTaskSort = (s: string): s is TaskSort => (TASK_SORTS as readonly string[]).includes(s);
export type TaskFilter = {
  sort?: TaskSort;
  teams?: string[];
  status?: string;
  assignee?: number;
  overdueAt?: string;
  caseId?: string;
  process?: string;
  limit?: number;
};
/** A task as a move opens it (runtime/store/commit.ts `task.inserted`). */
export type NewTask = {
  id: string;
  caseId: string;
  step: string;
  kind: string;
  team: string;
  dueAt: string | null;
  request: Record<string, unknown>;
  at: string;
};
export type TimerRow = { id: number; caseId: string; timer: string; fireAt: string };

type TaskJoined = {
  id: string;
  case_id: string;
  step: string;
  kind: TaskRow['kind'];
  team: string;
  status: TaskRow['status'];
  assignee: number | null;
  assignee_name: string | null;
  due_at: string | null;
  request: string;
  outcome: string | null;
  created_at: string;
  closed_at: string | null;
  rev: number;
  escalated_at: string | null;
  proposal: string | null;
  late_notified_at: string | null;
  expected_at: string | null;
  extended_at: string | null;
  extension_reason: string | null;
  case_reference: string;
  process_key: string;
  version: number;
};
const toTask = (r: TaskJoined): TaskRow => ({
  id: r.id,
  caseId: r.case_id,
  step: r.step,
  kind: r.kind,
  team: r.team,
  status: r.status,
  assignee: r.assignee,
  assigneeName: r.assignee_name ?? null,
  dueAt: r.due_at,
  request: JSON.parse(r.request),
  outcome: r.outcome,
  createdAt: r.created_at,
  closedAt: r.closed_at,
  rev: r.rev,
  escalatedAt: r.escalated_at ?? null,
  proposal: r.proposal ? JSON.parse(r.proposal) : null,
  lateNotifiedAt: r.late_notified_at ?? null,
  expectedAt: r.expected_at ?? null,
  extendedAt: r.extended_at ?? null,
  extensionReason: r.extension_reason ?? null,
  caseReference: r.case_reference,
  processKey: r.process_key,
  version: r.version,
});
const toTimer = (r: { id: number; case_id: string; timer: string; fire_at: string }): TimerRow => ({
  id: r.id,
  caseId: r.case_id,
  timer: r.timer,
  fireAt: r.fire_at,
});

/** Tasks for teams, and durable timers. */
export function taskRepo(sql: Sql) {
  const pg = sql.dialect === 'postgres';
  /** A task with its assignee's name and its case's reference and process version. */
  const tasks = () =>
    sql
      .q()
      .selectFrom('tasks')
      .innerJoin('cases', 'cases.id', 'tasks.case_id')
      .leftJoin('users', 'users.id', 'tasks.assignee')
      .selectAll('tasks')
      .select([
        'users.name as assignee_name',
        'cases.reference as case_reference',
        'cases.process_key',
        'cases.version',
      ]);
  const changed = (result: { numUpdatedRows: bigint }) => Number(result.numUpdatedRows);

  const self = {
    async insert(t: NewTask): Promise<void> {
      await sql
        .q()
        .insertInto('tasks')
        .values({
          id: t.id,
          case_id: t.caseId,
          step: t.step,
          kind: t.kind as TaskRow['kind'],
          team: t.team,
          status: 'open',
          due_at: t.dueAt,
          request: JSON.stringify(t.request),
          created_at: t.at,
          assignee: null,
          outcome: null,
          closed_at: null,
          escalated_at: null,
          proposal: null,
        })
        .execute();
    },
    async get(id: string): Promise<TaskRow | undefined> {
      const r = await tasks().where('tasks.id', '=', id).executeTakeFirst();
      return r ? toTask(r) : undefined;
    },
    /**
     * Active tasks staff may need a notice about (runtime/notify): made or
     * escalated since `since`, or with a four-eyes proposal waiting.
     */
    async forNotices(since: string, limit = 2000): Promise<TaskRow[]> {
      const rows = await tasks()
        .where('tasks.status', 'in', ['open', 'claimed'])
        .where((w) =>
          w.or([
            w('tasks.created_at', '>=', since),
            w('tasks.escalated_at', '>=', since),
            w('tasks.proposal', 'is not', null),
          ]),
        )
        .orderBy('tasks.created_at')
        .limit(limit)
        .execute();
      return rows.map(toTask);
    },
    async list(f: TaskFilter): Promise<TaskRow[]> {
      const rows = await tasks()
        .$if(f.teams !== undefined, (qb) =>
          // No teams: no tasks (an empty IN list is no SQL).
          f.teams!.length ? qb.where('tasks.team', 'in', f.teams!) : qb.where(raw<boolean>`1 = 0`),
        )
        .$if(f.status === 'active', (qb) => qb.where('tasks.status', 'in', ['open', 'claimed']))
        .$if(!!f.status && f.status !== 'active', (qb) => qb.where('tasks.status', '=', f.status as TaskRow['status']))
        .$if(f.assignee !== undefined, (qb) => qb.where('tasks.assignee', '=', f.assignee!))
        .$if(!!f.overdueAt, (qb) =>
          qb.where('tasks.status', 'in', ['open', 'claimed']).where('tasks.due_at', '<', f.overdueAt!),
        )
        .$if(!!f.caseId, (qb) => qb.where('tasks.case_id', '=', f.caseId!))
        .$if(!!f.process, (qb) => qb.where('cases.process_key', '=', f.process!))
        // By deadline: tasks without a due date last, in both dialects. By received: the task's creation.
        .$if((f.sort ?? 'deadline') === 'deadline', (qb) =>
          qb
            .orderBy(raw`CASE WHEN tasks.due_at IS NULL THEN 1 ELSE 0 END`)
            .orderBy('tasks.due_at')
            .orderBy('tasks.created_at'),
        )
        .$if(f.sort === 'received', (qb) => qb.orderBy('tasks.created_at', 'asc'))
        .$if(f.sort === '-received', (qb) => qb.orderBy('tasks.created_at', 'desc'))
        // One order for equal keys, so "next task" and a reload agree.
        .orderBy('tasks.id')
        .limit(f.limit ?? 500)
        .execute();
      return rows.map(toTask);
    },
    async openFor(caseId: string, step: string): Promise<TaskRow[]> {
      const rows = await tasks()
        .where('tasks.case_id', '=', caseId)
        .where('tasks.step', '=', step)
        .where('tasks.status', 'in', ['open', 'claimed'])
        .execute();
      return rows.map(toTask);
    },
    /** Changes a task only if it is still at revision `rev`; returns whether it did. */
    async update(
      id: string,
      rev: number,
      set: { status?: TaskRow['status']; assignee?: number | null; outcome?: string | null; closedAt?: string | null },
    ): Promise<boolean> {
      const cur = await self.get(id);
      if (!cur || cur.rev !== rev) return false;
      const result = await sql
        .q()
        .updateTable('tasks')
        .set((eb) => ({
          status: set.status ?? cur.status,
          assignee: set.assignee === undefined ? cur.assignee : set.assignee,
          outcome: set.outcome === undefined ? cur.outcome : set.outcome,
          closed_at: set.closedAt === undefined ? cur.closedAt : set.closedAt,
          rev: eb('rev', '+', 1),
        }))
        .where('id', '=', id)
        .where('rev', '=', rev)
        .executeTakeFirst();
      return changed(result) === 1;
    },
    /** Sets or clears the four-eyes proposal, if the task is still at `rev`. */
    async setProposal(id: string, rev: number, proposal: Proposal | null): Promise<boolean> {
      const result = await sql
        .q()
        .updateTable('tasks')
        .set((eb) => ({ proposal: proposal ? JSON.stringify(proposal) : null, rev: eb('rev', '+', 1) }))
        .where('id', '=', id)
        .where('rev', '=', rev)
        .executeTakeFirst();
      return changed(result) === 1;
    },
    /** Marks a task overdue-escalated, optionally moving it to another team's queue. */
    async escalate(id: string, at: string, team: string | null): Promise<void> {
      await sql
        .q()
        .updateTable('tasks')
        .set((eb) =>
          team === null
            ? { escalated_at: at, rev: eb('rev', '+', 1) }
            : { escalated_at: at, team, assignee: null, status: 'open' as const, rev: eb('rev', '+', 1) },
        )
        .where('id', '=', id)
        .where('escalated_at', 'is', null)
        .execute();
    },
    /** Marks a task's deadline as told to the citizen, once: false if it already was. */
    async markLate(id: string, at: string, expectedAt: string): Promise<boolean> {
      const result = await sql
        .q()
        .updateTable('tasks')
        .set({ late_notified_at: at, expected_at: expectedAt })
        .where('id', '=', id)
        .where('late_notified_at', 'is', null)
        .executeTakeFirst();
      return changed(result) === 1;
    },
    /** Active tasks whose deadline passed before `now` and whose citizen was not told yet. */
    async lateUntold(now: string, limit = 100): Promise<TaskRow[]> {
      const rows = await tasks()
        .where('tasks.status', 'in', ['open', 'claimed'])
        .where('tasks.kind', '=', 'handoff')
        .where('tasks.due_at', '<=', now)
        .where('tasks.late_notified_at', 'is', null)
        .orderBy('tasks.due_at')
        .limit(limit)
        .execute();
      return rows.map(toTask);
    },
    /**
     * The one extension of a task's deadline: false if it was extended before
     * or changed since `rev`. The late notice may come again for the new date.
     */
    async extend(id: string, rev: number, to: { dueAt: string; reason: string; by: string; at: string }) {
      const result = await sql
        .q()
        .updateTable('tasks')
        .set((eb) => ({
          due_at: to.dueAt,
          extended_at: to.at,
          extension_reason: to.reason,
          extended_by: to.by,
          late_notified_at: null,
          expected_at: null,
          rev: eb('rev', '+', 1),
        }))
        .where('id', '=', id)
        .where('rev', '=', rev)
        .where('extended_at', 'is', null)
        .executeTakeFirst();
      return changed(result) === 1;
    },
    /** Moves a task to a team (back to its queue) or hands it to a member. */
    async assign(id: string, rev: number, to: { team?: string; assignee?: number }): Promise<boolean> {
      const result = await sql
        .q()
        .updateTable('tasks')
        .set((eb) =>
          to.assignee !== undefined
            ? { assignee: to.assignee, status: 'claimed' as const, rev: eb('rev', '+', 1) }
            : { team: to.team, assignee: null, status: 'open' as const, rev: eb('rev', '+', 1) },
        )
        .where('id', '=', id)
        .where('rev', '=', rev)
        .executeTakeFirst();
      return changed(result) === 1;
    },
    /** A migrated case's step got another id: its open tasks and pending timers follow. */
    async renameStep(caseId: string, from: string, to: string): Promise<void> {
      await sql
        .q()
        .updateTable('tasks')
        .set((eb) => ({ step: to, rev: eb('rev', '+', 1) }))
        .where('case_id', '=', caseId)
        .where('step', '=', from)
        .where('status', 'in', ['open', 'claimed'])
        .execute();
      for (const [a, b] of [
        [from, to],
        [`${from}:timeout`, `${to}:timeout`],
      ])
        await sql
          .q()
          .updateTable('timers')
          .set({ timer: b })
          .where('case_id', '=', caseId)
          .where('timer', '=', a)
          .where('fired_at', 'is', null)
          .execute();
    },
    async setTimer(caseId: string, timer: string, fireAt: string): Promise<void> {
      await sql.q().insertInto('timers').values({ case_id: caseId, timer, fire_at: fireAt }).execute();
    },
    async clearTimer(caseId: string, timer: string): Promise<void> {
      await sql
        .q()
        .deleteFrom('timers')
        .where('case_id', '=', caseId)
        .where('timer', '=', timer)
        .where('fired_at', 'is', null)
        .execute();
    },
    /** Timers due at `now` and not fired yet, whoever holds them (see claimDue for several nodes). */
    async dueTimers(now: string, limit = 100): Promise<TimerRow[]> {
      const rows = await sql
        .q()
        .selectFrom('timers')
        .select(['id', 'case_id', 'timer', 'fire_at'])
        .where('fired_at', 'is', null)
        .where('fire_at', '<=', now)
        .orderBy('fire_at')
        .orderBy('id')
        .limit(limit)
        .execute();
      return rows.map(toTimer);
    },
    /**
     * Claims up to `limit` due timers for `node` until `now + leaseMs`: those
     * not fired, whose lease is free or expired (a node that died holds its
     * timers only until then), earliest first. Two nodes claiming at once
     * never get the same timer: PostgreSQL skips rows another claim has
     * locked (FOR UPDATE SKIP LOCKED); SQLite has one writer. Firing stays
     * guarded by markFired, so a lease that ran out mid-fire still fires once.
     */
    async claimDue(node: string, now: string, leaseMs: number, limit = 100): Promise<TimerRow[]> {
      const until = new Date(Date.parse(now) + leaseMs).toISOString();
      const rows = await sql
        .q()
        .updateTable('timers')
        .set({ claimed_by: node, claimed_until: until })
        .where('id', 'in', (eb) =>
          eb
            .selectFrom('timers')
            .select('id')
            .where('fired_at', 'is', null)
            .where('fire_at', '<=', now)
            .where((w) => w.or([w('claimed_until', 'is', null), w('claimed_until', '<=', now)]))
            .orderBy('fire_at')
            .orderBy('id')
            .limit(limit)
            .$if(pg, (qb) => qb.forUpdate().skipLocked()),
        )
        .returning(['id', 'case_id', 'timer', 'fire_at'])
        .execute();
      // RETURNING has no order of its own.
      return rows.map(toTimer).sort((a, b) => (a.fireAt < b.fireAt ? -1 : a.fireAt > b.fireAt ? 1 : a.id - b.id));
    },
    /** Hands the unfired timers `node` holds back (a node stopping): another node may claim them at once. */
    async releaseClaims(node: string): Promise<number> {
      const result = await sql
        .q()
        .updateTable('timers')
        .set({ claimed_by: null, claimed_until: null })
        .where('claimed_by', '=', node)
        .where('fired_at', 'is', null)
        .executeTakeFirst();
      return changed(result);
    },
    /** Marks a timer fired; false if it already was (or was cleared): it fires at most once. */
    async markFired(id: number, at: string): Promise<boolean> {
      const result = await sql
        .q()
        .updateTable('timers')
        .set({ fired_at: at })
        .where('id', '=', id)
        .where('fired_at', 'is', null)
        .executeTakeFirst();
      return changed(result) === 1;
    },
    async timersOf(caseId: string): Promise<{ timer: string; fireAt: string; firedAt: string | null }[]> {
      const rows = await sql
        .q()
        .selectFrom('timers')
        .select(['timer', 'fire_at', 'fired_at'])
        .where('case_id', '=', caseId)
        .orderBy('id')
        .execute();
      return rows.map((r) => ({ timer: r.timer, fireAt: r.fire_at, firedAt: r.fired_at }));
    },
  };
  return self;
}
