import type { Db } from './db.js';

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
export type TaskFilter = {
  teams?: string[];
  status?: string;
  assignee?: number;
  overdueAt?: string;
  caseId?: string;
  process?: string;
  limit?: number;
};
export type TimerRow = { id: number; caseId: string; timer: string; fireAt: string };

const toTask = (r: any): TaskRow => ({
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
  caseReference: r.case_reference,
  processKey: r.process_key,
  version: r.version,
});
const SELECT_TASK = `SELECT tasks.*, users.name AS assignee_name, cases.reference AS case_reference, cases.process_key, cases.version
  FROM tasks JOIN cases ON cases.id = tasks.case_id LEFT JOIN users ON users.id = tasks.assignee`;

/** Tasks for teams, and durable timers. */
export function taskRepo(db: Db) {
  return {
    insert(t: {
      id: string;
      caseId: string;
      step: string;
      kind: string;
      team: string;
      dueAt: string | null;
      request: Record<string, unknown>;
      at: string;
    }): void {
      db.prepare(
        `INSERT INTO tasks (id, case_id, step, kind, team, status, due_at, request, created_at) VALUES (?, ?, ?, ?, ?, 'open', ?, ?, ?)`,
      ).run(t.id, t.caseId, t.step, t.kind, t.team, t.dueAt, JSON.stringify(t.request), t.at);
    },
    get(id: string): TaskRow | undefined {
      const r = db.prepare(`${SELECT_TASK} WHERE tasks.id = ?`).get(id);
      return r ? toTask(r) : undefined;
    },
    list(f: TaskFilter): TaskRow[] {
      const where: string[] = [];
      const args: unknown[] = [];
      if (f.teams) {
        where.push(`tasks.team IN (${f.teams.map(() => '?').join(',') || 'NULL'})`);
        args.push(...f.teams);
      }
      if (f.status === 'active') where.push("tasks.status IN ('open', 'claimed')");
      else if (f.status) {
        where.push('tasks.status = ?');
        args.push(f.status);
      }
      if (f.assignee !== undefined) {
        where.push('tasks.assignee = ?');
        args.push(f.assignee);
      }
      if (f.overdueAt) {
        where.push("tasks.status IN ('open', 'claimed') AND tasks.due_at < ?");
        args.push(f.overdueAt);
      }
      if (f.caseId) {
        where.push('tasks.case_id = ?');
        args.push(f.caseId);
      }
      if (f.process) {
        where.push('cases.process_key = ?');
        args.push(f.process);
      }
      const sql = `${SELECT_TASK} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY tasks.due_at IS NULL, tasks.due_at, tasks.created_at LIMIT ?`;
      return db
        .prepare(sql)
        .all(...args, f.limit ?? 500)
        .map(toTask);
    },
    openFor(caseId: string, step: string): TaskRow[] {
      return db
        .prepare(`${SELECT_TASK} WHERE tasks.case_id = ? AND tasks.step = ? AND tasks.status IN ('open', 'claimed')`)
        .all(caseId, step)
        .map(toTask);
    },
    /** Changes a task only if it is still at revision `rev`; returns whether it did. */
    update(
      id: string,
      rev: number,
      set: { status?: TaskRow['status']; assignee?: number | null; outcome?: string | null; closedAt?: string | null },
    ): boolean {
      const cur = this.get(id);
      if (!cur || cur.rev !== rev) return false;
      const info = db
        .prepare(
          'UPDATE tasks SET status = ?, assignee = ?, outcome = ?, closed_at = ?, rev = rev + 1 WHERE id = ? AND rev = ?',
        )
        .run(
          set.status ?? cur.status,
          set.assignee === undefined ? cur.assignee : set.assignee,
          set.outcome === undefined ? cur.outcome : set.outcome,
          set.closedAt === undefined ? cur.closedAt : set.closedAt,
          id,
          rev,
        );
      return info.changes === 1;
    },
    /** Sets or clears the four-eyes proposal, if the task is still at `rev`. */
    setProposal(id: string, rev: number, proposal: Proposal | null): boolean {
      return (
        db
          .prepare('UPDATE tasks SET proposal = ?, rev = rev + 1 WHERE id = ? AND rev = ?')
          .run(proposal ? JSON.stringify(proposal) : null, id, rev).changes === 1
      );
    },
    /** Marks a task overdue-escalated, optionally moving it to another team's queue. */
    escalate(id: string, at: string, team: string | null): void {
      db.prepare(
        `UPDATE tasks SET escalated_at = ?, team = COALESCE(?, team), assignee = CASE WHEN ? IS NULL THEN assignee ELSE NULL END,
                  status = CASE WHEN ? IS NULL THEN status ELSE 'open' END, rev = rev + 1 WHERE id = ? AND escalated_at IS NULL`,
      ).run(at, team, team, team, id);
    },
    /** Moves a task to a team (back to its queue) or hands it to a member. */
    assign(id: string, rev: number, to: { team?: string; assignee?: number }): boolean {
      const info =
        to.assignee !== undefined
          ? db
              .prepare("UPDATE tasks SET assignee = ?, status = 'claimed', rev = rev + 1 WHERE id = ? AND rev = ?")
              .run(to.assignee, id, rev)
          : db
              .prepare(
                "UPDATE tasks SET team = ?, assignee = NULL, status = 'open', rev = rev + 1 WHERE id = ? AND rev = ?",
              )
              .run(to.team, id, rev);
      return info.changes === 1;
    },
    /** A migrated case's step got another id: its open tasks and pending timers follow. */
    renameStep(caseId: string, from: string, to: string): void {
      db.prepare(
        "UPDATE tasks SET step = ?, rev = rev + 1 WHERE case_id = ? AND step = ? AND status IN ('open', 'claimed')",
      ).run(to, caseId, from);
      db.prepare('UPDATE timers SET timer = ? WHERE case_id = ? AND timer = ? AND fired_at IS NULL').run(
        to,
        caseId,
        from,
      );
      db.prepare('UPDATE timers SET timer = ? WHERE case_id = ? AND timer = ? AND fired_at IS NULL').run(
        `${to}:timeout`,
        caseId,
        `${from}:timeout`,
      );
    },
    setTimer(caseId: string, timer: string, fireAt: string): void {
      db.prepare('INSERT INTO timers (case_id, timer, fire_at) VALUES (?, ?, ?)').run(caseId, timer, fireAt);
    },
    clearTimer(caseId: string, timer: string): void {
      db.prepare('DELETE FROM timers WHERE case_id = ? AND timer = ? AND fired_at IS NULL').run(caseId, timer);
    },
    dueTimers(now: string, limit = 100): TimerRow[] {
      return (
        db
          .prepare(
            'SELECT id, case_id, timer, fire_at FROM timers WHERE fired_at IS NULL AND fire_at <= ? ORDER BY fire_at LIMIT ?',
          )
          .all(now, limit) as any[]
      ).map((r) => ({ id: r.id, caseId: r.case_id, timer: r.timer, fireAt: r.fire_at }));
    },
    /** Marks a timer fired; false if it already was (or was cleared): it fires at most once. */
    markFired(id: number, at: string): boolean {
      return db.prepare('UPDATE timers SET fired_at = ? WHERE id = ? AND fired_at IS NULL').run(at, id).changes === 1;
    },
    timersOf(caseId: string): { timer: string; fireAt: string; firedAt: string | null }[] {
      return (
        db.prepare('SELECT timer, fire_at, fired_at FROM timers WHERE case_id = ? ORDER BY id').all(caseId) as any[]
      ).map((r) => ({ timer: r.timer, fireAt: r.fire_at, firedAt: r.fired_at }));
    },
  };
}
