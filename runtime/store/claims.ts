import type { Sql } from './sql.js';

/** What a citizen's last sign-in said about them (migration 23): shown to the officials of their cases. */
export type SigninClaims = {
  subject: string;
  name: string | null;
  address: string | null;
  provider: string;
  signedInAt: string;
};

/** The name and address of a subject's last sign-in, one row per subject, replaced at each sign-in. */
export function claimRepo(sql: Sql) {
  return {
    /** Keeps what this sign-in said; a sign-in that says neither removes what an earlier one said. */
    async remember(c: SigninClaims): Promise<void> {
      if (!c.name && !c.address) {
        await sql.q().deleteFrom('signin_claims').where('subject', '=', c.subject).execute();
        return;
      }
      const values = { name: c.name, address: c.address, provider: c.provider, signed_in_at: c.signedInAt };
      await sql
        .q()
        .insertInto('signin_claims')
        .values({ subject: c.subject, ...values })
        .onConflict((oc) => oc.column('subject').doUpdateSet(values))
        .execute();
    },
    async forSubject(subject: string): Promise<SigninClaims | undefined> {
      const r = await sql.q().selectFrom('signin_claims').selectAll().where('subject', '=', subject).executeTakeFirst();
      return r
        ? { subject: r.subject, name: r.name, address: r.address, provider: r.provider, signedInAt: r.signed_in_at }
        : undefined;
    },
  };
}
