import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../helpers/server.js';

// An official who starts a case for a citizen (at the counter) can follow it;
// an official of another team still cannot.
describe('a case started by an official for a citizen', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer({ fixtures: ['ophalen'] });
  });
  afterAll(async () => {
    await s.close();
  });

  it('is visible to the official who started it and to the citizen, not to another team', async () => {
    const started = await s.api('POST', '/api/processes/ophalen/cases', {
      as: 'official',
      body: { subject: '999993653' },
    });
    expect(started.status).toBe(201);
    expect((await s.api('GET', `/api/cases/${started.body.id}`, { as: 'official' })).status).toBe(200);
    expect((await s.api('GET', `/api/cases/${started.body.id}`, { as: 'citizen' })).status).toBe(200);
    expect((await s.api('GET', `/api/cases/${started.body.id}`, { as: 'otherTeam' })).status).toBe(404);
    expect((await s.api('GET', `/api/cases/${started.body.id}`, { as: 'citizenB' })).status).toBe(404);
  });
});
