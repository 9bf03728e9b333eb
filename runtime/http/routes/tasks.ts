import { z } from 'zod';
import type { Principal, TaskRow } from '../../store/index.js';
import { visibleTask } from '../access.js';
import { actorOf } from '../auth.js';
import { HttpError } from '../errors.js';
import { defineRoute, type RouteDef } from '../route.js';
import type { Services } from '../services.js';

const taskJson = (t: TaskRow) => ({
  id: t.id, caseId: t.caseId, step: t.step, kind: t.kind, team: t.team, status: t.status, assignee: t.assigneeName,
  dueAt: t.dueAt, request: t.request, outcome: t.outcome, createdAt: t.createdAt, closedAt: t.closedAt, rev: t.rev,
});
const user = (p: Principal) => {
  if (p.kind !== 'user') throw new HttpError(403, 'forbidden', 'only officials handle tasks');
  return p;
};

export function taskRoutes({ store, engine, clock }: Services): RouteDef[] {
  const result = (t: TaskRow) => ({ body: taskJson(t), etag: String(t.rev) });
  return [
    defineRoute({
      method: 'get', path: '/api/tasks', tag: 'tasks', roles: ['official', 'admin'], errors: [401, 403, 422],
      query: { team: 'one of your teams', status: 'open | claimed | completed | closed | active', assignee: "'me' or a user name", overdue: 'true' },
      summary: "Tasks of your teams, soonest deadline first",
      handler: ({ principal, query }) => {
        const u = user(principal);
        let teams: string[] | undefined = u.role === 'admin' ? undefined : u.teams;
        if (query.team) {
          if (teams && !teams.includes(query.team)) throw new HttpError(403, 'forbidden', `you are not in team '${query.team}'`);
          teams = [query.team];
        }
        const status = query.status;
        if (status && !['open', 'claimed', 'completed', 'closed', 'active'].includes(status)) throw new HttpError(422, 'invalid-request', 'status is open, claimed, completed, closed or active', { status: ['unknown status'] });
        let assignee: number | undefined;
        if (query.assignee) {
          const who = query.assignee === 'me' ? u : store.accounts.userByName(query.assignee);
          assignee = who?.id ?? -1;
        }
        if (query.overdue && query.overdue !== 'true' && query.overdue !== 'false') throw new HttpError(422, 'invalid-request', 'overdue is true or false', { overdue: ['true or false'] });
        const overdueAt = query.overdue === 'true' ? clock.now().toISOString() : undefined;
        return { body: store.tasks.list({ teams, status, assignee, overdueAt }).map(taskJson) };
      },
    }),
    defineRoute({
      method: 'get', path: '/api/tasks/:id', tag: 'tasks', roles: ['official', 'admin'], errors: [401, 403, 404],
      summary: 'One task',
      handler: ({ principal, params }) => result(visibleTask(store, principal, params.id)),
    }),
    defineRoute({
      method: 'post', path: '/api/tasks/:id/claim', tag: 'tasks', roles: ['official'], errors: [401, 403, 404, 409],
      summary: 'Claim a task (409 naming who holds it, if somebody else does)',
      handler: ({ principal, params, ifMatch }) => {
        visibleTask(store, principal, params.id);
        return result(engine.claimTask(params.id, user(principal), ifMatch));
      },
    }),
    defineRoute({
      method: 'post', path: '/api/tasks/:id/release', tag: 'tasks', roles: ['official', 'admin'], errors: [401, 403, 404, 409],
      summary: 'Release a claimed task back to the team queue',
      handler: ({ principal, params }) => {
        visibleTask(store, principal, params.id);
        return result(engine.releaseTask(params.id, user(principal)));
      },
    }),
    defineRoute({
      method: 'post', path: '/api/tasks/:id/complete', tag: 'tasks', roles: ['official'], errors: [401, 403, 404, 409, 422],
      summary: "Complete a task with one of the handoff's outcomes (and its fields); the case moves on",
      body: z.object({ outcome: z.string().min(1).max(100), data: z.record(z.string(), z.unknown()).optional() }).strict(),
      handler: ({ principal, params, body, lang, ifMatch }) => {
        const task = visibleTask(store, principal, params.id);
        const u = user(principal);
        engine.completeTask(task.id, body.outcome, body.data, { actor: actorOf(principal), userId: u.id, expectedRev: ifMatch, lang });
        return result(store.tasks.get(task.id)!);
      },
    }),
  ];
}
