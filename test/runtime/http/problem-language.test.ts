/**
 * A draft's problems answer in the language of the request (Accept-Language
 * or ?lang; Dutch by default), whole sentences with the titles of the steps,
 * keeping the stable code, the params and the machine path for programs:
 * on saving (PUT …/draft), reading (GET …/:key) and a refused publish.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureProcess } from '../../helpers/fixtures.js';
import { startTestServer, type TestServer } from '../../helpers/server.js';
import { expectStatus, refused } from './support.js';

const DUTCH =
  'In de voorwaarde van de eerste regel van stap ‘Toets op inkomen en vermogen’ staat ‘inkomn’, maar zo heet ' +
  'geen veld van dit proces. Kies een veld dat een stap vraagt, of verbeter de naam.';
const ENGLISH =
  'The condition of the first rule of step ‘Income and asset test’ reads ‘inkomn’, and no field of this process ' +
  'has that name. Choose a field a step asks for, or correct the name.';

describe('the problems of a draft, in the language of the request', () => {
  let s: TestServer;
  let def: any;
  beforeAll(async () => {
    s = await startTestServer({ fixtures: ['toeslag'] });
    def = fixtureProcess('toeslag');
    def.steps.toets.rules[0].when = def.steps.toets.rules[0].when.replace(/^\w+/, 'inkomn');
  });
  afterAll(async () => {
    await s.close();
  });

  const unknownField = (problems: any[]) => problems.filter((p) => p.code === 'P005');

  it('answers in Dutch by default and on Accept-Language: nl, in English on Accept-Language: en', async () => {
    const saved = expectStatus(await s.api('PUT', '/api/processes/toeslag/draft', { as: 'designer', body: def }), 200);
    const expected = {
      code: 'P005',
      params: { case: 'step', place: { at: 'ruleWhen', i: 0 }, name: 'inkomn' },
      node: 'toets',
      path: 'rules[0].when',
    };
    expect(unknownField(saved.problems)).toEqual([{ ...expected, message: DUTCH }]);

    const nl = expectStatus(
      await s.api('GET', '/api/processes/toeslag', { as: 'designer', headers: { 'accept-language': 'nl-NL' } }),
      200,
    );
    expect(unknownField(nl.problems)).toEqual([{ ...expected, message: DUTCH }]);

    const en = expectStatus(
      await s.api('GET', '/api/processes/toeslag', {
        as: 'designer',
        headers: { 'accept-language': 'en-GB,en;q=0.9,nl;q=0.5' },
      }),
      200,
    );
    expect(unknownField(en.problems)).toEqual([{ ...expected, message: ENGLISH }]);
    // Same codes, params and paths in both languages: only the words differ.
    expect(en.problems.map(({ message: _, ...p }: any) => p)).toEqual(
      nl.problems.map(({ message: _, ...p }: any) => p),
    );

    const savedEn = expectStatus(
      await s.api('PUT', '/api/processes/toeslag/draft', {
        as: 'designer',
        body: def,
        headers: { 'accept-language': 'en' },
      }),
      200,
    );
    expect(unknownField(savedEn.problems)[0].message).toBe(ENGLISH);
  });

  it('a refused publish lists the problems in the language of the request', async () => {
    const nl = await refused(s, 422, 'draft-has-problems', 'POST', '/api/processes/toeslag/publish', {
      as: 'designer',
    });
    expect(unknownField(nl.body.error.details.problems)[0].message).toBe(DUTCH);
    const en = await refused(s, 422, 'draft-has-problems', 'POST', '/api/processes/toeslag/publish?lang=en', {
      as: 'designer',
    });
    expect(unknownField(en.body.error.details.problems)[0].message).toBe(ENGLISH);
  });
});
