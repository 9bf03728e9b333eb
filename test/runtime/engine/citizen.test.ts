/**
 * Who the citizen is, as far as a case knows (runtime/engine/citizen.ts): name,
 * address, phone and email from the facts a signal started the case with and
 * from the citizen's answers (by field type, else by the data's name), each
 * with where it came from; the BSN masked.
 */
import { describe, expect, it } from 'vitest';
import { citizenFacts, maskBsn } from '../../../runtime/engine/index.js';
import { asCitizen, BSN, freshEnv, START } from './setup.js';

const text = (s: string) => ({ nl: s, en: s });
const verhuizing = {
  key: 'verhuizing',
  title: text('Verhuizing'),
  start: 'gegevens',
  contact: { team: 'klantcontact' },
  steps: {
    gegevens: {
      kind: 'form',
      title: text('Uw gegevens'),
      fields: [
        { id: 'voornaam', label: text('Voornaam'), type: 'text' },
        { id: 'achternaam', label: text('Achternaam'), type: 'text' },
        { id: 'contactMail', label: text('E-mailadres'), type: 'email' },
        { id: 'mobiel', label: text('Mobiel nummer'), type: 'text' },
      ],
      next: 'klaar',
    },
    klaar: { kind: 'end', title: text('Klaar'), outcome: 'completed', message: text('Dank u.') },
  },
};

describe('citizenFacts', () => {
  it('joins names and addresses, names the source of each, and leaves out what is not about reaching the citizen', async () => {
    const env = await freshEnv({ publish: false });
    const { problems } = await env.processes.saveDraft(verhuizing.key, verhuizing, 'designer:dora');
    expect(problems).toEqual([]);
    await env.processes.publish(verhuizing.key, 'designer:dora');
    // Started by a signal with register facts (the new address), then answered by the citizen.
    const started = await env.engine.startCase(
      'verhuizing',
      BSN,
      'system:signal',
      { straat: 'Dorpsstraat', huisnummer: 12, postcode: '1234 AB', woonplaats: 'Utrecht', inkomen: 1200 },
      { trigger: { signal: 'register.verhuisd', source: 'signal:register.verhuisd' } },
    );
    const row = await env.engine.send(
      started.id,
      {
        type: 'submit',
        data: { voornaam: 'Sanne', achternaam: 'de Vries', contactMail: 'sanne@example.nl', mobiel: '0612345678' },
      },
      { actor: asCitizen() },
    );
    // The citizen's confirmed notice address counts; one still waiting for its link does not.
    await env.store.channels.set(BSN, 'email', 'sanne.meldingen@example.nl', 'nl', START, { confirmed: true });
    await env.store.channels.set(BSN, 'sms', '0687654321', 'nl', START, { token: 'nog-niet', tokenExpiresAt: START });
    expect(await citizenFacts(env.engine, env.store, row)).toEqual([
      { kind: 'name', value: 'Sanne de Vries', source: 'answer' },
      { kind: 'address', value: 'Dorpsstraat 12, 1234 AB Utrecht', source: 'signal' },
      { kind: 'phone', value: '0612345678', source: 'answer' },
      { kind: 'email', value: 'sanne@example.nl', source: 'answer' },
      { kind: 'email', value: 'sanne.meldingen@example.nl', source: 'notices' },
    ]);
    expect(maskBsn(BSN)).toBe('*****3653');
  });
});
