import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { canDesign, canSeeDrafts, capabilities, designRoles, roleOf } from '../../../runtime/auth/index.js';
import { createEngine, createFakeClock, createProcessService } from '../../../runtime/engine/index.js';
import type { Principal } from '../../../runtime/store/index.js';
import { createWebApp } from '../../../runtime/web/app.js';
import { openTestStore } from '../../helpers/test-store.js';

const user = (role: 'designer' | 'official' | 'admin'): Principal => ({
  kind: 'user',
  id: 1,
  name: 'x',
  role,
  teams: [],
});
const citizen: Principal = { kind: 'citizen', bsn: '999993653' };

describe('who may design: one policy', () => {
  test('designers design; admins see drafts without designing; officials and citizens neither', () => {
    expect([user('designer'), user('admin'), user('official'), citizen, undefined].map(canDesign)).toEqual([
      true,
      false,
      false,
      false,
      false,
    ]);
    expect([user('designer'), user('admin'), user('official'), citizen, undefined].map(canSeeDrafts)).toEqual([
      true,
      true,
      false,
      false,
      false,
    ]);
    // The API's draft routes take their roles from the same place.
    expect(designRoles.map((r) => canDesign(r === 'citizen' || r === 'intermediary' ? citizen : user(r)))).toEqual(
      designRoles.map(() => true),
    );
    expect(roleOf(citizen)).toBe('citizen');
  });

  test("the session's answer carries the server's policy for the browser apps", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'omslag-policy-'));
    const { store } = await openTestStore(dir);
    const clock = createFakeClock('2026-03-02T09:00:00Z');
    const app = createWebApp(
      { store, clock, engine: createEngine({ store, clock }), processes: createProcessService({ store, clock }) },
      { log: () => {} },
    );
    const server = app.listen(0, '127.0.0.1');
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const at = clock.now().toISOString();
      for (const [name, role] of [
        ['dina', 'designer'],
        ['ada', 'admin'],
        ['olaf', 'official'],
      ] as const) {
        await store.accounts.setPassword((await store.accounts.addUser(name, role, [], at)).id, 'een-goed-wachtwoord');
        const signIn = await fetch(`${base}/api/session`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ name, password: 'een-goed-wachtwoord' }),
        });
        const body = await signIn.json();
        expect(body.can, name).toEqual(capabilities(user(role)));
        const cookie = signIn.headers.get('set-cookie')!.split(';')[0];
        expect((await (await fetch(`${base}/api/session`, { headers: { cookie } })).json()).can, name).toEqual({
          design: role === 'designer',
          seeDrafts: role !== 'official',
        });
      }
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
