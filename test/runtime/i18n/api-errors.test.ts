/**
 * Engine and API errors carry codes and parameters; the API renders the message in the reader's
 * language: Dutch by default, English when Accept-Language (or ?lang=) asks for it.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { EngineError } from '../../../runtime/engine/errors.js';
import { HttpError, toHttpError } from '../../../runtime/http/errors.js';
import { startTestServer, type TestServer } from '../../helpers/server.js';
import { atMoney, atReview, expectStatus } from '../http/support.js';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer({ fixtures: ['toeslag'] });
});
afterAll(async () => {
  await s?.close();
});

describe("the error envelope in the reader's language", () => {
  test('"this task is already being handled by …" in Dutch by default and for nl, in English for en; same code', async () => {
    const { task } = await atReview(s);
    expectStatus(await s.api('POST', `/api/tasks/${task.id}/claim`, { as: 'official' }), 200);
    const claim = (headers: Record<string, string>, query = '') =>
      s.api('POST', `/api/tasks/${task.id}/claim${query}`, { as: 'official2', headers });

    const byDefault = await claim({});
    const dutch = await claim({ 'accept-language': 'nl-NL,nl;q=0.9,en;q=0.8' });
    const english = await claim({ 'accept-language': 'en-GB,en;q=0.9' });
    const asked = await claim({ 'accept-language': 'nl' }, '?lang=en');
    for (const res of [byDefault, dutch, english, asked]) {
      expect(res.status).toBe(409);
      expect(res.body.error).toMatchObject({ code: 'task-claimed', details: { assignee: 'olaf' } });
    }
    expect(byDefault.body.error.message).toBe('deze taak wordt al behandeld door olaf');
    expect(dutch.body.error.message).toBe('deze taak wordt al behandeld door olaf');
    expect(english.body.error.message).toBe('this task is already being handled by olaf');
    expect(asked.body.error.message).toBe('this task is already being handled by olaf');
  });

  test('field errors of answers are rendered per request, in its language', async () => {
    const c = await atMoney(s);
    const send = (lang: string) =>
      s.api('POST', `/api/cases/${c.id}/events`, {
        as: 'citizen',
        body: { type: 'submit', data: {} },
        headers: { 'accept-language': lang },
      });
    const [nl, en] = [await send('nl'), await send('en')];
    expect(nl.status).toBe(422);
    expect(nl.body.error.code).toBe('invalid-answers');
    expect(en.body.error.code).toBe('invalid-answers');
    expect(nl.body.error.message).toBe('sommige antwoorden moeten worden verbeterd');
    expect(en.body.error.message).toBe('some answers need to be corrected');
    expect(Object.keys(nl.body.error.details).sort()).toEqual(Object.keys(en.body.error.details).sort());
    const field = Object.keys(nl.body.error.details)[0];
    expect(nl.body.error.details[field]).toEqual(['Vul dit in.']);
    expect(en.body.error.details[field]).toEqual(['Enter an answer.']);
  });

  test('an API error of the HTTP layer follows the language too (401 unauthenticated)', async () => {
    const nl = await s.api('GET', '/api/tasks', { headers: { 'accept-language': 'nl' } });
    const en = await s.api('GET', '/api/tasks', { headers: { 'accept-language': 'en' } });
    expect([nl.status, en.status]).toEqual([401, 401]);
    expect(nl.body.error.message).toBe('stuur een bearer-token: Authorization: Bearer <token>');
    expect(en.body.error.message).toBe('send a bearer token: Authorization: Bearer <token>');
  });

  test('messages of the routes are in Dutch by default, in English for en; the code stays the same', async () => {
    const { task } = await atReview(s);
    const cases: [string, string, Parameters<TestServer['api']>[2], number, string, string, string][] = [
      [
        'GET',
        '/api/processes/toeslag/versions/999',
        { as: 'designer' },
        404,
        'not-found',
        'versie niet gevonden',
        'version not found',
      ],
      ['GET', '/api/cases/bestaat-niet', { as: 'official' }, 404, 'not-found', 'zaak niet gevonden', 'case not found'],
      [
        'GET',
        '/api/processes/bestaat-niet',
        { as: 'designer' },
        404,
        'not-found',
        "proces 'bestaat-niet' niet gevonden",
        "process 'bestaat-niet' not found",
      ],
      [
        'GET',
        '/api/tasks?status=bogus',
        { as: 'official' },
        422,
        'invalid-request',
        'status is open, claimed, completed, closed of active',
        'status is open, claimed, completed, closed or active',
      ],
      [
        'POST',
        `/api/tasks/${task.id}/assign`,
        { as: 'official', body: { team: 'niemand' } },
        422,
        'unknown-team',
        'team ‘niemand’ bestaat niet; kies een team uit de lijst van teams (GET /api/teams)',
        'team ‘niemand’ does not exist; choose a team from the list of teams (GET /api/teams)',
      ],
    ];
    for (const [method, path, opts, status, code, dutch, english] of cases) {
      const byDefault = await s.api(method, path, opts);
      const en = await s.api(method, path, { ...opts, headers: { 'accept-language': 'en' } });
      expect([byDefault.status, en.status], path).toEqual([status, status]);
      expect([byDefault.body.error.code, en.body.error.code], path).toEqual([code, code]);
      expect(byDefault.body.error.message, path).toBe(dutch);
      expect(en.body.error.message, path).toBe(english);
    }
  });
});

describe('errors carry keys and parameters', () => {
  test('an engine error keeps its code and renders in each language; `message` is English for logs', () => {
    const error = new EngineError('conflict', 'task-claimed', ['taskAlreadyClaimed', { assignee: 'ann' }]);
    expect(error.message).toBe('this task is already being handled by ann');
    expect(error.messageIn('nl')).toBe('deze taak wordt al behandeld door ann');
    const http = toHttpError(error);
    expect([http.status, http.code, http.messageIn('nl')]).toEqual([
      409,
      'task-claimed',
      'deze taak wordt al behandeld door ann',
    ]);
  });

  test('a plain string stays as written (for messages not yet in the catalogue); a key renders', () => {
    expect(new HttpError(403, 'forbidden', 'citizens only').messageIn('nl')).toBe('citizens only');
    expect(new HttpError(413, 'payload-too-large', 'payloadTooLarge').messageIn('nl')).toBe(
      'de body van het verzoek is te groot',
    );
  });
});
