// What migration 22 (internal notes on a case) must give on either store: run by
// test/runtime/store/notes.test.ts (SQLite) and test/postgres/notes.test.ts.
import { expect } from 'vitest';
import type { Store } from '../../runtime/store/index.js';

const at = '2026-03-02T09:00:00.000Z';

export async function notesAfterMigration22(store: Store) {
  const versions = (await store.sql.kysely.selectFrom('migrations').select('version').execute()).map((r) =>
    Number(r.version),
  );
  expect(versions).toContain(22);
  // A case needs its process version (foreign keys).
  await store.sql.kysely
    .insertInto('processes')
    .values({ key: 'p', draft: '{}', created_at: at, updated_at: at, updated_by: null })
    .execute();
  await store.sql.kysely
    .insertInto('versions')
    .values({
      key: 'p',
      version: 1,
      definition: '{}',
      machine: '{}',
      published_at: at,
      published_by: null,
      effective_from: null,
    })
    .execute();
  for (const id of ['c1', 'c2'])
    await store.cases.insert({
      id,
      reference: `OMS-TEST-000${id.slice(1)}`,
      processKey: 'p',
      version: 1,
      subject: '999993653',
      status: 'active',
      step: null,
      outcome: null,
      snapshot: {},
      createdAt: at,
    });
  const first = await store.notes.add({ caseId: 'c1', author: 'user:olaf', authorName: 'olaf', text: 'Eén', at });
  await store.notes.add({ caseId: 'c2', author: 'user:otto', authorName: 'otto', text: 'Ander', at });
  const second = await store.notes.add({ caseId: 'c1', author: 'user:otto', authorName: 'otto', text: 'Twee', at });
  expect(second.id).toBeGreaterThan(first.id);
  expect((await store.notes.list('c1')).map((n) => [n.authorName, n.text, n.createdAt])).toEqual([
    ['olaf', 'Eén', at],
    ['otto', 'Twee', at],
  ]);
  expect(await store.notes.count('c1')).toBe(2);
  expect(await store.notes.count('c3')).toBe(0);
  // A note belongs to a case that exists.
  await expect(
    store.notes.add({ caseId: 'bestaat-niet', author: 'user:olaf', authorName: 'olaf', text: 'x', at }),
  ).rejects.toThrow();
}
