import { z } from 'zod';
import type { Engine } from '../../engine/index.js';
import { dutchDate, fieldKind, t, taskOf, type Lang } from '../../model/index.js';
import { pagesCatalogues, translate } from '../../i18n/index.js';
import { isTaskSort, TASK_SORTS, type Principal, type TaskRow } from '../../store/index.js';
import { purposeHeader, readTask, visibleTask } from '../access.js';
import { actorOf } from '../../auth/index.js';
import { HttpError } from '../errors.js';
import { defineRoute, namedValues, type RouteDef } from '../route.js';
import type { Services } from '../services.js';
import { taskCountsSchema, taskDetailSchema, taskSchema, teamMemberSchema } from '../schemas/tasks.js';

const user = (p: Principal) => {
  if (p.kind !== 'user') throw new HttpError(403, 'forbidden', 'onlyOfficialsHandleTasks');
  return p;
};

/** A task as the queue shows it: with its case reference, process and step titles, and deadline flags. */
async function taskJson(engine: Engine, task: TaskRow, now: Date, lang: Lang) {
  const process = (await engine.loadVersion(task.processKey, task.version)).process;
  const proposal = task.proposal;
  const step = process.steps[task.step];
  const outcomes = taskOf(step)?.outcomes;
  const outcomeLabel = (id: string) => (outcomes ? t(outcomes.find((o) => o.id === id)?.label, lang) : id) || id;
  const active = task.status === 'open' || task.status === 'claimed';
  return {
    id: task.id,
    caseId: task.caseId,
    caseReference: task.caseReference,
    process: { key: task.processKey, title: t(process.title, lang) },
    step: task.step,
    stepTitle: step ? t(step.title, lang) : translate(pagesCatalogues, lang, 'person'),
    kind: task.kind,
    team: task.team,
    status: task.status,
    assignee: task.assigneeName,
    dueAt: task.dueAt,
    overdue: active && !!task.dueAt && task.dueAt < now.toISOString(),
    dueToday: active && !!task.dueAt && dutchDate(new Date(task.dueAt)) === dutchDate(now),
    escalatedAt: task.escalatedAt,
    extendedAt: task.extendedAt,
    extensionReason: task.extensionReason,
    request: task.request,
    outcome: task.outcome,
    createdAt: task.createdAt,
    closedAt: task.closedAt,
    rev: task.rev,
    proposal: proposal
      ? {
          outcome: proposal.outcome,
          outcomeLabel: outcomeLabel(proposal.outcome),
          data: proposal.data,
          message: proposal.message,
          proposedBy: proposal.proposedByName,
          proposedAt: proposal.proposedAt,
        }
      : null,
  };
}

/** The handoff's instructions, outcomes with their fields, and why the rules handed the case off. */
async function handoffJson(engine: Engine, services: Services, task: TaskRow, lang: Lang) {
  const step = taskOf((await engine.loadVersion(task.processKey, task.version)).process.steps[task.step]);
  if (task.kind !== 'handoff' || !step) return null;
  const audit = await services.store.cases.audit(task.caseId);
  const opened = audit.findIndex((e) => e.type === 'task.opened' && e.data.task === task.id);
  const decision = audit
    .slice(0, opened < 0 ? undefined : opened)
    .reverse()
    .find((e) => e.type === 'decision.made');
  const because = decision?.data.because as Record<string, string> | undefined;
  return {
    instructions: t(step.instructions, lang) || null,
    reason: because?.[lang] ?? because?.nl ?? null,
    outcomes: step.outcomes.map((o) => ({
      id: o.id,
      label: t(o.label, lang),
      negative: !!o.negative,
      fourEyes: !!o.fourEyes,
      fields: (o.fields ?? []).map((f) => ({
        id: f.id,
        label: t(f.label, lang),
        type: f.type,
        required: !!f.required,
        hint: t(f.hint, lang) || undefined,
        options: f.options?.map((x) => ({ value: x.value, label: t(x.label, lang) })),
        min: f.min,
        max: f.max,
        freeText: !!fieldKind(f.type).freeText,
      })),
    })),
  };
}

export function taskRoutes(services: Services): RouteDef[] {
  const { store, engine, clock } = services;
  const result = async (task: TaskRow | Promise<TaskRow>, lang: Lang, status?: number) => {
    const row = await task;
    return { status, body: await taskJson(engine, row, clock.now(), lang), etag: String(row.rev) };
  };
  /** Many tasks, one after the other: a queue of thousands must not take every connection at once. */
  const jsonOf = async (rows: TaskRow[], now: Date, lang: Lang) => {
    const out: Awaited<ReturnType<typeof taskJson>>[] = [];
    for (const x of rows) out.push(await taskJson(engine, x, now, lang));
    return out;
  };
  /** The teams whose tasks this user sees, narrowed to `team` when asked (403 for a team not theirs). */
  const teamsFor = (principal: Principal, team: string | undefined) => {
    const u = user(principal);
    let teams: string[] | undefined = u.role === 'admin' ? undefined : u.teams;
    if (team) {
      if (teams && !teams.includes(team)) throw new HttpError(403, 'forbidden', ['notInTeam', { team }]);
      teams = [team];
    }
    return teams;
  };
  return [
    defineRoute({
      method: 'get',
      path: '/api/tasks',
      tag: 'tasks',
      roles: ['official', 'admin'],
      errors: [401, 403, 422],
      operationId: 'listTasks',
      response: z.array(taskSchema),
      query: {
        team: 'one of your teams',
        status: 'open | claimed | completed | closed | active',
        assignee: "'me' or a user name",
        overdue: 'true',
        process: 'a process key',
        sort: 'deadline (soonest first, none last; the default) | received (oldest first) | -received (newest first)',
      },
      summary: 'Tasks of all your teams (or one team), soonest deadline first unless sorted otherwise; filters combine',
      handler: async ({ principal, query, lang }) => {
        const teams = teamsFor(principal, query.team);
        const status = query.status;
        if (status && !['open', 'claimed', 'completed', 'closed', 'active'].includes(status))
          throw new HttpError(422, 'invalid-request', 'taskStatusParam', {
            status: ['unknown status'],
          });
        let assignee: number | undefined;
        if (query.assignee) {
          const who = query.assignee === 'me' ? user(principal) : await store.accounts.userByName(query.assignee);
          assignee = who?.id ?? -1;
        }
        if (query.overdue && query.overdue !== 'true' && query.overdue !== 'false')
          throw new HttpError(422, 'invalid-request', 'overdueParam', { overdue: ['true or false'] });
        const overdueAt = query.overdue === 'true' ? clock.now().toISOString() : undefined;
        const sort = query.sort ?? 'deadline';
        if (!isTaskSort(sort))
          throw new HttpError(422, 'invalid-request', ['taskSortParam', { sort: sort.slice(0, 40) }], {
            sort: [`one of ${TASK_SORTS.join(', ')}`],
          });
        const rows = await store.tasks.list({ teams, status, assignee, overdueAt, process: query.process, sort });
        return { body: await jsonOf(rows, clock.now(), lang) };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/tasks/counts',
      tag: 'tasks',
      roles: ['official', 'admin'],
      errors: [401, 403],
      operationId: 'countTasks',
      response: taskCountsSchema,
      query: { team: 'one of your teams' },
      summary: 'Counts for the queue: open, claimed, mine, overdue, due today',
      handler: async ({ principal, query, lang }) => {
        const me = user(principal);
        const now = clock.now();
        const rows = await store.tasks.list({
          teams: teamsFor(principal, query.team),
          status: 'active',
          limit: 100_000,
        });
        const active = await jsonOf(rows, now, lang);
        return {
          body: {
            open: active.filter((x) => x.status === 'open').length,
            claimed: active.filter((x) => x.status === 'claimed').length,
            mine: active.filter((x) => x.assignee === me.name).length,
            overdue: active.filter((x) => x.overdue).length,
            dueToday: active.filter((x) => x.dueToday).length,
          },
        };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/tasks/:id',
      tag: 'tasks',
      roles: ['official', 'admin'],
      errors: [401, 403, 404, 422, 503],
      operationId: 'getTask',
      requestHeaders: purposeHeader,
      response: taskDetailSchema,
      etag: true,
      summary: "One task, with the handoff's instructions, outcomes and why it was handed off",
      handler: async ({ req, principal, params, lang }) => {
        // The task carries why the case came to the team and any proposal: a read of the citizen's data, logged.
        const task = await readTask(store, clock, { principal, req }, params.id);
        return {
          body: {
            ...(await taskJson(engine, task, clock.now(), lang)),
            handoff: await handoffJson(engine, services, task, lang),
          },
          etag: String(task.rev),
        };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/tasks/:id/claim',
      tag: 'tasks',
      roles: ['official'],
      errors: [401, 403, 404, 409],
      operationId: 'claimTask',
      response: taskSchema,
      etag: true,
      summary: 'Claim a task (409 naming who holds it, if somebody else does)',
      handler: async ({ principal, params, ifMatch, lang }) => {
        await visibleTask(store, principal, params.id);
        return result(engine.claimTask(params.id, user(principal), ifMatch), lang);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/tasks/:id/release',
      tag: 'tasks',
      roles: ['official', 'admin'],
      errors: [401, 403, 404, 409],
      operationId: 'releaseTask',
      response: taskSchema,
      etag: true,
      summary: 'Release a claimed task back to the team queue',
      handler: async ({ principal, params, lang }) => {
        await visibleTask(store, principal, params.id);
        return result(engine.releaseTask(params.id, user(principal)), lang);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/tasks/:id/extend',
      tag: 'tasks',
      roles: ['official'],
      errors: [401, 403, 404, 409, 422],
      operationId: 'extendTask',
      response: taskSchema,
      etag: true,
      summary:
        "Extend a handoff's deadline once (Awb), to a date or by days, with a reason the citizen reads; 409 if it was extended before",
      body: z
        .object({
          until: z.iso.datetime({ offset: true }).or(z.iso.date()).optional().describe('the new deadline'),
          days: z.number().int().min(1).max(365).optional().describe('or: days added to the current deadline'),
          reason: z.string().trim().min(1).max(1000).describe('why, in words the citizen reads'),
        })
        .strict(),
      handler: async ({ principal, params, body, lang, ifMatch }) => {
        await visibleTask(store, principal, params.id);
        if ((body.until === undefined) === (body.days === undefined))
          throw new HttpError(422, 'invalid-request', 'bodyNeedsCorrecting', {
            until: ['give either until (a date) or days (a number), not both'],
          });
        const by = body.until !== undefined ? { until: body.until } : { days: body.days };
        return result(engine.extendTask(params.id, by, body.reason, actorOf(principal), ifMatch), lang);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/tasks/:id/complete',
      tag: 'tasks',
      roles: ['official'],
      errors: [401, 403, 404, 409, 422],
      success: 200,
      operationId: 'completeTask',
      response: taskSchema,
      etag: true,
      alsoSuccess: { 202: 'Proposed: the outcome waits for a second official to approve it (four-eyes)' },
      summary:
        "Complete a task with one of the handoff's outcomes (its fields, a message to the citizen); 202 when it waits for four-eyes approval",
      body: z
        .object({
          outcome: z.string().min(1).max(100),
          data: namedValues(z.unknown()).optional(),
          message: z.string().max(5000).optional(),
        })
        .strict(),
      handler: async ({ principal, params, body, lang, ifMatch }) => {
        const task = await visibleTask(store, principal, params.id);
        const u = user(principal);
        await engine.completeTask(task.id, body.outcome, body.data, {
          actor: actorOf(principal),
          userId: u.id,
          userName: u.name,
          expectedRev: ifMatch,
          lang,
          message: body.message,
        });
        const after = (await store.tasks.get(task.id))!;
        return result(after, lang, after.proposal ? 202 : 200);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/tasks/:id/approve',
      tag: 'tasks',
      roles: ['official'],
      errors: [401, 403, 404, 409],
      operationId: 'approveProposal',
      response: taskSchema,
      etag: true,
      summary: 'Approve the outcome another official proposed (four-eyes); it then takes effect',
      handler: async ({ principal, params, lang }) => {
        await visibleTask(store, principal, params.id);
        await engine.approveProposal(params.id, user(principal));
        return result((await store.tasks.get(params.id))!, lang);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/tasks/:id/reject-proposal',
      tag: 'tasks',
      roles: ['official'],
      errors: [401, 403, 404, 409, 422],
      operationId: 'rejectProposal',
      response: taskSchema,
      etag: true,
      summary: 'Send a proposed outcome back to the official who proposed it',
      body: z.object({ note: z.string().max(2000).optional() }).strict(),
      handler: async ({ principal, params, body, lang }) => {
        await visibleTask(store, principal, params.id);
        return result(engine.rejectProposal(params.id, user(principal), body.note), lang);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/tasks/:id/assign',
      tag: 'tasks',
      roles: ['official', 'admin'],
      errors: [401, 403, 404, 409, 422],
      operationId: 'assignTask',
      response: taskSchema,
      etag: true,
      summary:
        'Hand a task to a member of its team, or move it to another team (one of GET /api/teams that officials work in; 422 otherwise)',
      body: z
        .object({ user: z.string().min(1).max(100).optional(), team: z.string().min(1).max(100).optional() })
        .strict()
        .refine((b) => !!b.user !== !!b.team, { message: 'give either "user" or "team"' }),
      handler: async ({ principal, params, body, lang, ifMatch }) => {
        const task = await visibleTask(store, principal, params.id);
        if (body.user) {
          const member = await store.accounts.userByName(body.user);
          if (!member || member.role !== 'official' || !member.teams.includes(task.team)) {
            throw new HttpError(422, 'invalid-request', ['notTeamOfficial', { user: body.user, team: task.team }], {
              user: ['not a member of this team'],
            });
          }
          return result(
            engine.assignTask(task.id, { userId: member.id, userName: member.name }, actorOf(principal), ifMatch),
            lang,
          );
        }
        // Only a team of the list of teams (GET /api/teams): a typo would send the task nowhere.
        if (!(await store.teams.get(body.team!)))
          throw new HttpError(422, 'unknown-team', ['unknownTeam', { team: body.team }], {
            team: ['not a team: choose one of GET /api/teams'],
          });
        // A team nobody works in has no queue: the task would vanish from every official's view.
        if ((await store.accounts.teamMembers(body.team!)).length === 0) {
          throw new HttpError(422, 'invalid-request', ['teamHasNoOfficials', { team: body.team }], {
            team: ['no official works in this team'],
          });
        }
        return result(engine.assignTask(task.id, { team: body.team }, actorOf(principal), ifMatch), lang);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/teams/:team/members',
      tag: 'tasks',
      roles: ['official', 'admin'],
      errors: [401, 403],
      operationId: 'listTeamMembers',
      response: z.array(teamMemberSchema),
      summary: 'The officials of one of your teams (to hand a task to)',
      handler: async ({ principal, params }) => {
        teamsFor(principal, params.team);
        return { body: (await store.accounts.teamMembers(params.team)).map((m) => ({ name: m.name })) };
      },
    }),
  ];
}
