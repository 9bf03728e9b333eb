import type { Sql } from './sql.js';

/** A new team's id (the API, the CLI): lowercase letters, digits and hyphens, starting with a letter (like `belastingen`). */
export const TEAM_ID = /^[a-z][a-z0-9-]{1,49}$/;

/** A team of the organisation: its id (what users' teams and tasks name) and its display name. */
export type Team = { id: string; name: string; createdAt: string };
/** A team with how many officials work in it (users with the role official who name it). */
export type TeamWithMembers = Team & { members: number };

/**
 * The managed list of teams (migration 21). Who is a member stays on the
 * user (users.teams); this list says which team ids exist. Tasks keep the
 * team id they were opened for.
 */
export function teamRepo(sql: Sql) {
  const toTeam = (r: { id: string; name: string; created_at: string }): Team => ({
    id: r.id,
    name: r.name,
    createdAt: r.created_at,
  });
  const self = {
    async list(): Promise<Team[]> {
      const rows = await sql.q().selectFrom('teams').selectAll().orderBy('id').execute();
      return rows.map(toTeam);
    },
    async get(id: string): Promise<Team | undefined> {
      const r = await sql.q().selectFrom('teams').selectAll().where('id', '=', id).executeTakeFirst();
      return r ? toTeam(r) : undefined;
    },
    /** Every team with its number of officials (one read of the users: teams live in their JSON). */
    async withMembers(): Promise<TeamWithMembers[]> {
      const teams = await self.list();
      const officials = await sql.q().selectFrom('users').select('teams').where('role', '=', 'official').execute();
      const count = new Map<string, number>();
      for (const u of officials)
        for (const team of new Set(JSON.parse(u.teams) as string[])) count.set(team, (count.get(team) ?? 0) + 1);
      return teams.map((t) => ({ ...t, members: count.get(t.id) ?? 0 }));
    },
    /** Adds a team; false when the id exists already (nothing changes then). */
    async add(id: string, name: string, at: string): Promise<boolean> {
      const r = await sql
        .q()
        .insertInto('teams')
        .values({ id, name, created_at: at })
        .onConflict((oc) => oc.column('id').doNothing())
        .returning('id')
        .executeTakeFirst();
      return !!r;
    },
    /** Adds the teams of `ids` that do not exist yet (named by their id); returns the ids it added. */
    async ensure(ids: readonly string[], at: string): Promise<string[]> {
      const added: string[] = [];
      for (const id of new Set(ids)) if (await self.add(id, id, at)) added.push(id);
      return added;
    },
    /** The ids of `ids` that are not teams. */
    async unknown(ids: readonly string[]): Promise<string[]> {
      if (!ids.length) return [];
      const rows = await sql
        .q()
        .selectFrom('teams')
        .select('id')
        .where('id', 'in', [...ids])
        .execute();
      const known = new Set(rows.map((r) => r.id));
      return ids.filter((id) => !known.has(id));
    },
    /** Users (any role) who name the team, by name. */
    async userNames(id: string): Promise<string[]> {
      const rows = await sql.q().selectFrom('users').select(['name', 'teams']).orderBy('name').execute();
      return rows.filter((u) => (JSON.parse(u.teams) as string[]).includes(id)).map((u) => u.name);
    },
    /** How many tasks of the team are still open or claimed. */
    async openTasks(id: string): Promise<number> {
      const r = await sql
        .q()
        .selectFrom('tasks')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('team', '=', id)
        .where('status', 'in', ['open', 'claimed'])
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },
    async remove(id: string): Promise<boolean> {
      const r = await sql.q().deleteFrom('teams').where('id', '=', id).executeTakeFirst();
      return Number(r.numDeletedRows) > 0;
    },
  };
  return self;
}
