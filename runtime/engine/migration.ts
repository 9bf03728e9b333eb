import { hostname } from 'node:os';
import { groupChain, isFinal, own, type Process } from '../model/index.js';
import type { CaseRow, Store } from '../store/index.js';
import type { Clock } from './clock.js';
import type { Engine } from './engine.js';
import { conflict, invalid, notFound } from './errors.js';
import type { LoadedVersion } from './versions.js';

export type MigrationPlan = {
  movable: { caseId: string; reference: string; step: string; to: string }[];
  blocked: { caseId: string; reference: string; step: string | null; reason: string }[];
};

/** The state value of a case at `step` in a definition: the step inside its groups, the contact region as it was. */
function valueAt(def: Process, step: string, contact: unknown): unknown {
  const s = own(def.steps, step)!;
  const chain = isFinal(s) ? [] : groupChain(def, s.group).reverse();
  let journey: unknown = step;
  for (const g of [...chain].reverse()) journey = { [g]: journey };
  return { journey, contact };
}

/**
 * Moving active cases from one version of a process to a later one: a case
 * can move when its current step exists in the new version (or the designer
 * maps it to one) with the same kind. Each move is atomic per case and lands
 * in the case's audit trail; open tasks and timers of the step follow it.
 */
export function createMigration({
  store,
  engine,
  clock,
  node = `${hostname()}:${process.pid}`,
}: {
  store: Store;
  engine: Engine;
  clock: Clock;
  /** Who holds the migration's lock (default: this host and process). */
  node?: string;
}) {
  async function check(key: string, from: number, to: number, mapping: Record<string, string>) {
    if (!(await store.processes.get(key))) throw notFound('process', { key });
    if (!(to > from)) throw invalid('invalid-request', 'migrateToLater', undefined, { to: { code: 'laterVersion' } });
    const source = (await engine.loadVersion(key, from)).process;
    const target = await engine.loadVersion(key, to);
    for (const [old, now] of Object.entries(mapping)) {
      if (!own(source.steps, old))
        throw invalid('invalid-request', ['mappingNotAStep', { step: old, version: from }], undefined, {
          mapping: { code: 'notAStepOf', params: { step: old, version: from } },
        });
      if (!own(target.process.steps, now))
        throw invalid('invalid-request', ['mappingNotAStep', { step: now, version: to }], undefined, {
          mapping: { code: 'notAStepOf', params: { step: now, version: to } },
        });
    }
    return { source, target };
  }

  function planOne(row: CaseRow, source: Process, target: Process, mapping: Record<string, string>) {
    const step = row.step;
    if (!step) return { reason: 'the case is not at a step' };
    const to = own(mapping, step) ?? step;
    if (!own(target.steps, to))
      return { reason: `step '${step}' does not exist in the new version (map it to a step that does)` };
    if (own(target.steps, to)!.kind !== own(source.steps, step)?.kind)
      return {
        reason: `step '${to}' is a ${own(target.steps, to)!.kind} in the new version, not a ${own(source.steps, step)?.kind}`,
      };
    return { to };
  }

  return {
    /** A dry run: which cases can move and which cannot, and why. Changes nothing. */
    async plan(key: string, from: number, to: number, mapping: Record<string, string> = {}): Promise<MigrationPlan> {
      const { source, target } = await check(key, from, to, mapping);
      const plan: MigrationPlan = { movable: [], blocked: [] };
      for (const row of await store.cases.activeOfVersion(key, from)) {
        const r = planOne(row, source, target.process, mapping);
        if ('to' in r) plan.movable.push({ caseId: row.id, reference: row.reference, step: row.step!, to: r.to! });
        else plan.blocked.push({ caseId: row.id, reference: row.reference, step: row.step, reason: r.reason });
      }
      return plan;
    },

    /**
     * Moves the movable cases, each in its own transaction. One node at a
     * time per process (the lock `migrate:<key>`): a second node that starts
     * the same migration meanwhile is refused with 409 `migration-running`.
     * A case that moved on meanwhile is left alone, so a repeated migration
     * moves nothing twice.
     */
    async migrate(
      key: string,
      from: number,
      to: number,
      mapping: Record<string, string>,
      actor: string,
    ): Promise<MigrationPlan & { moved: number }> {
      const result = await store.locks.run(`migrate:${key}`, node, 10 * 60_000, async () => {
        const plan = await this.plan(key, from, to, mapping);
        const target = await engine.loadVersion(key, to);
        let moved = 0;
        for (const m of plan.movable) {
          if (await moveOne(m, target, from, to, actor)) moved++;
        }
        return { ...plan, moved };
      });
      if (!result) throw conflict('migration-running', ['migrationRunning', { key }]);
      return result;
    },
  };

  /** Moves one case, if it is still where the plan found it. */
  function moveOne(
    m: MigrationPlan['movable'][number],
    target: LoadedVersion,
    from: number,
    to: number,
    actor: string,
  ): Promise<boolean> {
    return store.transaction(async () => {
      const row = (await store.cases.get(m.caseId))!;
      if (row.version !== from || row.status !== 'active' || row.step !== m.step) return false; // moved on meanwhile
      const old = row.snapshot as { value: { contact?: unknown }; context: unknown };
      const value = valueAt(target.process, m.to, old.value.contact ?? 'idle');
      // The new machine must accept the state: resolveState throws on a state it does not have.
      const snapshot = target.machine.resolveState({ value, context: old.context } as never);
      const at = clock.now().toISOString();
      await store.cases.moveToVersion(
        row.id,
        row.rev,
        to,
        m.to,
        { value: snapshot.value, context: snapshot.context },
        at,
      );
      if (m.to !== m.step) await store.tasks.renameStep(row.id, m.step, m.to);
      await store.cases.appendAudit(row.id, at, actor, 'case.migrated', {
        from,
        to,
        step: m.step,
        ...(m.to !== m.step ? { mappedTo: m.to } : {}),
      });
      return true;
    });
  }
}
