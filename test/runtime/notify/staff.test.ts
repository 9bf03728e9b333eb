/**
 * Staff notices by email: a digest of new tasks per team, an escalation,
 * and a four-eyes proposal waiting for a second official, to a real SMTP
 * server; each queued once however often the worker looks.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createNotifier } from '../../../runtime/notify/index.js';
import { defaultTheme } from '../../../runtime/pages/theme.js';
import { fixtureProcess } from '../../helpers/fixtures.js';
import { notifySettings, startSmtpPeer, type SmtpPeer } from '../../helpers/mail-peers.js';
import { freshEnv, toeslagAtReview, user, type Env } from '../engine/setup.js';

let smtp: SmtpPeer;
beforeEach(async () => {
  smtp = await startSmtpPeer();
});
afterEach(async () => {
  await smtp.stop();
});

const notifierOf = (env: Pick<Env, 'store' | 'clock'>) =>
  createNotifier({
    store: env.store,
    clock: env.clock,
    nodeId: 'node-1',
    settings: notifySettings(smtp.url),
    theme: defaultTheme,
    log: () => {},
  });

/** Team belastingen with addresses: ann and bob; kees (klantcontact) too, to show he gets nothing. */
async function staff(env: Env) {
  const at = env.clock.now().toISOString();
  const bob = await env.store.accounts.addUser('bob', 'official', ['belastingen'], at);
  await env.store.accounts.setEmail((await user(env, 'ann')).id, 'ann@voorbeeld.nl');
  await env.store.accounts.setEmail(bob.id, 'bob@voorbeeld.nl');
  await env.store.accounts.setEmail((await user(env, 'kees')).id, 'kees@voorbeeld.nl');
}
const mailsTo = (address: string) => smtp.received.filter((_, i) => smtp.recipients[i].includes(address));

describe('staff notices', () => {
  it('a digest per team of the tasks made in a closed window, once', async () => {
    const env = await freshEnv({ fixtures: ['toeslag'] });
    await staff(env);
    await toeslagAtReview(env);
    await toeslagAtReview(env, '111222333');
    // The window (09:00–10:00) is still open: no digest yet.
    await notifierOf(env).runOnce();
    expect(smtp.received).toHaveLength(0);
    env.clock.advance(61 * 60_000);
    await notifierOf(env).runOnce();
    await notifierOf(env).runOnce();
    expect(mailsTo('ann@voorbeeld.nl').map((m) => m.subject)).toEqual(['2 nieuwe taken voor team belastingen']);
    expect(mailsTo('bob@voorbeeld.nl')).toHaveLength(1);
    expect(mailsTo('kees@voorbeeld.nl')).toHaveLength(0);
    expect(mailsTo('ann@voorbeeld.nl')[0].text).toContain('https://loket.voorbeeld.nl/werkplek');
    expect(mailsTo('ann@voorbeeld.nl')[0].text).toContain('Beste collega,');
  });

  it('an escalation to the team when a task passes its deadline, once', async () => {
    const env = await freshEnv({ fixtures: ['toeslag'] });
    await staff(env);
    const row = await toeslagAtReview(env);
    const [task] = await env.store.tasks.list({ caseId: row.id });
    env.clock.set(new Date(Date.parse(task.dueAt!) + 60_000));
    expect(await env.engine.fireDueTimers()).toBe(1);
    await notifierOf(env).runOnce();
    await notifierOf(env).runOnce();
    const escalations = mailsTo('bob@voorbeeld.nl').filter((m) => m.subject?.startsWith('Taak over de termijn'));
    expect(escalations).toHaveLength(1);
    expect(escalations[0].text).toContain(`zaak ${row.reference}`);
    expect(escalations[0].text).toContain(`https://loket.voorbeeld.nl/werkplek/taken/${task.id}`);
  });

  it('a four-eyes proposal to the team but not to who proposed it', async () => {
    const env = await freshEnv();
    const def = fixtureProcess('toeslag') as { steps: Record<string, { outcomes?: { fourEyes?: boolean }[] }> };
    def.steps.beoordeling.outcomes![1].fourEyes = true;
    expect((await env.processes.saveDraft('toeslag', def, 'test')).problems).toEqual([]);
    await env.processes.publish('toeslag', 'test');
    await staff(env);
    const row = await toeslagAtReview(env);
    const [task] = await env.store.tasks.list({ caseId: row.id });
    const ann = await user(env, 'ann');
    await env.engine.completeTask(
      task.id,
      'afwijzen',
      { reden: 'Tweede huis.' },
      { actor: 'user:ann', userId: ann.id },
    );
    expect((await env.store.tasks.get(task.id))!.proposal).toBeTruthy();
    await notifierOf(env).runOnce();
    await notifierOf(env).runOnce();
    const proposals = (address: string) => mailsTo(address).filter((m) => m.subject?.startsWith('Voorstel wacht'));
    expect(proposals('bob@voorbeeld.nl')).toHaveLength(1);
    expect(proposals('bob@voorbeeld.nl')[0].text).toContain('ann stelt voor');
    expect(proposals('ann@voorbeeld.nl')).toHaveLength(0);
  });
});
