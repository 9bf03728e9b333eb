import type { CaseRow, Principal, Store, TaskRow } from '../store/index.js';
import { mayDo } from './mandates.js';

/**
 * Who may do what: the one place for roles and policies. The API's route
 * table, the citizen pages' router and the session answer the browser apps
 * read (`can`) all ask these functions; nothing else decides on a role.
 */
export type Role = 'designer' | 'official' | 'admin' | 'citizen' | 'intermediary';
export const roleOf = (p: Principal): Role =>
  p.kind === 'citizen' ? 'citizen' : p.kind === 'organisation' ? 'intermediary' : p.role;

/**
 * The audit trail's name for who acted: `citizen`; `mandate:<id>` for an
 * intermediary acting for the citizen by that mandate (it names the holder and
 * the citizen); `user:<name>` for staff; `client:<id>` for an intermediary's API
 * client not acting for anyone yet.
 */
export const actorOf = (p: Principal): string =>
  p.kind === 'citizen'
    ? p.via
      ? `mandate:${p.via.mandate.id}`
      : 'citizen'
    : p.kind === 'organisation'
      ? `client:${p.clientId}`
      : `user:${p.name}`;

/** The roles that design processes: edit drafts, import BPMN, publish, and use the designer (/ontwerp). */
export const designRoles: Role[] = ['designer'];

/** Who may design: the designer's own screens, the draft routes and the session's `can.design` follow this. */
export const canDesign = (p: Principal | undefined): boolean => !!p && designRoles.includes(roleOf(p));

/**
 * Who may read drafts (with their problems) and preview a draft's step as citizens
 * will see it: designers, and admins, who oversee every process without editing it.
 */
export const canSeeDrafts = (p: Principal | undefined): boolean => !!p && (canDesign(p) || roleOf(p) === 'admin');

/**
 * Whether this principal may see this case: a citizen only their own, an
 * official the cases with a task for one of their teams or that they started
 * themselves (at the counter), an admin all. Callers answer 404 when not, so
 * nobody learns that somebody else's case exists.
 */
export async function canSeeCase(
  store: Store,
  principal: Principal,
  row: CaseRow,
  at = new Date().toISOString(),
): Promise<boolean> {
  if (principal.kind === 'citizen') {
    if (row.subject !== principal.bsn) return false;
    if (!principal.via) return true;
    // Read again on every request: a revoked or ended mandate stops access at once.
    return mayDo(store, principal, row, 'view', at);
  }
  if (principal.kind === 'organisation')
    return !!(await store.mandates.allowing({
      holder: { kind: 'organisation', id: principal.kvk },
      citizen: row.subject,
      processKey: row.processKey,
      right: 'view',
      at,
    }));
  if (principal.role === 'admin') return true;
  if (principal.role === 'official') {
    const tasks = await store.tasks.list({ caseId: row.id });
    if (tasks.some((t) => principal.teams.includes(t.team))) return true;
    return (await store.cases.audit(row.id))[0]?.actor === `user:${principal.name}`;
  }
  return false;
}

/** A task of one of the official's teams; admins see all. */
export const canSeeTask = (principal: Principal, task: TaskRow): boolean =>
  principal.kind === 'user' && (principal.role === 'admin' || principal.teams.includes(task.team));

/** What the browser apps may offer this principal, computed here so no app keeps its own rule. */
export const capabilities = (p: Principal | undefined) => ({ design: canDesign(p), seeDrafts: canSeeDrafts(p) });
export type Capabilities = ReturnType<typeof capabilities>;
