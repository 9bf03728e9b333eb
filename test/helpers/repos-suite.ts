/**
 * One body of tests for the repositories ported to Kysely (sessions, drafts,
 * files, accounts, security, processes, proactive, insights), run on SQLite
 * by the node project (test/runtime/store-repos) and on PostgreSQL by the
 * postgres project (test/postgres): the same calls must give the same answers.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Dialect, Store } from '../../runtime/store/index.js';
import { openTestStore } from './test-store.js';

const T0 = '2026-03-01T10:00:00.000Z';
const counts = {
  rows: 3,
  invalid: 0,
  eligible: 2,
  started: 1,
  alreadyServed: 1,
  optedOut: 0,
  notEligible: 1,
  errors: 0,
};

type InsightFilterOf = Parameters<Store['insights']['startedByHour']>[0];

export function reposSuite(dialect: Dialect) {
  let dir: string;
  let store: Store;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'omslag-repos-'));
    store = (await openTestStore(dir)).store;
    expect(store.dialect).toBe(dialect);
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** A published process `p` and a case row, written directly (not through the cases repository). */
  async function aCase(
    id: string,
    opts: { subject?: string; status?: 'active' | 'ended'; key?: string; createdAt?: string } = {},
  ) {
    const key = opts.key ?? 'p';
    if (!(await store.processes.get(key))) {
      await store.processes.saveDraft(key, { key }, T0, null);
      await store.processes.publish(key, { key }, {}, T0, null);
    }
    await store.sql
      .q()
      .insertInto('cases')
      .values({
        id,
        reference: `ref-${id}`,
        process_key: key,
        version: 1,
        subject: opts.subject ?? '999990019',
        status: opts.status ?? 'active',
        step: 'ask',
        outcome: opts.status === 'ended' ? 'granted' : null,
        snapshot: '{}',
        rev: 0,
        created_at: opts.createdAt ?? T0,
        updated_at: opts.createdAt ?? T0,
        ended_at: null,
      })
      .execute();
  }

  describe('sessions', () => {
    it('creates, reads, changes and expires sessions', async () => {
      const at = new Date(T0);
      const { id, row } = await store.sessions.create('999990019', 'nl', at, 60_000);
      expect(row).toMatchObject({ bsn: '999990019', userId: null, lang: 'nl', flash: null });
      expect(await store.sessions.get(id, at)).toEqual(row);
      expect(await store.sessions.get(id, new Date(at.getTime() + 60_000))).toBeUndefined();
      expect(await store.sessions.get('not-a-session', at)).toBeUndefined();
      await store.sessions.setLang(row.idHash, 'en');
      await store.sessions.setFlash(row.idHash, 'saved');
      expect(await store.sessions.get(id, at)).toMatchObject({ lang: 'en', flash: 'saved' });
      await store.sessions.setFlash(row.idHash, null);
      expect((await store.sessions.get(id, at))?.flash).toBeNull();

      const user = await store.accounts.addUser('olga', 'official', ['benefits'], T0);
      const staff = await store.sessions.create(null, 'en', at, 120_000, user.id);
      expect((await store.sessions.get(staff.id, at))?.userId).toBe(user.id);
      const gone = await store.sessions.create(null, 'nl', at, 1_000);
      expect(await store.sessions.count()).toBe(3);
      await store.sessions.delete(gone.row.idHash);
      expect(await store.sessions.count()).toBe(2);
      expect(await store.sessions.deleteExpired(new Date(at.getTime() + 60_000))).toBe(1);
      expect(await store.sessions.count()).toBe(1);
      expect(await store.sessions.deleteExpired(new Date(at.getTime() + 60_000))).toBe(0);
    });
  });

  describe('drafts and files', () => {
    it('keeps a draft per case (put replaces) and removes stale ones and those of ended cases', async () => {
      await aCase('c1');
      await aCase('c2', { status: 'ended' });
      await aCase('c3');
      expect(await store.drafts.get('c1')).toBeUndefined();
      await store.drafts.put('c1', { steps: [{ step: 'a', values: { x: 1 } }] }, T0);
      await store.drafts.put('c1', { steps: [{ step: 'a', values: { x: 2 }, partial: true }] }, '2026-03-05T00:00:00Z');
      expect(await store.drafts.get('c1')).toEqual({ steps: [{ step: 'a', values: { x: 2 }, partial: true }] });
      await store.drafts.put('c2', { steps: [] }, '2026-03-05T00:00:00Z');
      await store.drafts.put('c3', { steps: [] }, '2026-03-02T00:00:00Z');
      // c3 is older than the bound, c2's case has ended; c1 stays.
      expect(await store.drafts.deleteStale('2026-03-03T00:00:00Z')).toBe(2);
      expect(await store.drafts.get('c1')).toBeDefined();
      expect(await store.drafts.get('c2')).toBeUndefined();
      expect(await store.drafts.get('c3')).toBeUndefined();
      await store.drafts.delete('c1');
      expect(await store.drafts.get('c1')).toBeUndefined();
    });

    it('stores files, marks sent ones, and removes unsent files no draft names', async () => {
      await aCase('c1');
      await aCase('c2');
      const put = (id: string, caseId: string, at = T0) =>
        store.files.put({
          id,
          caseId,
          field: 'doc',
          name: `${id}.pdf`,
          type: 'application/pdf',
          data: Buffer.from(`%PDF ${id}`),
          at,
        });
      for (const id of ['named', 'unnamed', 'sent', 'other-key', 'no-draft-sent']) await put(id, 'c1');
      await put('late', 'c1', '2026-03-09T00:00:00Z');
      await put('no-draft', 'c2');
      await put('also-named', 'c1');
      // Named as an `id` deep in the answers (and in an array); `other-key` appears only as another member's value.
      await store.drafts.put(
        'c1',
        {
          steps: [
            { step: 'a', values: { doc: { id: 'named', name: 'named.pdf', type: 'application/pdf', size: 9 } } },
            { step: 'b', values: { list: [{ upload: { id: 'also-named' } }], label: 'other-key', id: 'x' } },
          ],
        },
        T0,
      );
      const file = await store.files.get('named');
      expect(file).toMatchObject({ id: 'named', caseId: 'c1', name: 'named.pdf', type: 'application/pdf', size: 10 });
      expect(Buffer.isBuffer(file!.data)).toBe(true);
      expect(file!.data.toString()).toBe('%PDF named');
      expect(await store.files.get('missing')).toBeUndefined();

      await store.files.markSent('c1', ['sent'], '2026-03-02T00:00:00Z');
      await store.files.markSent('c2', ['no-draft-sent'], '2026-03-02T00:00:00Z'); // another case's file: not marked
      await store.files.markSent('c1', [], '2026-03-02T00:00:00Z');
      const sentAt = async (id: string) =>
        (await store.sql.q().selectFrom('files').select('sent_at').where('id', '=', id).executeTakeFirstOrThrow())
          .sent_at;
      expect(await sentAt('sent')).toBe('2026-03-02T00:00:00Z');
      expect(await sentAt('no-draft-sent')).toBeNull();
      await store.files.markSent('c1', ['sent'], '2026-03-04T00:00:00Z'); // marked once: the first time stays
      expect(await sentAt('sent')).toBe('2026-03-02T00:00:00Z');

      expect(await store.files.deleteUnsent('2026-03-08T00:00:00Z')).toBe(4);
      const left = (await store.sql.q().selectFrom('files').select('id').orderBy('id').execute()).map((r) => r.id);
      expect(left).toEqual(['also-named', 'late', 'named', 'sent']);
      // Once the draft is gone, its files go too (the sent one stays).
      await store.drafts.delete('c1');
      expect(await store.files.deleteUnsent('2026-03-10T00:00:00Z')).toBe(3);
      expect(await store.files.get('sent')).toBeDefined();
    });
  });

  describe('accounts', () => {
    it('adds users, finds them, and keeps tokens and passwords as hashes', async () => {
      expect(await store.accounts.countUsers()).toBe(0);
      const olga = await store.accounts.addUser('olga', 'official', ['benefits', 'permits'], T0);
      const piet = await store.accounts.addUser('piet', 'official', ['permits'], T0);
      const dana = await store.accounts.addUser('dana', 'designer', ['benefits'], T0);
      expect(olga).toEqual({ id: expect.any(Number), name: 'olga', role: 'official', teams: ['benefits', 'permits'] });
      expect(piet.id).toBeGreaterThan(olga.id);
      expect(await store.accounts.countUsers()).toBe(3);
      expect(await store.accounts.userByName('olga')).toEqual(olga);
      expect(await store.accounts.userById(piet.id)).toEqual(piet);
      expect(await store.accounts.userByName('nobody')).toBeUndefined();
      expect(await store.accounts.userById(9999)).toBeUndefined();
      expect((await store.accounts.teamMembers('permits')).map((u) => u.name)).toEqual(['olga', 'piet']);
      expect((await store.accounts.teamMembers('benefits')).map((u) => u.name)).toEqual(['olga']);
      expect(dana.role).toBe('designer');

      const token = await store.accounts.createToken({ userId: olga.id }, T0);
      const citizen = await store.accounts.createToken({ bsn: '999990019' }, T0);
      expect(token).toMatch(/^oms_/);
      expect(await store.accounts.principalForToken(token)).toEqual({ kind: 'user', ...olga });
      expect(await store.accounts.principalForToken(citizen)).toEqual({ kind: 'citizen', bsn: '999990019' });
      expect(await store.accounts.principalForToken('oms_unknown')).toBeUndefined();
      const stored = await store.sql.q().selectFrom('tokens').select('hash').execute();
      expect(stored.map((r) => r.hash)).not.toContain(token);

      await expect(store.accounts.setPassword(olga.id, 'short')).rejects.toThrow(/at least 10/);
      await store.accounts.setPassword(olga.id, 'correct horse battery');
      expect(await store.accounts.checkPassword('olga', 'correct horse battery')).toEqual(olga);
      expect(await store.accounts.checkPassword('olga', 'wrong password!')).toBeUndefined();
      expect(await store.accounts.checkPassword('piet', 'correct horse battery')).toBeUndefined();
      expect(await store.accounts.checkPassword('nobody', 'correct horse battery')).toBeUndefined();
    });
  });

  describe('security', () => {
    it('logs, lists newest first with filters, and prunes', async () => {
      await store.security.log({
        at: '2026-03-01T10:00:00Z',
        kind: 'signin.failed',
        account: 'olga',
        address: '10.0.0.1',
      });
      await store.security.log({
        at: '2026-03-01T11:00:00Z',
        kind: 'rate-limit.hit',
        address: '10.0.0.2',
        details: { path: '/x' },
      });
      await store.security.log({ at: '2026-03-01T12:00:00Z', kind: 'signin.failed', details: { n: 2 } });
      const all = await store.security.list({ limit: 10 });
      expect(all.map((e) => e.at)).toEqual(['2026-03-01T12:00:00Z', '2026-03-01T11:00:00Z', '2026-03-01T10:00:00Z']);
      expect(all[1]).toEqual({
        id: expect.any(Number),
        at: '2026-03-01T11:00:00Z',
        kind: 'rate-limit.hit',
        account: null,
        address: '10.0.0.2',
        details: { path: '/x' },
      });
      expect(all[2].details).toEqual({});
      expect((await store.security.list({ kind: 'signin.failed', limit: 10 })).length).toBe(2);
      expect((await store.security.list({ since: '2026-03-01T11:00:00Z', limit: 10 })).length).toBe(2);
      expect(
        (await store.security.list({ kind: 'signin.failed', since: '2026-03-01T11:00:00Z', limit: 10 })).length,
      ).toBe(1);
      expect((await store.security.list({ limit: 1 }))[0].at).toBe('2026-03-01T12:00:00Z');
    });

    it('counts hits in fixed windows, stops writing at the cap, and refunds', async () => {
      const end1 = '2026-03-01T10:01:00Z';
      expect(await store.security.hit('a', '2026-03-01T10:00:00Z', end1, 3)).toEqual({ hits: 1, resetAt: end1 });
      // A later window end passed in does not move the current window.
      expect(await store.security.hit('a', '2026-03-01T10:00:10Z', '2026-03-01T10:01:10Z', 3)).toEqual({
        hits: 2,
        resetAt: end1,
      });
      expect(await store.security.hit('a', '2026-03-01T10:00:20Z', '2026-03-01T10:01:20Z', 3)).toEqual({
        hits: 3,
        resetAt: end1,
      });
      expect(await store.security.hit('a', '2026-03-01T10:00:30Z', '2026-03-01T10:01:30Z', 3)).toEqual({
        hits: 3,
        resetAt: end1,
      });
      await store.security.refund('a', '2026-03-01T10:00:40Z');
      expect(await store.security.hit('a', '2026-03-01T10:00:41Z', '2026-03-01T10:01:41Z', 3)).toEqual({
        hits: 3,
        resetAt: end1,
      });
      // The window ended: a new one from this hit.
      const end2 = '2026-03-01T10:02:00Z';
      expect(await store.security.hit('a', end1, end2, 3)).toEqual({ hits: 1, resetAt: end2 });
      expect(await store.security.hit('b', end1, end2, 3)).toEqual({ hits: 1, resetAt: end2 });
      await store.security.refund('b', '2026-03-01T10:01:30Z');
      await store.security.refund('b', '2026-03-01T10:01:30Z'); // never below 0
      const hits = async (key: string) =>
        (await store.sql.q().selectFrom('rate_limits').select('hits').where('key', '=', key).executeTakeFirst())?.hits;
      expect(await hits('b')).toBe(0);
      await store.security.refund('a', end2); // an ended window: not refunded
      expect(await hits('a')).toBe(1);
    });

    it('keeps failed sign-ins per name (set replaces), clears them and prunes old ones', async () => {
      expect(await store.security.failures('h1')).toBeUndefined();
      await store.security.setFailures('h1', { failures: 1, lastFailedAt: '2026-03-01T10:00:00Z', lockedUntil: null });
      await store.security.setFailures('h1', {
        failures: 5,
        lastFailedAt: '2026-03-01T10:05:00Z',
        lockedUntil: '2026-03-01T10:20:00Z',
      });
      expect(await store.security.failures('h1')).toEqual({
        failures: 5,
        lastFailedAt: '2026-03-01T10:05:00Z',
        lockedUntil: '2026-03-01T10:20:00Z',
      });
      await store.security.setFailures('h2', { failures: 1, lastFailedAt: '2026-03-01T09:00:00Z', lockedUntil: null });
      await store.security.setFailures('h3', { failures: 1, lastFailedAt: '2026-03-01T10:30:00Z', lockedUntil: null });
      await store.security.setFailures('h4', { failures: 2, lastFailedAt: '2026-03-01T09:00:00Z', lockedUntil: null });
      await store.security.clearFailures('h4');
      expect(await store.security.failures('h4')).toBeUndefined();
      await store.security.hit('old', '2026-03-01T09:00:00Z', '2026-03-01T09:01:00Z', 5);
      await store.security.hit('new', '2026-03-01T10:09:00Z', '2026-03-01T10:11:00Z', 5);
      await store.security.log({ at: '2026-02-01T00:00:00Z', kind: 'signin.refused' });
      await store.security.log({ at: '2026-03-01T00:00:00Z', kind: 'signin.refused' });
      // Now 10:10: h1 is still locked (kept though old), h2 is old and unlocked (gone), h3 recent (kept).
      await store.security.prune('2026-03-01T10:10:00Z', '2026-03-01T10:10:00Z', '2026-02-15T00:00:00Z');
      expect(await store.security.failures('h1')).toBeDefined();
      expect(await store.security.failures('h2')).toBeUndefined();
      await store.security.prune('2026-03-01T10:10:00Z', '2026-03-01T10:40:00Z', '2026-02-15T00:00:00Z');
      expect(await store.security.failures('h3')).toBeUndefined();
      expect(await store.security.failures('h1')).toBeDefined();
      const keys = (await store.sql.q().selectFrom('rate_limits').select('key').execute()).map((r) => r.key);
      expect(keys).toEqual(['new']);
      expect((await store.security.list({ limit: 10 })).map((e) => e.at)).toEqual(['2026-03-01T00:00:00Z']);
    });
  });

  describe('processes', () => {
    it('saves drafts (upsert), publishes numbered versions and finds the one in force', async () => {
      expect(await store.processes.list()).toEqual([]);
      await store.processes.saveDraft('b', { v: 1 }, '2026-01-01T00:00:00Z', 'dana');
      await store.processes.saveDraft('b', { v: 2 }, '2026-01-02T00:00:00Z', null);
      await store.processes.saveDraft('a', { v: 1 }, '2026-01-01T00:00:00Z', 'dana');
      expect(await store.processes.get('b')).toEqual({
        key: 'b',
        draft: { v: 2 },
        createdAt: '2026-01-01T00:00:00Z',
        updatedAt: '2026-01-02T00:00:00Z',
        updatedBy: null,
        versions: [],
      });
      expect(await store.processes.get('none')).toBeUndefined();
      expect(await store.processes.publish('b', { d: 1 }, { m: 1 }, '2026-01-10T09:00:00Z', 'dana')).toBe(1);
      expect(await store.processes.publish('b', { d: 2 }, { m: 2 }, '2026-01-20T09:00:00Z', null, '2026-02-01')).toBe(
        2,
      );
      expect(await store.processes.publish('b', { d: 3 }, { m: 3 }, '2026-01-25T09:00:00Z', null)).toBe(3);
      expect(await store.processes.publish('a', { d: 1 }, { m: 1 }, '2026-01-25T09:00:00Z', null, '2026-03-01')).toBe(
        1,
      );
      expect((await store.processes.list()).map((p) => [p.key, p.versions])).toEqual([
        ['a', [1]],
        ['b', [1, 2, 3]],
      ]);
      expect(await store.processes.version('b', 2)).toEqual({
        key: 'b',
        version: 2,
        definition: { d: 2 },
        machine: { m: 2 },
        publishedAt: '2026-01-20T09:00:00Z',
        publishedBy: null,
        effectiveFrom: '2026-02-01',
      });
      expect(await store.processes.version('b', 9)).toBeUndefined();
      expect((await store.processes.latest('b'))?.version).toBe(3);
      expect(await store.processes.latest('none')).toBeUndefined();
      expect((await store.processes.versions('b')).map((v) => v.version)).toEqual([1, 2, 3]);
      const inForce = async (key: string, date: string) => (await store.processes.inForce(key, date))?.version;
      expect(await inForce('b', '2026-01-05')).toBe(1); // before any: the first without an effective date
      expect(await inForce('b', '2026-01-10')).toBe(1);
      expect(await inForce('b', '2026-01-24')).toBe(1); // 2 is not in force until February
      expect(await inForce('b', '2026-01-25')).toBe(3);
      expect(await inForce('b', '2026-02-01')).toBe(2); // came into force last
      expect(await inForce('a', '2026-02-01')).toBeUndefined(); // every version starts later
      expect(await inForce('a', '2026-03-01')).toBe(1);
    });
  });

  describe('proactive', () => {
    it('keeps opt-outs once, logs scans and results, and lists started cases', async () => {
      await store.proactive.optOut('s1', 'p', T0);
      await store.proactive.optOut('s1', 'p', '2026-03-02T00:00:00Z'); // again: ignored
      await store.proactive.optOut('s1', 'k', T0);
      await store.proactive.optOut('s2', 'p', T0);
      expect(await store.proactive.isOptedOut('s1', 'p')).toBe(true);
      expect(await store.proactive.isOptedOut('s3', 'p')).toBe(false);
      expect(await store.proactive.optOutsOf('s1')).toEqual(['k', 'p']);
      expect(await store.proactive.optedOutCount('p')).toBe(2);
      await store.proactive.optIn('s1', 'p');
      expect(await store.proactive.isOptedOut('s1', 'p')).toBe(false);
      expect(await store.proactive.optedOutCount('p')).toBe(1);
      expect(await store.proactive.optedOutCount('none')).toBe(0);

      await aCase('c1', { subject: 's1' });
      await aCase('c2', { subject: 's2', status: 'ended' });
      expect(await store.proactive.served('s1', 'p')).toBe(true);
      expect(await store.proactive.served('s1', 'other')).toBe(false);

      const dry = await store.proactive.startScan('p', T0, true);
      const scan = await store.proactive.startScan('p', '2026-03-02T00:00:00Z', false);
      expect(scan).toBeGreaterThan(dry);
      await store.proactive.finishScan(scan, counts);
      await store.proactive.finishScan(dry, { ...counts, rows: 99 });
      expect(await store.proactive.lastScan('p')).toEqual({ id: scan, at: '2026-03-02T00:00:00Z', counts });
      expect(await store.proactive.lastScan('none')).toBeUndefined();

      const entry = { key: 'p', source: 'scan', scanId: scan, at: T0 };
      await store.proactive.log({ ...entry, subject: 's1', result: 'started', caseId: 'c1' });
      await store.proactive.log({ ...entry, subject: 's2', result: 'started', caseId: 'c2' });
      await store.proactive.log({ ...entry, subject: 's3', result: 'not-eligible', caseId: null });
      await store.proactive.log({ ...entry, key: 'k', subject: 's1', result: 'opted-out', caseId: null, scanId: null });
      const started = await store.proactive.startedCases('p');
      expect(started.sort((a, b) => a.status.localeCompare(b.status))).toEqual([
        { status: 'active', outcome: null, step: 'ask' },
        { status: 'ended', outcome: 'granted', step: 'ask' },
      ]);
      expect(await store.proactive.startedCases('k')).toEqual([]);

      for (let i = 0; i < 3; i++)
        await store.proactive.logError({
          key: 'p',
          subject: `s${i}`,
          source: 'signal',
          scanId: i ? scan : null,
          message: `m${i}`,
          at: T0,
        });
      expect(await store.proactive.errors('p')).toEqual([
        { subject: 's2', source: 'signal', message: 'm2', at: T0 },
        { subject: 's1', source: 'signal', message: 'm1', at: T0 },
        { subject: 's0', source: 'signal', message: 'm0', at: T0 },
      ]);
      expect((await store.proactive.errors('p', 1)).map((e) => e.message)).toEqual(['m2']);
      expect(await store.proactive.errors('k')).toEqual([]);
    });
  });

  describe('insights', () => {
    const f = { key: 'p' };
    async function seed() {
      await aCase('c1', { createdAt: '2026-03-01T10:00:00Z' });
      await aCase('c2', { createdAt: '2026-03-02T10:00:00Z', status: 'ended' });
      await aCase('c3', { createdAt: '2026-03-03T10:00:00Z', status: 'ended' });
      await store.sql
        .q()
        .insertInto('step_stats')
        .values([
          {
            process_key: 'p',
            version: 1,
            step: 'ask',
            day: '2026-03-01',
            entered: 3,
            left_count: 2,
            person_requests: 1,
            histogram: '{"10":2,"12":1}',
          },
          {
            process_key: 'p',
            version: 1,
            step: 'ask',
            day: '2026-03-02',
            entered: 4,
            left_count: 4,
            person_requests: 0,
            histogram: '{"10":1,"20":3}',
          },
          {
            process_key: 'p',
            version: 1,
            step: 'check',
            day: '2026-03-02',
            entered: 2,
            left_count: 1,
            person_requests: 2,
            histogram: '{}',
          },
          {
            process_key: 'q',
            version: 1,
            step: 'ask',
            day: '2026-03-02',
            entered: 100,
            left_count: 100,
            person_requests: 100,
            histogram: '{"1":100}',
          },
        ])
        .execute();
      await store.sql
        .q()
        .insertInto('transition_stats')
        .values([
          { process_key: 'p', version: 1, from_step: 'ask', to_step: 'check', day: '2026-03-01', count: 2 },
          { process_key: 'p', version: 1, from_step: 'ask', to_step: 'check', day: '2026-03-02', count: 3 },
          { process_key: 'p', version: 1, from_step: 'check', to_step: 'done', day: '2026-03-02', count: 1 },
        ])
        .execute();
      const visit = (case_id: string, step: string, entered_at: string, duration_ms: number | null) => ({
        case_id,
        process_key: 'p',
        version: 1,
        step,
        entered_at,
        left_at: duration_ms === null ? null : entered_at,
        duration_ms,
        next_step: null,
      });
      await store.sql
        .q()
        .insertInto('step_visits')
        .values([
          visit('c1', 'ask', '2026-03-01T10:00:00Z', 500),
          visit('c2', 'ask', '2026-03-02T10:00:00Z', 100),
          visit('c3', 'ask', '2026-03-03T10:00:00Z', 300),
          visit('c1', 'check', '2026-03-01T11:00:00Z', null),
          visit('c2', 'check', '2026-03-02T11:00:00Z', null),
          visit('c3', 'check', '2026-03-04T11:00:00Z', null),
        ])
        .execute();
      const task = (id: string, case_id: string, status: 'open' | 'claimed' | 'completed', due_at: string | null) => ({
        id,
        case_id,
        step: 'check',
        kind: 'handoff' as const,
        team: 'benefits',
        status,
        assignee: null,
        due_at,
        outcome: null,
        created_at: T0,
        closed_at: null,
        escalated_at: null,
        proposal: null,
      });
      await store.sql
        .q()
        .insertInto('tasks')
        .values([
          task('t1', 'c1', 'open', '2026-03-02T00:00:00Z'),
          task('t2', 'c2', 'claimed', '2026-03-02T00:00:00Z'),
          task('t3', 'c3', 'completed', '2026-03-02T00:00:00Z'),
          task('t4', 'c3', 'open', '2026-03-09T00:00:00Z'),
          task('t5', 'c3', 'open', null),
        ])
        .execute();
    }

    it('counts cases, steps, transitions and waiting visits, with and without a period', async () => {
      await seed();
      const byStatus = async (filter: Parameters<Store['insights']['casesByStatus']>[0]) =>
        (await store.insights.casesByStatus(filter)).sort((a, b) => a.status.localeCompare(b.status));
      expect(await byStatus(f)).toEqual([
        { status: 'active', outcome: null, n: 1 },
        { status: 'ended', outcome: 'granted', n: 2 },
      ]);
      expect(
        await byStatus({ key: 'p', version: 1, from: '2026-03-02T00:00:00Z', to: '2026-03-03T00:00:00Z' }),
      ).toEqual([{ status: 'ended', outcome: 'granted', n: 1 }]);
      expect(await byStatus({ key: 'p', version: 2 })).toEqual([]);

      const steps = (await store.insights.stepCounts(f)).sort((a, b) => a.step.localeCompare(b.step));
      expect(steps).toEqual([
        { step: 'ask', entered: 7, left: 6, personRequests: 1 },
        { step: 'check', entered: 2, left: 1, personRequests: 2 },
      ]);
      // A period's bounds are days for the roll-ups (an ISO time becomes its Dutch day).
      expect(await store.insights.stepCounts({ key: 'p', from: '2026-03-02', to: '2026-03-03' })).toHaveLength(2);
      expect(await store.insights.stepCounts({ key: 'p', to: '2026-03-02' })).toEqual([
        { step: 'ask', entered: 3, left: 2, personRequests: 1 },
      ]);
      // 23:30 UTC on 1 March is 00:30 on 2 March in the Netherlands: the bound is the 2nd.
      expect(await store.insights.stepCounts({ key: 'p', to: '2026-03-01T23:30:00Z' })).toEqual([
        { step: 'ask', entered: 3, left: 2, personRequests: 1 },
      ]);
      expect(await store.insights.stepCounts({ key: 'none' })).toEqual([]);

      const transitions = (await store.insights.transitions(f)).sort((a, b) => a.from.localeCompare(b.from));
      expect(transitions).toEqual([
        { from: 'ask', to: 'check', count: 5 },
        { from: 'check', to: 'done', count: 1 },
      ]);
      expect(await store.insights.transitions({ key: 'p', version: 1, from: '2026-03-02' })).toHaveLength(2);

      expect(await store.insights.inactive(f, '2026-03-03T00:00:00Z')).toEqual([{ step: 'check', n: 2 }]);
      expect(await store.insights.inactive({ key: 'p', from: '2026-03-02T00:00:00Z' }, '2026-03-03T00:00:00Z')).toEqual(
        [{ step: 'check', n: 1 }],
      );
      expect(await store.insights.tasksOverdue('p', '2026-03-03T00:00:00Z')).toBe(2);
      expect(await store.insights.tasksOverdue('p', '2026-03-01T00:00:00Z')).toBe(0);
      expect(await store.insights.tasksOverdue('q', '2026-03-03T00:00:00Z')).toBe(0);
    });

    it('counts cases started per UTC hour and end-step visits per Dutch day, for the weekly series', async () => {
      await seed();
      await aCase('c4', { createdAt: '2026-03-01T10:40:00.000Z' });
      await aCase('c5', { createdAt: '2026-03-01T23:30:00.000Z' });
      const byHour = async (filter: InsightFilterOf) =>
        (await store.insights.startedByHour(filter))
          .map((r) => ({ hour: r.hour, n: Number(r.n) }))
          .sort((a, b) => a.hour.localeCompare(b.hour));
      expect(await byHour({ key: 'p', version: 1 })).toEqual([
        { hour: '2026-03-01T10', n: 2 },
        { hour: '2026-03-01T23', n: 1 },
        { hour: '2026-03-02T10', n: 1 },
        { hour: '2026-03-03T10', n: 1 },
      ]);
      expect(
        await byHour({ key: 'p', version: 1, from: '2026-03-01T23:00:00.000Z', to: '2026-03-03T00:00:00.000Z' }),
      ).toEqual([
        { hour: '2026-03-01T23', n: 1 },
        { hour: '2026-03-02T10', n: 1 },
      ]);
      expect(await byHour({ key: 'q', version: 1 })).toEqual([]);
      const byDay = async (filter: InsightFilterOf, steps: string[]) =>
        (await store.insights.enteredByDay(filter, steps))
          .map((r) => ({ day: r.day, n: Number(r.n) }))
          .sort((a, b) => a.day.localeCompare(b.day));
      expect(await byDay({ key: 'p', version: 1 }, ['check'])).toEqual([{ day: '2026-03-02', n: 2 }]);
      expect(await byDay({ key: 'p', version: 1 }, ['ask', 'check'])).toEqual([
        { day: '2026-03-01', n: 3 },
        { day: '2026-03-02', n: 6 },
      ]);
      // 23:00 UTC on 1 March is midnight on the 2nd in the Netherlands: the 2nd is the first day.
      expect(await byDay({ key: 'p', version: 1, from: '2026-03-01T23:00:00.000Z' }, ['ask'])).toEqual([
        { day: '2026-03-02', n: 4 },
      ]);
      expect(await byDay({ key: 'p', version: 1 }, [])).toEqual([]);
    });

    it('ranks durations exactly and sums histograms from the roll-ups', async () => {
      await seed();
      expect(await store.insights.durationAt(f, 'ask', 0)).toBe(100);
      expect(await store.insights.durationAt(f, 'ask', 1)).toBe(300);
      expect(await store.insights.durationAt(f, 'ask', 2)).toBe(500);
      expect(await store.insights.durationAt(f, 'ask', 3)).toBeNull();
      expect(await store.insights.durationAt(f, 'check', 0)).toBeNull();
      expect(await store.insights.durationAt({ key: 'p', version: 1, from: '2026-03-02T00:00:00Z' }, 'ask', 0)).toBe(
        100,
      );
      expect(await store.insights.durationAt({ key: 'p', to: '2026-03-02T00:00:00Z' }, 'ask', 0)).toBe(500);
      expect(await store.insights.durationHistogram(f, 'ask')).toEqual({ '10': 3, '12': 1, '20': 3 });
      expect(await store.insights.durationHistogram({ key: 'p', from: '2026-03-02' }, 'ask')).toEqual({
        '10': 1,
        '20': 3,
      });
      expect(await store.insights.durationHistogram(f, 'none')).toEqual({});
    });

    it('keeps feedback and averages it', async () => {
      await seed();
      expect(await store.insights.feedback(f)).toEqual({ count: 0, average: null, recent: [] });
      expect(await store.insights.hasFeedback('c1')).toBe(false);
      await store.insights.addFeedback({
        caseId: 'c1',
        key: 'p',
        version: 1,
        step: null,
        score: 5,
        comment: 'fine',
        at: '2026-03-01T12:00:00Z',
      });
      await store.insights.addFeedback({
        caseId: 'c2',
        key: 'p',
        version: 1,
        step: 'ask',
        score: 4,
        comment: null,
        at: '2026-03-02T12:00:00Z',
      });
      await store.insights.addFeedback({
        caseId: 'c3',
        key: 'p',
        version: 1,
        step: 'ask',
        score: 4,
        comment: null,
        at: '2026-03-03T12:00:00Z',
      });
      expect(await store.insights.hasFeedback('c1')).toBe(true);
      const all = await store.insights.feedback(f);
      expect(all.count).toBe(3);
      expect(all.average).toBe(4.33);
      expect(all.recent.map((r) => r.at)).toEqual([
        '2026-03-03T12:00:00Z',
        '2026-03-02T12:00:00Z',
        '2026-03-01T12:00:00Z',
      ]);
      expect(all.recent[2]).toEqual({ score: 5, comment: 'fine', at: '2026-03-01T12:00:00Z', step: null });
      expect(
        await store.insights.feedback({
          key: 'p',
          version: 1,
          from: '2026-03-02T00:00:00Z',
          to: '2026-03-03T00:00:00Z',
        }),
      ).toEqual({
        count: 1,
        average: 4,
        recent: [{ score: 4, comment: null, at: '2026-03-02T12:00:00Z', step: 'ask' }],
      });
    });
  });
}
