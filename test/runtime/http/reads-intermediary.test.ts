/**
 * An intermediary organisation's API client reading a citizen's case by a
 * mandate: recorded under the client, by the organisation's name, with its
 * X-Purpose; without a mandate nothing is read and nothing recorded.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestServer, type TestServer } from '../../helpers/server.js';
import { atReview, CITIZEN_BSN, expectStatus, refused } from './support.js';

let s: TestServer;
let review: Awaited<ReturnType<typeof atReview>>;
beforeAll(async () => {
  s = await startTestServer({ fixtures: ['toeslag'] });
  review = await atReview(s);
  await s.store.mandates.create(
    {
      citizen: CITIZEN_BSN,
      holder: { kind: 'organisation', id: '90000001' },
      holderName: 'Schuldhulp Test',
      staff: [],
      processKey: 'toeslag',
      rights: ['view'],
      validFrom: s.clock.now().toISOString(),
      validUntil: null,
      source: 'official',
      reason: 'bewindvoering',
      createdBy: 'user:olaf',
    },
    s.clock.now().toISOString(),
  );
});
afterAll(async () => {
  await s?.close();
});

describe("an intermediary's API client", () => {
  test('its read of a case is recorded under the client, by the organisation, with its purpose', async () => {
    expectStatus(
      await s.api('GET', `/api/cases/${review.view.id}`, {
        as: 'intermediary',
        headers: { 'X-Purpose': 'Schuldhulpverlening: overzicht van lopende aanvragen' },
      }),
      200,
    );
    const [read] = await s.store.reads.forCase(review.view.id);
    expect(read).toMatchObject({
      subject: CITIZEN_BSN,
      actor: expect.stringMatching(/^client:/),
      actorName: 'Schuldhulp Test',
      onBehalf: 'kvk:90000001',
      data: 'case',
      purpose: 'Schuldhulpverlening: overzicht van lopende aanvragen',
    });
  });

  test('without a mandate: 404, nothing recorded', async () => {
    const before = (await s.store.reads.forCase(review.view.id)).length;
    await refused(s, 404, 'not-found', 'GET', `/api/cases/${review.view.id}`, { as: 'intermediaryB' });
    expect(await s.store.reads.forCase(review.view.id)).toHaveLength(before);
  });

  test('an event it sends answers with the case view: that read is logged first, under its own purpose', async () => {
    // A mandate with submit for another citizen's case of the same organisation.
    const started = expectStatus(
      await s.api('POST', '/api/processes/toeslag/cases', { as: 'official', body: { subject: '111222333' } }),
      201,
    );
    await s.store.mandates.create(
      {
        citizen: '111222333',
        holder: { kind: 'organisation', id: '90000001' },
        holderName: 'Schuldhulp Test',
        staff: [],
        processKey: 'toeslag',
        rights: ['view', 'fill', 'submit'],
        validFrom: s.clock.now().toISOString(),
        validUntil: null,
        source: 'official',
        reason: 'bewindvoering',
        createdBy: 'user:olaf',
      },
      s.clock.now().toISOString(),
    );
    const sent = await s.api('POST', `/api/cases/${started.id}/events`, {
      as: 'intermediary',
      headers: { 'X-Purpose': 'Aanvraag indienen voor cliënt' },
      body: { type: 'submit', data: { huishouden: 'alleen' } },
    });
    expect([200, 422]).toContain(sent.status);
    const reads = await s.store.reads.forCase(started.id);
    expect(reads[0]).toMatchObject({
      subject: '111222333',
      actorName: 'Schuldhulp Test',
      purpose: 'Aanvraag indienen voor cliënt',
    });
    // A bad purpose is refused before anything is read, recorded or changed.
    const rev = (await s.store.cases.get(started.id))!.rev;
    await refused(s, 422, 'invalid-purpose', 'POST', `/api/cases/${started.id}/events`, {
      as: 'intermediary',
      headers: { 'X-Purpose': 'x'.repeat(201) },
      body: { type: 'submit', data: { huishouden: 'alleen' } },
    });
    expect((await s.store.cases.get(started.id))!.rev).toBe(rev);
    expect(await s.store.reads.forCase(started.id)).toHaveLength(reads.length);
  });
});
