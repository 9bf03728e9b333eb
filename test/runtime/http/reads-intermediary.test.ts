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
});
