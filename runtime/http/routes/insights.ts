import { z } from 'zod';
import { createMigration, insights } from '../../engine/index.js';
import { visibleCase } from '../access.js';
import { HttpError } from '../errors.js';
import { defineRoute, type RouteDef } from '../route.js';
import type { Services } from '../services.js';

const isoOrDate = (v: string | undefined, name: string) => {
  if (v === undefined) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}(T[\d:.]+Z)?$/.test(v)) throw new HttpError(422, 'invalid-request', `${name} is a date like 2026-03-01`, { [name]: ['a date like 2026-03-01'] });
  return v;
};

/** The learning loop: figures per process and version, and citizen feedback. */
export function insightRoutes(services: Services): RouteDef[] {
  const { store, engine, clock } = services;
  return [
    defineRoute({
      method: 'get', path: '/api/processes/:key/insights', tag: 'insights', roles: ['designer', 'admin'], errors: [401, 403, 404, 422],
      query: { version: 'a published version (default: the newest)', from: 'start of the period (date or instant)', to: 'end of the period', inactiveDays: 'days without activity that count as drop-off (default 14)' },
      summary: 'Figures: cases started, finished by outcome, active; per step entered, left, drop-off, median and p90 time, asks for a person; per transition; handoff rate; overdue tasks; feedback',
      handler: ({ params, query, lang }) => {
        const version = query.version === undefined ? undefined : Number(query.version);
        if (version !== undefined && !(Number.isInteger(version) && version > 0)) throw new HttpError(422, 'invalid-request', 'version is a number', { version: ['a version number'] });
        if (version !== undefined && !store.processes.version(params.key, version)) throw new HttpError(404, 'not-found', 'version not found');
        const inactiveDays = query.inactiveDays === undefined ? undefined : Number(query.inactiveDays);
        if (inactiveDays !== undefined && !(inactiveDays >= 0)) throw new HttpError(422, 'invalid-request', 'inactiveDays is a number of days', { inactiveDays: ['a number'] });
        return { body: insights(store, engine, clock, params.key, { version, from: isoOrDate(query.from, 'from'), to: isoOrDate(query.to, 'to'), inactiveDays, lang }) };
      },
    }),
    defineRoute({
      method: 'post', path: '/api/processes/:key/migrate', tag: 'insights', roles: ['designer', 'admin'], errors: [401, 403, 404, 422], success: 200,
      summary: 'Move active cases from version `from` to a later `to` where their step still exists (or is mapped); `dryRun` lists which can move and which cannot, and why',
      body: z.object({
        from: z.number().int().min(1), to: z.number().int().min(1),
        mapping: z.record(z.string(), z.string()).optional(), dryRun: z.boolean().optional(),
      }).strict(),
      handler: ({ principal, params, body }) => {
        const migration = createMigration(services);
        const mapping = body.mapping ?? {};
        if (body.dryRun) return { body: { ...migration.plan(params.key, body.from, body.to, mapping), dryRun: true } };
        const actor = principal.kind === 'user' ? `user:${principal.name}` : 'citizen';
        return { body: { ...migration.migrate(params.key, body.from, body.to, mapping, actor), dryRun: false } };
      },
    }),
    defineRoute({
      method: 'post', path: '/api/cases/:id/feedback', tag: 'insights', roles: ['citizen'], errors: [401, 403, 404, 409, 422], success: 201,
      summary: 'How easy was this (1–5) and a comment, once per case; stored with the case\'s version',
      body: z.object({ score: z.number().int().min(1).max(5), comment: z.string().max(2000).optional() }).strict(),
      handler: ({ principal, params, body }) => {
        const row = visibleCase(store, principal, params.id);
        if (store.insights.hasFeedback(row.id)) throw new HttpError(409, 'feedback-given', 'feedback on this case was given already');
        store.insights.addFeedback({ caseId: row.id, key: row.processKey, version: row.version, step: row.step, score: body.score, comment: body.comment?.trim() || null, at: clock.now().toISOString() });
        return { status: 201, body: { case: row.id, score: body.score } };
      },
    }),
  ];
}
