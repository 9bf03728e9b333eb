import { z } from 'zod';
import { isValidBsn } from '../../model/index.js';
import { defineRoute, type RouteDef } from '../route.js';
import type { Services } from '../services.js';

export function signalRoutes({ engine }: Services): RouteDef[] {
  return [
    defineRoute({
      method: 'post', path: '/api/signals', tag: 'signals', roles: ['admin'], errors: [401, 403, 422], success: 200,
      summary: 'A fact from outside (a register, another system) about a subject: moves the cases waiting for it',
      body: z.object({
        type: z.string().regex(/^[a-z][a-z0-9-]*(\.[a-z0-9-]+)*$/, 'a signal type is lowercase words joined by - or .'),
        subject: z.string().refine(isValidBsn, 'not a valid BSN (elfproef)'),
        data: z.record(z.string(), z.unknown()).optional(),
      }).strict(),
      handler: ({ body }) => ({ body: { ...engine.signal(body.type, body.subject, body.data ?? {}, `signal:${body.type}`), started: [] } }),
    }),
  ];
}
