import { z } from 'zod';
import { HttpError } from '../errors.js';
import { defineRoute, type RouteDef } from '../route.js';
import { staffRoleSchema, userSchema } from '../schemas/session.js';
import type { Services } from '../services.js';

const mappingSchema = z
  .object({
    role: staffRoleSchema,
    teams: z.array(z.string().trim().min(1).max(100)).max(50),
    /** Where this user's notices go (new tasks, escalations, proposals); null removes it. */
    email: z.email().max(254).nullable().optional(),
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
        "Sets a user's role, teams (each an existing team, GET /api/teams; 422 naming an unknown one) and (optionally) the email address their notices go to (an admin's mapping); makes the user when the name is new. A role or teams claim from the staff provider overrides it at that user's next sign-in",
      handler: async ({ params, body }) => {
        const name = params.name.trim();
        if (!name || name.length > 100)
          throw new HttpError(422, 'invalid-request', 'bodyNeedsCorrecting', {
            name: ['a name of 1 to 100 characters'],
          });
        const teams = [...new Set(body.teams)];
        // Teams are a managed list (GET /api/teams): a user is only put in teams that exist.
        const unknown = await store.teams.unknown(teams);
        if (unknown.length)
          throw new HttpError(422, 'unknown-team', ['unknownTeams', { n: unknown.length, teams: unknown.join(', ') }], {
            teams: unknown.map((team) => `'${team}' is not a team`),
            unknownTeams: unknown,
          });
        const existing = await store.accounts.userByName(name);
        if (existing) {
          await store.transaction(async () => {
            await store.accounts.setMapping(existing.id, { role: body.role, teams });
            if (body.email !== undefined) await store.accounts.setEmail(existing.id, body.email);
          });
          return { body: { name, role: body.role, teams, email: await store.accounts.emailOf(existing.id) } };
        }
        const user = await store.transaction(async () => {
          const made = await store.accounts.addUser(name, body.role, teams, clock.now().toISOString());
          if (body.email) await store.accounts.setEmail(made.id, body.email);
          return made;
        });
        return {
          status: 201,
          body: { name: user.name, role: user.role, teams: user.teams, email: body.email ?? null },
        };
      },
    }),
  ];
}
