import type { Sql } from './sql.js';

/**
 * Work that only one node may do at a time (a scan of a register, moving
 * live cases to a new version, importing the example processes): a lease
 * row per name. A node that dies keeps the lease only until it expires.
 */
export function lockRepo(sql: Sql) {
  const self = {
    /** Takes the lease `name` for `holder` until `ttlMs` from `now`; false when another holder has it and it has not expired. */
    async acquire(name: string, holder: string, now: Date, ttlMs: number): Promise<boolean> {
      const at = now.toISOString();
      const until = new Date(now.getTime() + ttlMs).toISOString();
      const taken = await sql
        .q()
        .insertInto('locks')
        .values({ name, holder, expires_at: until })
        .onConflict((oc) =>
          oc
            .column('name')
            .doUpdateSet({ holder, expires_at: until })
            .where((eb) => eb.or([eb('locks.expires_at', '<=', at), eb('locks.holder', '=', holder)])),
        )
        .returning('holder')
        .executeTakeFirst();
      return taken?.holder === holder;
    },
    async release(name: string, holder: string): Promise<void> {
      await sql.q().deleteFrom('locks').where('name', '=', name).where('holder', '=', holder).execute();
    },
    /**
     * Runs `fn` holding the lease `name`; `undefined` without running it
     * when another node holds it. The lease is given back afterwards.
     */
    async run<T>(name: string, holder: string, ttlMs: number, fn: () => Promise<T>): Promise<T | undefined> {
      if (!(await self.acquire(name, holder, new Date(), ttlMs))) return undefined;
      try {
        return await fn();
      } finally {
        await self.release(name, holder);
      }
    },
  };
  return self;
}
