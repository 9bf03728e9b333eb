import { z } from 'zod';
import { createMigration, insights } from '../../engine/index.js';
import { isDateOrInstant } from '../../model/index.js';
import { visibleCase } from '../access.js';
import { HttpError } from '../errors.js';
import { defineRoute, namedValues, numberParam, type RouteDef } from '../route.js';
import type { Services } from '../services.js';
import { feedbackGivenSchema, insightsSchema, migrationSchema } from '../schemas/insights.js';

const isoOrDate = (v: string | undefined, name: string) => {
  if (v === undefined) return undefined;
  if (!isDateOrInstant(v))
    throw new HttpError(422, 'invalid-request', ['dateParam', { name }], { [name]: ['a real date like 2026-03-01'] });
  return v;
};

/** A migration plan without case ids and references (what a designer may see). */
function withoutCases<
  P extends { movable: { caseId: string; reference: string }[]; blocked: { caseId: string; reference: string }[] },
>(plan: P) {
  return {
    ...plan,
    movable: plan.movable.map(({ caseId: _c, reference: _r, ...m }) => m),
    blocked: plan.blocked.map(({ caseId: _c, reference: _r, ...b }) => b),
  };
}

/** The learning loop: figures per process and version, and citizen feedback. */
export function insightRoutes(services: Services): RouteDef[] {
  const { store, engine, clock } = services;
  return [
    defineRoute({
      method: 'get',
      path: '/api/processes/:key/insights',
      tag: 'insights',
      roles: ['designer', 'admin'],
      errors: [401, 403, 404, 422],
      operationId: 'getInsights',
      response: insightsSchema,
      query: {
        version: 'a published version (default: the newest)',
        from: 'start of the period (date or instant)',
        to: 'end of the period',
        inactiveDays: 'days without activity that count as drop-off (default 14)',
      },
      summary:
        'Figures: cases started, finished by outcome, active; per step entered, left, drop-off, median and p90 time, asks for a person; per transition; handoff rate; overdue tasks; feedback',
      handler: async ({ params, query, lang }) => {
        const version = numberParam(query.version, 'version', { min: 1, max: 1_000_000, integer: true });
        if (version !== undefined && !(await store.processes.version(params.key, version)))
          throw new HttpError(404, 'not-found', 'versionNotFound');
        const inactiveDays = numberParam(query.inactiveDays, 'inactiveDays', { min: 0, max: 3650 });
        const from = isoOrDate(query.from, 'from');
        const to = isoOrDate(query.to, 'to');
        if (from && to && new Date(from).getTime() > new Date(to).getTime())
          throw new HttpError(422, 'invalid-request', 'periodOrder', { from: ['before to'] });
        return {
          body: await insights(store, engine, clock, params.key, {
            version,
            from,
            to,
            inactiveDays,
            lang,
          }),
        };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/processes/:key/migrate',
      tag: 'insights',
      roles: ['designer', 'admin'],
      errors: [401, 403, 404, 422],
      success: 200,
      operationId: 'migrateCases',
      response: migrationSchema,
      summary:
        'Move active cases from version `from` to a later `to` where their step still exists (or is mapped); `dryRun` lists which can move and which cannot, and why',
      body: z
        .object({
          from: z.number().int().min(1),
          to: z.number().int().min(1),
          mapping: namedValues(z.string()).optional(),
          dryRun: z.boolean().optional(),
        })
        .strict(),
      handler: async ({ principal, params, body }) => {
        const migration = createMigration(services);
        const mapping = body.mapping ?? {};
        // Designers change processes but do not read case data: they see steps and counts, admins also which cases.
        const shown = principal.kind === 'user' && principal.role === 'admin' ? <T>(plan: T) => plan : withoutCases;
        if (body.dryRun)
          return { body: { ...shown(await migration.plan(params.key, body.from, body.to, mapping)), dryRun: true } };
        const actor = principal.kind === 'user' ? `user:${principal.name}` : 'citizen';
        const moved = await migration.migrate(params.key, body.from, body.to, mapping, actor);
        return { body: { ...shown(moved), dryRun: false } };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/cases/:id/feedback',
      tag: 'insights',
      roles: ['citizen'],
      errors: [401, 403, 404, 409, 422],
      success: 201,
      operationId: 'giveFeedback',
      response: feedbackGivenSchema,
      summary: "How easy was this (1–5) and a comment, once per case; stored with the case's version",
      body: z.object({ score: z.number().int().min(1).max(5), comment: z.string().max(2000).optional() }).strict(),
      handler: async ({ principal, params, body }) => {
        const row = await visibleCase(store, principal, params.id);
        if (await store.insights.hasFeedback(row.id)) throw new HttpError(409, 'feedback-given', 'feedbackGiven');
        await store.insights.addFeedback({
          caseId: row.id,
          key: row.processKey,
          version: row.version,
          step: row.step,
          score: body.score,
          comment: body.comment?.trim() || null,
          at: clock.now().toISOString(),
        });
        return { status: 201, body: { case: row.id, score: body.score } };
      },
    }),
  ];
}
