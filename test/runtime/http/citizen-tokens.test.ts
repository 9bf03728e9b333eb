/**
 * Citizens' bearer tokens (`tokens.bsn`: the demo accounts' and the CLI's
 * `citizen-token`) stand in for DigiD: the API accepts them only with the
 * development stand-in on (devSignIn), and refuses them as unknown otherwise.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readAuthSettings } from '../../../runtime/auth/index.js';
import { startTestServer, type TestServer } from '../../helpers/server.js';
import { dbState } from './support.js';

let on: TestServer;
let off: TestServer;
beforeAll(async () => {
  on = await startTestServer({ fixtures: ['toeslag'] });
  off = await startTestServer({
    fixtures: ['toeslag'],
    auth: readAuthSettings({ DEV_SIGN_IN: 'false' }),
  });
});
afterAll(async () => {
  await on?.close();
  await off?.close();
});

describe('citizen bearer tokens', () => {
  test('accepted with the stand-in on', async () => {
    expect(await on.api('GET', '/api/me', { as: 'citizen' })).toMatchObject({
      status: 200,
      body: { role: 'citizen', bsn: '999993653' },
    });
    expect((await on.api('POST', '/api/processes/toeslag/cases', { as: 'citizen', body: {} })).status).toBe(201);
    expect((await on.api('GET', '/api/session/providers')).body).toEqual({ staff: false, devSignIn: true });
  });

  test('refused (401, nothing made) with the stand-in off; staff tokens still work', async () => {
    const before = await dbState(off);
    const me = await off.api('GET', '/api/me', { as: 'citizen' });
    expect(me.status).toBe(401);
    expect(me.body.error.code).toBe('unauthenticated');
    const start = await off.api('POST', '/api/processes/toeslag/cases', { as: 'citizen', body: {} });
    expect(start.status).toBe(401);
    expect(await dbState(off)).toEqual(before);
    expect((await off.api('GET', '/api/me', { as: 'official' })).status).toBe(200);
    expect((await off.api('GET', '/api/session/providers')).body).toEqual({ staff: false, devSignIn: false });
  });
});
