import { randomBytes } from 'node:crypto';
import type { Clock } from '../engine/index.js';
import type { Lang } from '../i18n/index.js';
import type { Channel, Store } from '../store/index.js';

/** Confirmation emails a person may ask for in a day: enough for typos, too few to flood someone else's inbox. */
export const CONFIRMS_PER_DAY = 5;
const DAY_MS = 24 * 60 * 60_000;

export type ChannelChoice = { email: string | null; sms: string | null; lang: Lang };
export type SaveResult = { ok: true; linkSentTo: string | null } | { ok: false; tooManyConfirms: true };

/**
 * The citizen's channels for notices, as their pages change them: a new
 * email address waits for the link we send to it (through the outbox, in
 * the same transaction); a number the signed-in person typed is in use at
 * once (an SMS never carries the message itself); an empty choice removes
 * the channel. Links are limited per person per day.
 */
export function channelService(store: Store, clock: Clock, opts: { confirmHours?: number } = {}) {
  const confirmHours = opts.confirmHours ?? 24;
  return {
    confirmHours,
    list: (subject: string): Promise<Channel[]> => store.channels.forSubject(subject),
    async save(subject: string, choice: ChannelChoice): Promise<SaveResult> {
      const now = clock.now();
      const at = now.toISOString();
      const existing = await store.channels.forSubject(subject);
      const old = existing.find((c) => c.kind === 'email');
      const address = choice.email;
      // A new address, or one not confirmed yet: a (new) link, within the day's limit.
      const needsLink = !!address && !(old && old.address === address && old.confirmedAt);
      if (needsLink) {
        const end = new Date(now.getTime() + DAY_MS).toISOString();
        const day = await store.security.hit(`confirm-email:${subject}`, at, end, CONFIRMS_PER_DAY + 1);
        if (day.hits > CONFIRMS_PER_DAY) return { ok: false, tooManyConfirms: true };
      }
      const token = randomBytes(32).toString('base64url');
      await store.transaction(async () => {
        if (!address) await store.channels.remove(subject, 'email');
        else if (needsLink) {
          const expires = new Date(now.getTime() + confirmHours * 3_600_000).toISOString();
          await store.channels.set(subject, 'email', address, choice.lang, at, { token, tokenExpiresAt: expires });
          await store.outbox.queue({
            key: `confirm:${subject}:${at}:${token.slice(0, 8)}`,
            kind: 'confirm',
            recipient: `email:${address}`,
            data: { lang: choice.lang, link: `/meldingen/bevestigen?token=${token}` },
            at,
          });
        } else await store.channels.set(subject, 'email', address, choice.lang, at, {});
        if (!choice.sms) await store.channels.remove(subject, 'sms');
        else await store.channels.set(subject, 'sms', choice.sms, choice.lang, at, { confirmed: true });
      });
      return { ok: true, linkSentTo: needsLink ? address : null };
    },
    /** The link's token: the channel it confirmed, or undefined when the link is unknown, used or too old. */
    confirm: (token: string) =>
      /^[\w-]{20,100}$/.test(token)
        ? store.channels.confirm(token, clock.now().toISOString())
        : Promise.resolve(undefined),
  };
}
export type ChannelService = ReturnType<typeof channelService>;
