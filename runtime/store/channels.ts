import { hashToken } from './accounts.js';
import type { Sql } from './sql.js';

export type ChannelKind = 'email' | 'sms';

export type Channel = {
  subject: string;
  kind: ChannelKind;
  address: string;
  lang: string;
  confirmedAt: string | null;
  createdAt: string;
};

/**
 * The channels a citizen chose for notices, besides the inbox on their
 * pages: one email address and one mobile number at most. A new or changed
 * address waits for confirmation (for email: a link with a token, stored as
 * its SHA-256 only, valid until `token_expires_at`); notices go only to a
 * confirmed address.
 */
export function channelRepo(sql: Sql) {
  const row = (r: {
    subject: string;
    kind: ChannelKind;
    address: string;
    lang: string;
    confirmed_at: string | null;
    created_at: string;
  }): Channel => ({
    subject: r.subject,
    kind: r.kind,
    address: r.address,
    lang: r.lang,
    confirmedAt: r.confirmed_at,
    createdAt: r.created_at,
  });
  const columns = ['subject', 'kind', 'address', 'lang', 'confirmed_at', 'created_at'] as const;
  return {
    async forSubject(subject: string): Promise<Channel[]> {
      const rows = await sql
        .q()
        .selectFrom('channels')
        .select(columns)
        .where('subject', '=', subject)
        .orderBy('kind')
        .execute();
      return rows.map(row);
    },
    /**
     * Sets a channel's address: confirmed at once when `confirmedAt` is given
     * (a number the citizen typed twice, an address from the sign-in), else
     * waiting for the link whose token is `token`. The same address again
     * keeps its confirmation.
     */
    async set(
      subject: string,
      kind: ChannelKind,
      address: string,
      lang: string,
      at: string,
      opts: { token?: string; tokenExpiresAt?: string; confirmed?: boolean },
    ): Promise<Channel> {
      const existing = await sql
        .q()
        .selectFrom('channels')
        .select(columns)
        .where('subject', '=', subject)
        .where('kind', '=', kind)
        .executeTakeFirst();
      if (existing && existing.address === address && existing.confirmed_at) {
        await sql
          .q()
          .updateTable('channels')
          .set({ lang })
          .where('subject', '=', subject)
          .where('kind', '=', kind)
          .execute();
        return row({ ...existing, lang });
      }
      const values = {
        address,
        lang,
        confirmed_at: opts.confirmed ? at : null,
        token_hash: opts.token ? hashToken(opts.token) : null,
        token_expires_at: opts.token ? (opts.tokenExpiresAt ?? null) : null,
        created_at: at,
      };
      await sql
        .q()
        .insertInto('channels')
        .values({ subject, kind, ...values })
        .onConflict((oc) => oc.columns(['subject', 'kind']).doUpdateSet(values))
        .execute();
      return row({ subject, kind, ...values });
    },
    /** Confirms the address whose link token this is, if it has not expired; the channel confirmed, or undefined. */
    async confirm(token: string, at: string): Promise<Channel | undefined> {
      const hash = hashToken(token);
      const found = await sql
        .q()
        .selectFrom('channels')
        .select([...columns, 'token_expires_at'])
        .where('token_hash', '=', hash)
        .executeTakeFirst();
      if (!found || (found.token_expires_at && found.token_expires_at <= at)) return undefined;
      await sql
        .q()
        .updateTable('channels')
        .set({ confirmed_at: at, token_hash: null, token_expires_at: null })
        .where('subject', '=', found.subject)
        .where('kind', '=', found.kind)
        .where('token_hash', '=', hash)
        .execute();
      return row({ ...found, confirmed_at: at });
    },
    async remove(subject: string, kind: ChannelKind): Promise<boolean> {
      const result = await sql
        .q()
        .deleteFrom('channels')
        .where('subject', '=', subject)
        .where('kind', '=', kind)
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
  };
}
export type ChannelRepo = ReturnType<typeof channelRepo>;
