/**
 * Drafts and publishing: a draft may have problems, a published version may
 * not; versions are numbered and immutable, and a case stays on the version
 * it started on.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importProcesses } from '../../../runtime/engine/index.js';
import { asCitizen, BSN, closeStore, dump, engineError, EXAMPLES, freshEnv, openEnv, rows } from './setup.js';

/** The example processes shipped in processes/, by key (file name). */
const EXAMPLE_KEYS = readdirSync(EXAMPLES)
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.slice(0, -5))
  .sort();

const v1 = {
  key: 'versie',
  title: { nl: 'Versies', en: 'Versions' },
  start: 'vraag',
  contact: { team: 'klantcontact' },
  steps: {
    vraag: {
      kind: 'form',
      title: 'Vraag',
      fields: [{ id: 'naam', label: 'Naam', type: 'text', required: true }],
      next: 'klaar',
    },
    klaar: { kind: 'end', title: 'Klaar', outcome: 'completed', message: 'Dank u, {{naam}}.' },
  },
};
const v2 = {
  ...v1,
  steps: {
    vraag: {
      kind: 'form',
      title: 'Vraag',
      fields: [
        { id: 'naam', label: 'Naam', type: 'text', required: true },
        { id: 'email', label: 'E-mail', type: 'email', required: true },
      ],
      next: 'klaar',
    },
    klaar: { kind: 'end', title: 'Klaar', outcome: 'granted', message: 'Versie twee, {{naam}}.' },
  },
};
/** Has problems: a decision without otherwise (P004), a handoff without deadline (P007). */
const broken = {
  ...v1,
  steps: {
    vraag: {
      kind: 'form',
      title: 'Vraag',
      fields: [{ id: 'naam', label: 'Naam', type: 'text', required: true }],
      next: 'kies',
    },
    kies: { kind: 'decision', title: 'Kies', rules: [{ when: 'naam = "Jan"', goto: 'klaar', because: 'Jan.' }] },
    klaar: { kind: 'end', title: 'Klaar', outcome: 'completed', message: 'Dank.' },
    nakijken: { kind: 'handoff', title: 'Nakijken', team: 'x', outcomes: [{ id: 'ok', label: 'OK', goto: 'klaar' }] },
  },
};

describe('publishing', () => {
  it('saves a draft with problems but refuses to publish it', async () => {
    const env = await freshEnv({ publish: false });
    const { problems } = await env.processes.saveDraft('versie', broken, 'designer:dora');
    expect(problems.map((p) => p.code)).toEqual(expect.arrayContaining(['P004', 'P007']));
    expect(await env.store.processes.get('versie')).toMatchObject({
      draft: broken,
      updatedBy: 'designer:dora',
      versions: [],
    });

    const error = await engineError(
      () => env.processes.publish('versie', 'designer:dora'),
      'invalid',
      'draft-has-problems',
    );
    expect((error.details as { problems: { code: string }[] }).problems.map((p) => p.code)).toEqual(
      problems.map((p) => p.code),
    );
    expect((await env.store.processes.get('versie'))!.versions).toEqual([]);
    expect(await env.store.processes.latest('versie')).toBeUndefined();
    await engineError(() => env.engine.startCase('versie', BSN, asCitizen()), 'not-found', 'not-found');
  });

  it('refuses drafts that are not definitions, or whose key differs', async () => {
    const env = await freshEnv({ publish: false });
    await engineError(() => env.processes.saveDraft('versie', [v1], null), 'invalid', 'invalid-definition');
    await engineError(() => env.processes.saveDraft('andere', v1, null), 'invalid', 'key-mismatch');
    await engineError(() => env.processes.publish('onbekend', null), 'not-found', 'not-found');
    expect(await env.store.processes.list()).toEqual([]);
    // A draft that does not even match the language is kept too, with P000 problems.
    expect((await env.processes.saveDraft('versie', { key: 'versie', steps: 3 }, null)).problems[0].code).toBe('P000');
    await engineError(() => env.processes.publish('versie', null), 'invalid', 'draft-has-problems');
  });

  it('numbers versions 1, 2, … and never changes a published one', async () => {
    const env = await freshEnv({ publish: false });
    expect((await env.processes.saveDraft('versie', v1, 'dora')).problems).toEqual([]);
    expect(await env.processes.publish('versie', 'dora')).toEqual({ key: 'versie', version: 1 });
    const first = (await rows(env.store, "SELECT * FROM versions WHERE key = 'versie' AND version = 1"))[0];

    env.clock.advance(3_600_000);
    await env.processes.saveDraft('versie', broken, 'dora'); // a later, broken draft does not touch version 1
    await env.processes.saveDraft('versie', v2, 'dora');
    expect(await env.processes.publish('versie', 'dora')).toEqual({ key: 'versie', version: 2 });
    expect(await env.processes.publish('versie', 'dora')).toEqual({ key: 'versie', version: 3 });

    expect((await env.store.processes.get('versie'))!.versions).toEqual([1, 2, 3]);
    expect((await rows(env.store, "SELECT * FROM versions WHERE key = 'versie' AND version = 1"))[0]).toEqual(first);
    expect(await env.store.processes.version('versie', 1)).toMatchObject({
      definition: v1,
      publishedAt: '2026-03-02T09:00:00.000Z',
      publishedBy: 'dora',
    });
    expect(await env.store.processes.version('versie', 2)).toMatchObject({
      definition: v2,
      publishedAt: '2026-03-02T10:00:00.000Z',
    });
    expect((await env.store.processes.latest('versie'))!.version).toBe(3);
    // The same version number cannot be stored twice.
    await expect(
      rows(
        env.store,
        "INSERT INTO versions (key, version, definition, machine, published_at) VALUES ('versie', 1, '{}', '{}', 'x')",
      ),
    ).rejects.toThrow(/UNIQUE|PRIMARY|duplicate key/);
  });

  it("keeps a case on the version it started on, running that version's definition", async () => {
    const env = await freshEnv({ publish: false });
    await env.processes.saveDraft('versie', v1, 'dora');
    await env.processes.publish('versie', 'dora');
    const old = await env.engine.startCase('versie', BSN, asCitizen());
    expect(old.version).toBe(1);

    await env.processes.saveDraft('versie', v2, 'dora');
    await env.processes.publish('versie', 'dora');
    const fresh = await env.engine.startCase('versie', BSN, asCitizen());
    expect(fresh.version).toBe(2);

    // The new version asks an e-mail address; the old case is not asked for it.
    const err = await engineError(
      () => env.engine.send(fresh.id, { type: 'submit', data: { naam: 'Jan' } }, { actor: asCitizen() }),
      'invalid',
      'invalid-answers',
    );
    expect(err.details).toEqual({ email: ['Vul dit in.'] });
    const unknown = await engineError(
      () =>
        env.engine.send(
          old.id,
          { type: 'submit', data: { naam: 'Jan', email: 'jan@example.nl' } },
          { actor: asCitizen() },
        ),
      'invalid',
      'invalid-answers',
    );
    expect(unknown.details).toEqual({ email: ['Deze vraag hoort niet bij deze stap.'] });

    // Also on a new connection and engine (nothing cached), after a restart.
    await closeStore(env.store);
    const again = await openEnv(env.file);
    const ended = await again.engine.send(old.id, { type: 'submit', data: { naam: 'Jan' } }, { actor: asCitizen() });
    expect(ended).toMatchObject({ version: 1, status: 'ended', outcome: 'completed' });
    expect((await again.store.cases.messages(old.id)).at(-1)!.body.nl).toBe('Dank u, Jan.');
    const endedNew = await again.engine.send(
      fresh.id,
      { type: 'submit', data: { naam: 'Piet', email: 'piet@example.nl' } },
      { actor: asCitizen() },
    );
    expect(endedNew).toMatchObject({ version: 2, outcome: 'granted' });
    expect((await again.store.cases.messages(fresh.id)).at(-1)!.body.nl).toBe('Versie twee, Piet.');
  });

  it('importing an unchanged folder again publishes nothing new', async () => {
    const env = await freshEnv({ publish: false });
    const first = await importProcesses(EXAMPLES, env.store, env.processes, 'test');
    expect(first.map((r) => [r.key, r.version, !!r.unchanged])).toEqual(EXAMPLE_KEYS.map((k) => [k, 1, false]));
    const before = await dump(env.store);
    const versions = await rows(env.store, 'SELECT * FROM versions ORDER BY key, version');
    const second = await importProcesses(EXAMPLES, env.store, env.processes, 'test');
    expect(second.map((r) => [r.key, r.version, !!r.unchanged])).toEqual(EXAMPLE_KEYS.map((k) => [k, 1, true]));
    expect(await rows(env.store, 'SELECT * FROM versions ORDER BY key, version')).toEqual(versions);
    expect(await dump(env.store)).toEqual(before);
  });
});
