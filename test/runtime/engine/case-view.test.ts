/**
 * The case view: where the case is, what the citizen sees now, what they can
 * do now, why decisions went the way they did, and the outcome; in Dutch or English.
 */
import { describe, expect, it } from 'vitest';
import { caseView } from '../../../runtime/engine/index.js';
import { asCitizen, BSN, freshEnv, toeslagAtMoney, toeslagAtReview, money, user, type Env } from './setup.js';

const view = async (env: Env, id: string, lang: 'nl' | 'en' = 'nl') =>
  caseView(env.engine, env.store, await env.engine.getCase(id), lang);

describe('case view', () => {
  it('shows the current form step with its fields and the allowed actions, in Dutch and in English', async () => {
    const env = await freshEnv({ fixtures: ['toeslag', 'melding'] });
    const row = await env.engine.startCase('melding', BSN, asCitizen());

    const nl = await view(env, row.id, 'nl');
    expect(nl).toMatchObject({
      id: row.id,
      reference: expect.stringMatching(/^OMS-[A-Z2-9]{4}-[A-Z2-9]{4}$/),
      status: 'active',
      rev: row.rev,
      process: { key: 'melding', version: 1, title: 'Melding openbare ruimte' },
      step: { id: 'soort', kind: 'form', title: 'Wat wilt u melden?', text: 'Kies wat het best past.' },
      outcome: null,
      explanations: [],
      messages: [],
      tasks: [],
      expectedBy: null,
    });
    expect(nl.step!.fields).toEqual([
      {
        id: 'soort',
        type: 'choice',
        label: 'Soort melding',
        hint: undefined,
        required: true,
        options: [
          { value: 'afval', label: 'Afval' },
          { value: 'gevaar', label: 'Gevaarlijke situatie' },
          { value: 'overig', label: 'Iets anders' },
        ],
        min: undefined,
        max: undefined,
        showIf: undefined,
        value: null,
      },
    ]);
    expect(nl.actions).toEqual([
      { type: 'submit', label: 'Antwoorden versturen' },
      { type: 'person.requested', label: 'Een medewerker spreken' },
    ]);
    expect(nl.timeline.map((i) => i.text)).toEqual(['Aanvraag gestart']);

    const en = await view(env, row.id, 'en');
    expect(en.process.title).toBe('Report about public space');
    expect(en.step).toMatchObject({ title: 'What do you want to report?', text: 'Choose what fits best.' });
    expect(en.step!.fields![0]).toMatchObject({
      label: 'Kind of report',
      options: [{ label: 'Litter' }, { label: 'Dangerous situation' }, { label: 'Something else' }],
    });
    expect(en.actions).toEqual([
      { type: 'submit', label: 'Send answers' },
      { type: 'person.requested', label: 'Talk to a person' },
    ]);
    expect(en.timeline.map((i) => i.text)).toEqual(['Application started']);
  });

  it('shows only the fields whose showIf holds over the case data', async () => {
    const env = await freshEnv({ fixtures: ['toeslag', 'melding'] });
    const litter = await env.engine.startCase('melding', BSN, asCitizen());
    await env.engine.send(litter.id, { type: 'submit', data: { soort: 'afval' } }, { actor: asCitizen() });
    const other = await env.engine.startCase('melding', BSN, asCitizen());
    await env.engine.send(other.id, { type: 'submit', data: { soort: 'overig' } }, { actor: asCitizen() });

    expect((await view(env, litter.id)).step!.fields!.map((f) => f.id)).toEqual(['aantal']);
    const shown = (await view(env, other.id, 'en')).step!.fields!;
    expect(shown.map((f) => f.id)).toEqual(['toelichting', 'aantal']);
    expect(shown[0]).toMatchObject({ label: 'What is going on?', required: true, showIf: 'soort = "overig"' });
    expect(shown[1]).toMatchObject({
      label: 'How many bags?',
      hint: 'Roughly is fine.',
      min: 1,
      max: 20,
      type: 'number',
    });
    // The answers so far, as a person reads them.
    expect((await view(env, other.id, 'en')).answers).toEqual([
      { id: 'soort', label: 'Kind of report', value: 'overig', text: 'Something else' },
    ]);
    // And the hidden field is not required on submit.
    expect(
      (await env.engine.send(litter.id, { type: 'submit', data: { aantal: '2' } }, { actor: asCitizen() })).status,
    ).toBe('ended');
  });

  it("lists submit, the group's withdraw and person.requested where each is allowed", async () => {
    const env = await freshEnv({ fixtures: ['toeslag', 'melding'] });
    const row = await toeslagAtMoney(env);
    expect((await view(env, row.id, 'en')).actions).toEqual([
      { type: 'submit', label: 'Send answers' },
      { type: 'withdraw', label: 'Withdraw application' },
      { type: 'person.requested', label: 'Talk to a person' },
    ]);
    // autoWaarde depends on heeftAuto of the same step: listed with its showIf, for the client to show when it applies.
    const fields = (await view(env, row.id)).step!.fields!;
    expect(fields.map((f) => f.id)).toEqual(['inkomen', 'vermogen', 'heeftAuto', 'autoWaarde', 'iban']);
    expect(fields.find((f) => f.id === 'autoWaarde')).toMatchObject({ showIf: 'heeftAuto = true' });

    // At the handoff: nothing to submit, but withdraw and ask for a person.
    const review = await toeslagAtReview(env);
    const atReview = await view(env, review.id, 'en');
    expect(atReview.actions.map((a) => a.type)).toEqual(['withdraw', 'person.requested']);
    expect(atReview.step).toMatchObject({
      id: 'beoordeling',
      kind: 'handoff',
      title: 'Review by an official',
      text: 'An official of the tax team reviews your application.',
    });
    expect(atReview.step!.fields).toBeUndefined();
    expect(atReview.expectedBy).toBe('2026-03-12T09:00:00.000Z');
    expect(atReview.tasks).toEqual([
      expect.objectContaining({
        kind: 'handoff',
        team: 'belastingen',
        status: 'open',
        dueAt: '2026-03-12T09:00:00.000Z',
      }),
    ]);
    expect(atReview.tasks[0]).not.toHaveProperty('assignee');
    expect(atReview.explanations).toEqual([
      expect.objectContaining({
        step: 'toets',
        rule: 'otherwise',
        because: 'Your income is close to the norm. An official will review your application.',
      }),
    ]);
    expect(atReview.explanations[0]).not.toHaveProperty('when');
    expect(atReview.timeline.map((i) => i.text)).toEqual([
      'Application started',
      'Answers received: Your household',
      'Answers received: Income and assets',
      'Your income is close to the norm. An official will review your application.',
      'An official is handling your application',
    ]);

    // Officials see more.
    const ann = await user(env, 'ann');
    await env.engine.claimTask(atReview.tasks[0].id, ann);
    const internal = await caseView(env.engine, env.store, await env.engine.getCase(review.id), 'nl', {
      internal: true,
    });
    expect(internal.tasks[0]).toMatchObject({ status: 'claimed', assignee: 'ann' });
    expect(internal.explanations[0]).toMatchObject({ when: null, inputs: { inkomen: 1450 } });
    // Each rule tried, in words with the values it read and the norm that applied (single: 1.400 − 100).
    const reasoning = internal.explanations[0].reasoning!;
    expect(reasoning.rules.map((r) => r.summary)).toEqual([
      'Regel 1 gold niet',
      'Regel 2 gold niet',
      'Regel 3 gold niet',
      'Regel 4 gold niet',
    ]);
    expect(reasoning.rules[3].clauses![0][0].text).toMatch(
      /^‘.+’ is € 1\.450,00, de regel vraagt minder dan € 1\.300,00: klopt niet$/,
    );
    expect(reasoning.otherwise).toMatch(/^Geen regel gold, dus: /);
    expect(atReview.explanations[0]).not.toHaveProperty('reasoning');
  });

  it("shows the outcome and the decision's reason when ended, without journey actions", async () => {
    const env = await freshEnv({ fixtures: ['toeslag', 'melding'] });
    const row = await toeslagAtMoney(env);
    await env.engine.send(row.id, { type: 'submit', data: money({ vermogen: '4000' }) }, { actor: asCitizen() });

    const nl = await view(env, row.id, 'nl');
    expect(nl.status).toBe('ended');
    expect(nl.step).toMatchObject({ id: 'afgewezen', kind: 'end', title: 'Toeslag afgewezen' });
    expect(nl.outcome).toEqual({
      outcome: 'rejected',
      title: 'Toeslag afgewezen',
      message: 'U krijgt geen toeslag. Bent u het er niet mee eens? Dan kunt u binnen 6 weken bezwaar maken.',
    });
    expect(nl.explanations).toEqual([
      expect.objectContaining({
        step: 'toets',
        rule: 0,
        inputs: { vermogen: 4000 },
        because: 'Uw spaargeld en bezittingen (€ 4.000,00) zijn hoger dan € 2.500. Dan kunt u de belasting betalen.',
      }),
    ]);
    const types = nl.actions.map((a) => a.type);
    expect(types).not.toContain('submit');
    expect(types).not.toContain('withdraw');
    expect(nl.messages.map((m) => m.subject)).toEqual(['Toeslag afgewezen']);

    const en = await view(env, row.id, 'en');
    expect(en.outcome).toEqual({
      outcome: 'rejected',
      title: 'Allowance rejected',
      message: 'Your allowance is rejected. If you disagree, you can object within 6 weeks.',
    });
    expect(en.explanations[0].because).toMatch(/^Your savings and possessions \(€ 4[.,]000[.,]00\) are above € 2,500/);
    expect(en.timeline.at(-1)!.text).toBe('Finished: Allowance rejected');
  });

  it('names a withdrawal by its label in the timeline', async () => {
    const env = await freshEnv({ fixtures: ['toeslag', 'melding'] });
    const row = await toeslagAtReview(env);
    await env.engine.send(row.id, { type: 'withdraw' }, { actor: asCitizen() });
    const en = await view(env, row.id, 'en');
    expect(en.outcome).toMatchObject({ outcome: 'withdrawn', message: 'You withdrew your application.' });
    expect(en.timeline.map((i) => i.text)).toContain('Withdraw application');
    expect(en.tasks[0].status).toBe('closed');
    expect(en.expectedBy).toBeNull();
    expect((await view(env, row.id, 'nl')).timeline.map((i) => i.text)).toContain('Aanvraag intrekken');
  });

  it("shows a message step's message and the contact request in the timeline", async () => {
    const env = await freshEnv({ fixtures: ['toeslag', 'melding'] });
    const row = await toeslagAtMoney(env);
    await env.engine.send(row.id, { type: 'person.requested', data: { question: 'Vraag' } }, { actor: asCitizen() });
    const asked = await view(env, row.id, 'en');
    expect(asked.timeline.at(-1)!.text).toBe('You asked to talk to a person');
    expect(asked.tasks).toEqual([expect.objectContaining({ kind: 'contact', team: 'klantcontact', status: 'open' })]);
    expect(asked.expectedBy).toBeNull();
    await env.engine.send(row.id, { type: 'submit', data: money({ inkomen: '700' }) }, { actor: asCitizen() });
    const granted = await view(env, row.id, 'en');
    expect(granted.messages.map((m) => m.subject)).toEqual(['Your allowance has been granted', 'Allowance granted']);
    expect(granted.outcome).toMatchObject({
      outcome: 'granted',
      message: 'You get the allowance. You need to do nothing more.',
    });
    expect(granted.timeline.map((i) => i.text)).toContain('Message sent: Your allowance has been granted');
  });
});
