import { z } from 'zod';
import { teamsNamed, type Process } from '../../model/index.js';
import { TEAM_ID } from '../../store/index.js';
import { HttpError } from '../errors.js';
import { defineRoute, type RouteDef } from '../route.js';
import { teamSchema } from '../schemas/tasks.js';
import type { Services } from '../services.js';

const newTeamSchema = z
  .object({
    id: z
      .string()
      .regex(TEAM_ID, 'lowercase letters, digits and hyphens, 2 to 50, starting with a letter (like belastingen)'),
    name: z.string().trim().min(1).max(100).describe('the display name, like Belastingen'),
  })
  .strict();

/**
 * The organisation's teams, a managed list: a user's teams (PUT
 * /api/users/:name), a reassigned task's team and a draft's teams (P032,
 * P033) must name one. Who works in a team stays on the user.
 */
export function teamRoutes({ store, clock }: Services): RouteDef[] {
  return [
    defineRoute({
      method: 'get',
      path: '/api/teams',
      tag: 'session',
      roles: ['designer', 'official', 'admin'],
      errors: [401, 403],
      operationId: 'listTeams',
      response: z.array(teamSchema),
      summary: 'The teams of the organisation, with how many officials work in each (to choose a team from)',
      handler: async () => ({
        body: (await store.teams.withMembers()).map((t) => ({ id: t.id, name: t.name, members: t.members })),
      }),
    }),
    defineRoute({
      method: 'post',
      path: '/api/teams',
      tag: 'session',
      roles: ['admin'],
      errors: [401, 403, 409, 422],
      success: 201,
      operationId: 'createTeam',
      body: newTeamSchema,
      response: teamSchema,
      summary: 'Create a team (admin): an id like belastingen and a display name; 409 when the id exists',
      handler: async ({ body }) => {
        if (!(await store.teams.add(body.id, body.name, clock.now().toISOString())))
          throw new HttpError(409, 'team-exists', ['teamExists', { team: body.id }]);
        return { status: 201, body: { id: body.id, name: body.name, members: 0 } };
      },
    }),
    defineRoute({
      method: 'delete',
      path: '/api/teams/:id',
      tag: 'session',
      roles: ['admin'],
      errors: [401, 403, 404, 409],
      success: 204,
      operationId: 'deleteTeam',
      summary:
        'Remove a team (admin); refused (409) while users are in it, tasks of it are open or claimed, or a published process names it',
      handler: async ({ params }) =>
        store.transaction(async () => {
          const team = await store.teams.get(params.id);
          if (!team) throw new HttpError(404, 'not-found', ['teamNotFound', { team: params.id }]);
          const users = await store.teams.userNames(team.id);
          if (users.length)
            throw new HttpError(409, 'team-in-use', ['teamHasUsers', { team: team.id, n: users.length }], { users });
          const tasks = await store.teams.openTasks(team.id);
          if (tasks) throw new HttpError(409, 'team-in-use', ['teamHasOpenTasks', { team: team.id, n: tasks }]);
          const processes: string[] = [];
          for (const p of await store.processes.list()) {
            const latest = await store.processes.latest(p.key);
            if (latest && teamsNamed(latest.definition as Process).some((n) => n.team === team.id))
              processes.push(p.key);
          }
          if (processes.length)
            throw new HttpError(
              409,
              'team-in-use',
              ['teamInProcesses', { team: team.id, processes: processes.join(', ') }],
              {
                processes,
              },
            );
          await store.teams.remove(team.id);
          return { status: 204, body: null };
        }),
    }),
  ];
}
