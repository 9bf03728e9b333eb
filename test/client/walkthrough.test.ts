/**
 * The README's curl walk-through, written with the generated client
 * (test/client/walkthrough.ts), run against a real server on a port: the
 * answers are the ones the README shows, and each has the shape the
 * document promises.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { apiRoutes } from '../../runtime/http/app.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { readFileSync } from 'node:fs';
import { designAndSignal, walkThrough, type WalkThrough } from './walkthrough.js';

let s: TestServer;
let seen: WalkThrough;

beforeAll(async () => {
  // The README walks the example processes (kwijtschelding, grofvuil, stadspas).
  s = await startTestServer({ examples: true });
  seen = await walkThrough(s.base, { citizen: s.tokens.citizen, official: s.tokens.official });
}, 60_000);
afterAll(async () => {
  await s?.close();
});

describe('the README walk-through, through the generated client', () => {
  test('1–2: a case starts; a wrong answer is 422 with field errors, a right one moves to geldzaken', () => {
    expect(seen.caseId).toMatch(/\S/);
    expect(seen.wrongAnswer).toEqual({
      status: 422,
      code: 'invalid-answers',
      details: { huishouden: ['Kies een van de mogelijkheden.'], aanslagnummer: ['Vul dit in.'] },
    });
    expect(seen.afterHousehold).toBe('geldzaken');
  });

  test('3: an income close to the norm is handed to an official, with the reason; a retry is replayed', () => {
    expect(seen.because).toBe('Uw inkomen ligt dicht bij de norm. Een medewerker bekijkt uw aanvraag.');
    expect(seen.replayed).toEqual({ header: 'true', sameStep: true });
  });

  test('4: the official claims the task and rejects it', () => {
    expect(seen.claimed).toBe('claimed');
    expect(seen.completed).toBe('completed');
    expect(seen.completedStatus).toBe(200);
  });

  test('5: the citizen sees the outcome with the reason, and the timeline in English', () => {
    expect(seen.outcome).toEqual({
      outcome: 'rejected',
      title: 'Kwijtschelding afgewezen',
      message: expect.stringMatching(/^U krijgt geen kwijtschelding\. Uw vaste lasten zijn/),
    });
    expect(seen.timeline.length).toBeGreaterThanOrEqual(4);
    expect(seen.timeline[0]).toMatchObject({ type: 'case.started', text: 'Application started' });
    expect(seen.timeline.map((item) => item.text).slice(-3)).toEqual([
      'Reviewed by an official: Reject',
      'Message sent: Remission rejected',
      'Finished: Remission rejected',
    ]);
  });

  test('the answers it read match the response schemas of their routes, field for field', async () => {
    const routes = apiRoutes({ store: s.store, engine: s.engine, processes: s.processes, clock: s.clock });
    const schema = (operationId: string) => routes.find((r) => r.operationId === operationId)!.response!;
    const exact = (operationId: string, body: unknown) => {
      const parsed = schema(operationId).safeParse(body);
      expect(
        parsed.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`),
        operationId,
      ).toBeUndefined();
      // zod drops keys it does not know: what it kept is all there was, so the schema names every field.
      expect(parsed.data, operationId).toEqual(body);
    };
    exact('getCase', (await s.api('GET', `/api/cases/${seen.caseId}`, { as: 'citizen' })).body);
    exact('getCase', (await s.api('GET', `/api/cases/${seen.caseId}`, { as: 'official' })).body);
    exact('getTask', (await s.api('GET', `/api/tasks/${seen.taskId}`, { as: 'official' })).body);
    exact('listTasks', (await s.api('GET', '/api/tasks?status=completed', { as: 'official' })).body);
    exact('listCases', (await s.api('GET', '/api/cases', { as: 'citizen' })).body);
  });

  test('the other examples: a draft copied and published, a BPMN file imported, a signal starts an offer', async () => {
    const bpmn = readFileSync(new URL('../fixtures/bpmn/melding-servicetaak.bpmn', import.meta.url), 'utf8');
    const seenToo = await designAndSignal(s.base, { designer: s.tokens.designer, admin: s.tokens.admin }, bpmn);
    expect(seenToo.problems).toEqual([]);
    expect(seenToo.version).toBe(1);
    expect(seenToo.imported.key).toBe('melding-import');
    expect(seenToo.imported.unmapped).toBeGreaterThan(0);
    expect(seenToo.started).toEqual([{ process: 'stadspas', caseId: expect.any(String) }]);
    expect(seenToo.reached).toBe(1);
  });
});
