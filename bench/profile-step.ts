/**
 * Where a citizen step spends its CPU: 1,800 API requests (start, two form steps) through the real app, in process.
 * Run: node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/profile-step.ts && node bench/profile-summary.mjs /tmp/prof
 */
import { startTestServer } from '../test/helpers/server.js';
const s = await startTestServer();
const household = { huishouden: 'samen', aanslagnummer: 'A-1' };
const money = { inkomen: '1200', vermogen: '100', heeftAuto: 'nee', iban: 'NL91ABNA0417164300' };
const t0 = performance.now();
let steps = 0;
for (let i = 0; i < 600; i++) {
  const c = await s.api('POST', '/api/processes/kwijtschelding/cases', { as: 'citizen', body: {} });
  await s.api('POST', `/api/cases/${c.body.id}/events`, { as: 'citizen', body: { type: 'submit', data: household } });
  await s.api('POST', `/api/cases/${c.body.id}/events`, { as: 'citizen', body: { type: 'submit', data: money } });
  steps += 3;
}
console.log(`${steps} requests in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
await s.close();
