import { processJsonSchema } from '../../model/index.js';
import { healthSchema, jsonSchemaSchema, meSchema, readySchema } from '../schemas/session.js';
import { defineRoute, type RouteDef } from '../route.js';
import type { Services } from '../services.js';

/** How long GET /api/ready waits for the database before it answers "not ready" (a probe must not hang). */
const READY_TIMEOUT_MS = 3000;

/** Who am I, liveness and readiness, and the process language's JSON Schema. */
export function systemRoutes({ store }: Pick<Services, 'store'>): RouteDef[] {
  /** store.ready(), or "unreachable" once the probe's time is up. */
  const probe = async () => {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<Awaited<ReturnType<typeof store.ready>>>((resolve) => {
      timer = setTimeout(() => resolve({ ok: false, error: 'no answer in time' }), READY_TIMEOUT_MS);
    });
    try {
      return await Promise.race([store.ready(), late]);
    } finally {
      clearTimeout(timer);
    }
  };
  return [
    defineRoute({
      method: 'get',
      path: '/api/me',
      tag: 'system',
      roles: ['citizen', 'official', 'designer', 'admin', 'intermediary'],
      errors: [401],
      operationId: 'getMe',
      response: meSchema,
      summary:
        "Who is asking: role, name and teams (or the citizen BSN, or an intermediary organisation's name and KVK number)",
      handler: ({ principal }) => ({
        body:
          principal.kind === 'citizen'
            ? { role: 'citizen' as const, bsn: principal.bsn }
            : principal.kind === 'organisation'
              ? { role: 'intermediary' as const, name: principal.name, kvk: principal.kvk }
              : { role: principal.role, name: principal.name, teams: principal.teams },
      }),
    }),
    defineRoute({
      method: 'get',
      path: '/api/health',
      tag: 'system',
      roles: 'public',
      errors: [],
      operationId: 'getHealth',
      response: healthSchema,
      // Alive, not ready: it never asks the database, so a slow database does not get a working node restarted.
      summary: 'Liveness: the process answers (the database is not asked; see /api/ready)',
      handler: () => ({ body: { ok: true } }),
    }),
    defineRoute({
      method: 'get',
      path: '/api/ready',
      tag: 'system',
      roles: 'public',
      errors: [],
      operationId: 'getReady',
      response: readySchema,
      answersWith: {
        503: 'Not ready: the node is stopping (draining), or the database cannot be reached or has another schema version',
      },
      summary:
        'Readiness for a load balancer: the database answers and has the schema this node knows; 503 while stopping',
      handler: async ({ req }) => {
        // main.ts sets this on shutdown: the balancer stops sending while requests in flight finish.
        if (req.app.locals.draining) return { status: 503, body: { ready: false, problem: 'draining' as const } };
        const state = await probe();
        if (!state.schema) return { status: 503, body: { ready: false, problem: 'store-unreachable' as const } };
        const { current, latest } = state.schema;
        if (state.ok) return { body: { ready: true, schema: { current, latest } } };
        const problem = current < latest ? ('schema-behind' as const) : ('schema-ahead' as const);
        return { status: 503, body: { ready: false, schema: { current, latest }, problem } };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/schema/process.json',
      tag: 'system',
      roles: 'public',
      errors: [],
      operationId: 'getProcessSchema',
      response: jsonSchemaSchema,
      summary: 'The JSON Schema of the process language',
      handler: () => ({ body: processJsonSchema() }),
    }),
  ];
}
