import { processJsonSchema } from '../../model/index.js';
import { healthSchema, jsonSchemaSchema, meSchema } from '../schemas/session.js';
import { defineRoute, type RouteDef } from '../route.js';

/** Who am I, health, and the process language's JSON Schema. */
export function systemRoutes(): RouteDef[] {
  return [
    defineRoute({
      method: 'get',
      path: '/api/me',
      tag: 'system',
      roles: ['citizen', 'official', 'designer', 'admin'],
      errors: [401],
      operationId: 'getMe',
      response: meSchema,
      summary: 'Who is asking: role, name and teams (or the citizen BSN)',
      handler: ({ principal }) => ({
        body:
          principal.kind === 'citizen'
            ? { role: 'citizen' as const, bsn: principal.bsn }
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
      summary: 'Liveness',
      handler: () => ({ body: { ok: true } }),
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
