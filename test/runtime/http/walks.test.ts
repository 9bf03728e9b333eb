/**
 * Whole journeys through the API only, as an intermediary or a browser app
 * would walk them, on fixture processes: `toeslag` through an official's
 * review to a rejection, `ophalen` straight to its end, and the same in English.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestServer, type TestServer } from '../../helpers/server.js';
import { expectStatus, household, money, refused } from './support.js';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer({ fixtures: ['toeslag', 'ophalen'] });
});
afterAll(async () => {
  await s?.close();
});

const REDEN = 'Uw vaste lasten zijn niet hoger dan gemiddeld.';
const DAY = 24 * 3600_000;

describe('toeslag: citizen, decision, official review, rejection', () => {
  test('the whole walk', async () => {
    // The citizen starts and answers two forms.
    const started = expectStatus(await s.api('POST', '/api/processes/toeslag/cases', { as: 'citizen', body: {} }), 201);
    expect(started.step.id).toBe('huishouden');
    const id = started.id;
    const atMoney = expectStatus(
      await s.api('POST', `/api/cases/${id}/events`, { as: 'citizen', body: { type: 'submit', data: household } }),
      200,
    );
    expect(atMoney.step).toMatchObject({ id: 'geldzaken', kind: 'form', title: 'Inkomen en vermogen' });
    expect(atMoney.step.fields.map((f: any) => f.id)).toEqual(
      expect.arrayContaining(['inkomen', 'vermogen', 'heeftAuto', 'iban']),
    );
    expect(atMoney.step.fields.find((f: any) => f.id === 'inkomen')).toMatchObject({
      type: 'money',
      label: 'Netto inkomen per maand (huishouden)',
      required: true,
      min: 0,
      value: null,
    });

    // The decision hands the case to an official, and says why.
    const atReview = expectStatus(
      await s.api('POST', `/api/cases/${id}/events`, { as: 'citizen', body: { type: 'submit', data: money() } }),
      200,
    );
    expect(atReview).toMatchObject({
      status: 'active',
      step: { id: 'beoordeling', kind: 'handoff', text: 'Een medewerker van Belastingen beoordeelt uw aanvraag.' },
    });
    expect(atReview.explanations).toEqual([
      {
        at: '2026-03-02T09:00:00.000Z',
        step: 'toets',
        rule: 'otherwise',
        because: 'Uw inkomen ligt dicht bij de norm. Een medewerker bekijkt uw aanvraag.',
        inputs: { inkomen: 1450, vermogen: 100, heeftAuto: false, autoWaarde: null, huishouden: 'alleenstaand' },
        counterfactual: expect.objectContaining({
          computable: true,
          text: expect.stringContaining('minder dan € 1.300,00 (nu: € 1.450,00) was geweest'),
        }),
      },
    ]);
    expect(atReview.timeline.map((i: any) => i.text)).toEqual([
      'Aanvraag gestart',
      'Antwoorden ontvangen: Uw huishouden',
      'Antwoorden ontvangen: Inkomen en vermogen',
      'Uw inkomen ligt dicht bij de norm. Een medewerker bekijkt uw aanvraag.',
      'Een medewerker behandelt uw aanvraag',
    ]);
    expect(atReview.expectedBy).toBe(new Date(Date.parse('2026-03-02T09:00:00Z') + 10 * DAY).toISOString());
    expect(atReview.answers.find((a: any) => a.id === 'inkomen')).toMatchObject({ value: 1450, text: '€ 1.450,00' });
    expect(atReview.answers.find((a: any) => a.id === 'iban')).toMatchObject({
      value: 'NL91ABNA0417164300',
      text: 'NL91 ABNA 0417 1643 00',
    });

    // The official finds the task and the case, with the rule's inputs.
    s.clock.advance(DAY);
    const tasks = expectStatus(await s.api('GET', '/api/tasks?team=belastingen&status=open', { as: 'official' }), 200);
    const task = tasks.find((t: any) => t.caseId === id);
    expect(task).toMatchObject({ step: 'beoordeling', kind: 'handoff', status: 'open' });
    const internal = expectStatus(await s.api('GET', `/api/cases/${id}`, { as: 'official' }), 200);
    expect(internal.explanations[0]).toMatchObject({ rule: 'otherwise', when: null, inputs: { inkomen: 1450 } });

    const claim = await s.api('POST', `/api/tasks/${task.id}/claim`, { as: 'official' });
    expect(expectStatus(claim, 200)).toMatchObject({ status: 'claimed', assignee: 'olaf' });
    const done = await s.api('POST', `/api/tasks/${task.id}/complete`, {
      as: 'official',
      body: { outcome: 'afwijzen', data: { reden: REDEN } },
      headers: { 'if-match': claim.headers.get('etag')! },
    });
    expect(expectStatus(done, 200)).toMatchObject({
      status: 'completed',
      outcome: 'afwijzen',
      assignee: 'olaf',
      closedAt: '2026-03-03T09:00:00.000Z',
    });
    expect(
      expectStatus(await s.api('GET', '/api/tasks?status=active', { as: 'official' }), 200).map((t: any) => t.id),
    ).not.toContain(task.id);

    // The citizen sees the outcome and the official's reason.
    const end = expectStatus(await s.api('GET', `/api/cases/${id}`, { as: 'citizen' }), 200);
    expect(end.status).toBe('ended');
    expect(end.step).toMatchObject({ id: 'afgewezen', kind: 'end' });
    expect(end.outcome).toEqual({
      outcome: 'rejected',
      title: 'Toeslag afgewezen',
      message: `U krijgt geen toeslag. ${REDEN} Bent u het er niet mee eens? Dan kunt u binnen 6 weken bezwaar maken.`,
    });
    expect(end.messages).toEqual([
      { at: '2026-03-03T09:00:00.000Z', step: 'afgewezen', subject: 'Toeslag afgewezen', body: end.outcome.message },
    ]);
    expect(end.answers.find((a: any) => a.id === 'reden')).toMatchObject({
      value: REDEN,
      label: 'Reden voor de inwoner',
    });
    expect(end.timeline.at(-1).text).toBe('Afgerond: Toeslag afgewezen');
    expect(end.expectedBy).toBeNull();
    expect(end.tasks).toEqual([expect.objectContaining({ id: task.id, status: 'completed' })]);
    expect(end.actions.map((a: any) => a.type)).not.toContain('submit');
    expect(end.actions.map((a: any) => a.type)).not.toContain('withdraw');
    expect(
      expectStatus(await s.api('GET', '/api/cases', { as: 'citizen' }), 200).find((c: any) => c.id === id),
    ).toMatchObject({ status: 'ended', outcome: 'rejected' });

    // Nothing more to do; the audit trail holds, with who did what.
    await refused(s, 409, 'event-not-allowed', 'POST', `/api/cases/${id}/events`, {
      as: 'citizen',
      body: { type: 'withdraw' },
    });
    const audit = await s.store.cases.audit(id);
    expect(audit.find((e) => e.type === 'task.completed')).toMatchObject({
      actor: 'user:olaf',
      data: { outcome: 'afwijzen', answers: { reden: REDEN } },
    });
    expect(audit.filter((e) => e.type === 'event.received').map((e) => e.actor)).toEqual([
      'citizen',
      'citizen',
      'user:olaf',
    ]);
    expect(await s.store.cases.verifyAudit()).toMatchObject({ ok: true });
  });

  test('a low income is granted without an official, with the reason', async () => {
    const started = expectStatus(
      await s.api('POST', '/api/processes/toeslag/cases', { as: 'citizenB', body: {} }),
      201,
    );
    expectStatus(
      await s.api('POST', `/api/cases/${started.id}/events`, {
        as: 'citizenB',
        body: { type: 'submit', data: household },
      }),
      200,
    );
    const end = expectStatus(
      await s.api('POST', `/api/cases/${started.id}/events`, {
        as: 'citizenB',
        body: { type: 'submit', data: money({ inkomen: '900', heeftAuto: 'ja', autoWaarde: '1.500' }) },
      }),
      200,
    );
    expect(end).toMatchObject({ status: 'ended', outcome: { outcome: 'granted' }, tasks: [] });
    // A car owner answers the value of the car in the same submit.
    expect(end.answers.find((a: any) => a.id === 'autoWaarde')).toMatchObject({ value: 1500, text: '€ 1.500,00' });
    expect(end.explanations.map((e: any) => [e.rule, e.because])).toEqual([
      [3, 'Uw inkomen en vermogen zijn lager dan de norm voor uw huishouden.'],
    ]);
    expect(end.messages[0]).toMatchObject({
      subject: 'Uw toeslag is toegekend',
      body: 'U krijgt de toeslag voor aanslag 2026-0001234.',
    });
  });
});

describe('ophalen: one form to a scheduled pickup', () => {
  test('the whole walk, with answers corrected first', async () => {
    const started = expectStatus(await s.api('POST', '/api/processes/ophalen/cases', { as: 'citizen', body: {} }), 201);
    expect(started.step.fields.map((f: any) => f.id)).toEqual(
      expect.arrayContaining(['postcode', 'huisnummer', 'spullen', 'ophaaldatum']),
    );
    expect(started.actions.map((a: any) => a.type)).toEqual(['submit', 'person.requested']);
    const url = `/api/cases/${started.id}/events`;
    const today = s.clock.now().toISOString().slice(0, 10);
    const inAWeek = new Date(s.clock.now().getTime() + 7 * DAY).toISOString().slice(0, 10);

    // "overig" makes the explanation required; a date in the past and a wrong postcode are refused.
    const res = await refused(s, 422, 'invalid-answers', 'POST', url, {
      as: 'citizen',
      body: {
        type: 'submit',
        data: { postcode: '0123 AB', huisnummer: '12', spullen: ['meubels', 'overig'], ophaaldatum: '2026-03-01' },
      },
    });
    expect(Object.keys(res.body.error.details).sort()).toEqual(['ophaaldatum', 'postcode', 'toelichting']);
    expect(res.body.error.details.ophaaldatum).toEqual([`De datum moet op of na ${today} liggen.`]);

    const end = expectStatus(
      await s.api('POST', url, {
        as: 'citizen',
        body: {
          type: 'submit',
          data: {
            postcode: '1234ab',
            huisnummer: '12',
            spullen: ['meubels', 'overig'],
            toelichting: 'Een oude kast',
            ophaaldatum: inAWeek,
          },
        },
      }),
      200,
    );
    expect(end).toMatchObject({
      status: 'ended',
      step: { id: 'ingepland', kind: 'end' },
      outcome: { outcome: 'completed', title: 'Ophalen ingepland' },
    });
    expect(end.outcome.message).toBe(`Wij halen uw spullen op ${Number(inAWeek.slice(8, 10))} maart 2026 op.`);
    expect(end.answers.find((a: any) => a.id === 'postcode').value).toBe('1234 AB');
    expect(end.answers.find((a: any) => a.id === 'spullen')).toMatchObject({
      value: ['meubels', 'overig'],
      text: 'Meubels, Iets anders',
    });
    expect(end.timeline.map((i: any) => i.type)).toEqual([
      'case.started',
      'event.received',
      'message.queued',
      'case.ended',
    ]);
    await refused(s, 409, 'event-not-allowed', 'POST', url, { as: 'citizen', body: { type: 'submit', data: {} } });
  });
});

describe('English with ?lang=en (and Accept-Language)', () => {
  test('ophalen in English: step, fields, actions, field errors and the outcome', async () => {
    const started = expectStatus(
      await s.api('POST', '/api/processes/ophalen/cases?lang=en', { as: 'citizen', body: {} }),
      201,
    );
    expect(started.process.title).toBe('Collection of goods');
    expect(started.step.title).toBe('What and where');
    expect(started.step.fields.find((f: any) => f.id === 'spullen')).toMatchObject({
      label: 'What should we collect?',
      options: expect.arrayContaining([{ value: 'matras', label: 'Mattress' }]),
    });
    expect(started.actions).toEqual([
      { type: 'submit', label: 'Send answers' },
      { type: 'person.requested', label: 'Talk to a person' },
    ]);
    expect(started.timeline[0].text).toBe('Application started');

    const url = `/api/cases/${started.id}/events?lang=en`;
    const res = await refused(s, 422, 'invalid-answers', 'POST', url, {
      as: 'citizen',
      body: { type: 'submit', data: { postcode: 'nope' } },
    });
    expect(res.body.error.details.postcode).toEqual(['Enter a postcode like 1234 AB.']);
    expect(res.body.error.details.huisnummer).toEqual(['Enter an answer.']);

    const inAWeek = new Date(s.clock.now().getTime() + 7 * DAY).toISOString().slice(0, 10);
    const end = expectStatus(
      await s.api('POST', url, {
        as: 'citizen',
        body: {
          type: 'submit',
          data: { postcode: '1234 AB', huisnummer: '1', spullen: 'matras', ophaaldatum: inAWeek },
        },
      }),
      200,
    );
    expect(end.outcome).toMatchObject({ outcome: 'completed', title: 'Pickup scheduled' });
    expect(end.outcome.message).toMatch(/^We will collect your goods on \d{1,2} March 2026\.$/);
    expect(end.timeline.at(-1).text).toBe('Finished: Pickup scheduled');
    // The same case in Dutch, by default.
    const dutch = expectStatus(await s.api('GET', `/api/cases/${started.id}`, { as: 'citizen' }), 200);
    expect(dutch.outcome.title).toBe('Ophalen ingepland');
  });

  test('toeslag explanations and the handoff in English; Accept-Language works too', async () => {
    const started = expectStatus(
      await s.api('POST', '/api/processes/toeslag/cases', {
        as: 'citizen',
        body: {},
        headers: { 'accept-language': 'en-GB,en;q=0.9' },
      }),
      201,
    );
    expect(started.step.title).toBe('Your household');
    expect(started.actions.find((a: any) => a.type === 'withdraw').label).toBe('Withdraw application');
    const url = `/api/cases/${started.id}/events?lang=en`;
    expectStatus(await s.api('POST', url, { as: 'citizen', body: { type: 'submit', data: household } }), 200);
    const review = expectStatus(
      await s.api('POST', url, { as: 'citizen', body: { type: 'submit', data: money() } }),
      200,
    );
    expect(review.step).toMatchObject({
      title: 'Review by an official',
      text: 'An official of the tax team reviews your application.',
    });
    expect(review.explanations[0].because).toBe(
      'Your income is close to the norm. An official will review your application.',
    );
    expect(review.timeline.at(-1).text).toBe('An official is handling your application');

    const withdrawn = expectStatus(await s.api('POST', url, { as: 'citizen', body: { type: 'withdraw' } }), 200);
    expect(withdrawn.outcome).toEqual({
      outcome: 'withdrawn',
      title: 'Application withdrawn',
      message: 'You withdrew your application.',
    });
    expect(withdrawn.timeline.map((i: any) => i.text)).toContain('Withdraw application');
    // Leaving the handoff closed the official's task.
    expect(withdrawn.tasks).toEqual([expect.objectContaining({ kind: 'handoff', status: 'closed' })]);
  });
});
