/**
 * "Bezorging van meldingen" in the workspace, against a real server: an
 * admin sees the dead letters with why they failed and tries one again; an
 * official is told the page is not for them.
 */
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient } from '../../browser/api/client.js';
import { DeliveriesPage } from '../../workspace/components/DeliveriesPage.js';
import type { Workspace } from '../../workspace/context.js';
import { renderInWorkspace } from '../helpers/dom.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

let s: TestServer;
let dead: number;
beforeAll(async () => {
  s = await startTestServer();
  const at = s.clock.now().toISOString();
  await s.store.outbox.queue({ key: 'dom:1', kind: 'outcome', recipient: 'subject:999993653', data: {}, at });
  const notice = (await s.store.outbox.byKey('dom:1'))!;
  await s.store.deliveries.plan({
    outboxId: notice.id,
    channel: 'email',
    address: 'inwoner@example.nl',
    lang: 'nl',
    at,
  });
  const [d] = await s.store.deliveries.claimDue('node-1', at, 60_000);
  await s.store.deliveries.markFailed(d.id, 'node-1', 'connect ECONNREFUSED 127.0.0.1:25', at, true);
  dead = d.id;
});
afterAll(async () => {
  await s?.close();
});

describe('DeliveriesPage', () => {
  it('lists the dead letters for an admin, and "Opnieuw proberen" makes one pending again', async () => {
    const api = createApiClient(s.base, { token: s.tokens.admin }) as unknown as Workspace['api'];
    renderInWorkspace(<DeliveriesPage />, { workspace: { api, user: { name: 'ada', role: 'admin', teams: [] } } });
    const table = await screen.findByRole('table', { name: /niet aankwamen/i });
    expect(table.textContent).toContain('e-mail: inwoner@example.nl');
    expect(table.textContent).toContain('connect ECONNREFUSED 127.0.0.1:25');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Opnieuw proberen: inwoner@example.nl' }));
    });
    await waitFor(() => expect(screen.getByText(/wordt binnen enkele seconden opnieuw verstuurd/)).toBeTruthy());
    expect((await s.store.deliveries.get(dead))!.status).toBe('pending');
    await waitFor(() => expect(screen.getByText('Er zijn geen meldingen die niet aankwamen.')).toBeTruthy());
  });

  it('tells an official it is for admins only', () => {
    const api = createApiClient(s.base, { token: s.tokens.official }) as unknown as Workspace['api'];
    renderInWorkspace(<DeliveriesPage />, { workspace: { api } });
    expect(screen.getByText('Deze pagina is alleen voor beheerders.')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });
});
