import { test } from 'vitest';
import { startTestServer } from '../../helpers/server.js';
import { createApp } from '../../../runtime/http/app.js';

test('explore', async () => {
  const s = await startTestServer();
  try {
    const c = await s.api('POST', '/api/processes/kwijtschelding/cases', { as: 'citizen', body: {} });
    console.log(c.status, JSON.stringify(c.body, null, 1).slice(0, 3000), c.headers.get('etag'));
    const r = await s.api('GET', `/api/cases/${c.body.id}?lang=en&lang=nl`, { as: 'citizen' });
    console.log(r.status, JSON.stringify(r.body).slice(0, 300));
    const app: any = createApp({ store: s.store, engine: s.engine, processes: s.processes, clock: s.clock }, { log: () => {} });
    for (const l of app.router.stack) console.log(l.name, l.rawPath, !!l.route, l.route?.path, l.handle?.stack?.length);
    const t = await s.api('GET', `/api/tasks?team=a&team=b`, { as: 'admin' });
    console.log(t.status, JSON.stringify(t.body).slice(0, 300));
    const t2 = await s.api('GET', `/api/tasks?assignee=a&assignee=b`, { as: 'official' });
    console.log(t2.status, JSON.stringify(t2.body).slice(0, 300));
  } finally { await s.close(); }
});
