import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureProcess } from '../../helpers/fixtures.js';
import { startTestServer, type TestServer } from '../../helpers/server.js';

describe('publishing ahead: effectiveFrom and referenceDate through the API', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer({ fixtures: ['ophalen'] });
  });
  afterAll(async () => {
    await s.close();
  });

  it("publishes next year's version ahead; cases pick the version in force on their reference date", async () => {
    const def = fixtureProcess('ophalen');
    def.title = 'Grofvuil 2027';
    await s.api('PUT', '/api/processes/ophalen/draft', { as: 'designer', body: def });
    const bad = await s.api('POST', '/api/processes/ophalen/publish', {
      as: 'designer',
      body: { effectiveFrom: '1 januari' },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details).toHaveProperty('effectiveFrom');
    const published = await s.api('POST', '/api/processes/ophalen/publish', {
      as: 'designer',
      body: { effectiveFrom: '2027-01-01' },
    });
    expect(published.status).toBe(201);
    expect(published.body).toEqual({ key: 'ophalen', version: 2, effectiveFrom: '2027-01-01' });
    const info = await s.api('GET', '/api/processes/ophalen', { as: 'designer' });
    expect(info.body.versionList.map((v: any) => [v.version, v.effectiveFrom])).toEqual([
      [1, null],
      [2, '2027-01-01'],
    ]);

    expect(
      (await s.api('POST', '/api/processes/ophalen/cases', { as: 'citizen', body: {} })).body.process.version,
    ).toBe(1);
    const later = await s.api('POST', '/api/processes/ophalen/cases', {
      as: 'official',
      body: { subject: '999993653', referenceDate: '2027-02-01' },
    });
    expect(later.body.process).toMatchObject({ version: 2, title: 'Grofvuil 2027' });
    const citizen = await s.api('POST', '/api/processes/ophalen/cases', {
      as: 'citizen',
      body: { referenceDate: '2027-02-01' },
    });
    expect(citizen.status).toBe(422);
    expect(citizen.body.error.details).toHaveProperty('referenceDate');
  });
});
