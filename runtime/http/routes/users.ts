import { z } from 'zod';
import { HttpError } from '../errors.js';
import { defineRoute, type RouteDef } from '../route.js';
import { staffRoleSchema, userSchema } from '../schemas/session.js';
import type { Services } from '../services.js';

const mappingSchema = z
  .object({
    role: staffRoleSchema,
    teams: z.array(z.string().trim().min(1).max(100)).max(50),
  })
  .strict();

/**
 * Users as an admin maps them: role and teams. For staff who sign in at the
 * organisation's provider this is where a role lives when the provider sends
 * none (runtime/auth/staff-oidc.ts); a user mapped before their first
 * sign-in is linked to their provider account by name at that sign-in.
 */
export function userRoutes({ store, clock }: Services): RouteDef[] {
  return [
    defineRoute({
      method: 'put',
      path: '/api/users/:name',
      tag: 'session',
      roles: ['admin'],
      errors: [401, 403, 422],
      alsoSuccess: { 201: 'Created: a new user, who signs in at the provider (or gets a password from the CLI)' },
      operationId: 'mapUser',
      body: mappingSchema,
      response: userSchema,
      summary:
        "Sets a user's role and teams (an admin's mapping); makes the user when the name is new. A role or teams claim from the staff provider overrides it at that user's next sign-in",
      handler: async ({ params, body }) => {
        const name = params.name.trim();
        if (!name || name.length > 100)
          throw new HttpError(422, 'invalid-request', 'bodyNeedsCorrecting', {
            name: ['a name of 1 to 100 characters'],
          });
        const teams = [...new Set(body.teams)];
        const existing = await store.accounts.userByName(name);
        if (existing) {
          await store.accounts.setMapping(existing.id, { role: body.role, teams });
          return { body: { name, role: body.role, teams } };
        }
        const user = await store.accounts.addUser(name, body.role, teams, clock.now().toISOString());
        return { status: 201, body: { name: user.name, role: user.role, teams: user.teams } };
      },
    }),
  ];
}
