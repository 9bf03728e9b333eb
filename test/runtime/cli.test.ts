import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { isValidBsn } from '../../runtime/model/index.js';
import { openServices } from '../../runtime/setup.js';
import { openSql } from '../../runtime/store/index.js';

const root = join(import.meta.dirname, '../..');
const dataDir = mkdtempSync(join(tmpdir(), 'omslag-cli-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** Every command is its own Node process, a few seconds each on a busy machine. */
const slow = { timeout: 120_000 };

/** Runs `npm run omslag -- …` (runtime/cli.ts) against the temp data folder. */
function omslag(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'runtime/cli.ts', ...args], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' },
    encoding: 'utf8',
  });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

describe('omslag CLI', slow, () => {
  it('imports and publishes processes/, and reports an unchanged one on a re-run', () => {
    const first = omslag('import');
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/published kwijtschelding v1/);
    expect(omslag('import').out).toMatch(/unchanged kwijtschelding v1/);
  });

  it('import prints the problems of a definition in the same Dutch words as the designer, and publishes nothing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'omslag-cli-broken-'));
    try {
      const def = {
        key: 'kapot',
        title: 'Kapot',
        start: 'vraag',
        contact: { team: 'klantcontact' },
        steps: {
          vraag: { kind: 'form', title: 'Uw vraag', fields: [], next: 'besluit' },
          besluit: {
            kind: 'decision',
            title: 'Besluit',
            rules: [{ when: 'inkomn > 1', goto: 'klaar', because: 'Omdat.' }],
            otherwise: { goto: 'klaar', because: 'Anders.' },
          },
          klaar: { kind: 'end', title: 'Klaar', outcome: 'completed', message: 'Klaar.' },
        },
      };
      writeFileSync(join(dir, 'kapot.json'), JSON.stringify(def));
      writeFileSync(join(dir, 'geen-json.json'), '{ "key": ');
      const r = omslag('import', dir);
      expect(r.code).toBe(1);
      expect(r.out).toContain(
        'P005 [besluit] In de voorwaarde van de eerste regel van stap ‘Besluit’ staat ‘inkomn’, maar zo heet geen ' +
          'veld van dit proces. Kies een veld dat een stap vraagt, of verbeter de naam.',
      );
      expect(r.out).toContain('P000 Het bestand is geen geldige JSON, dus geen proces.');
      expect(r.out).not.toMatch(/is not a|rules\[/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('adds a team to the list and lists the teams with their officials', () => {
    const added = omslag('team', 'add', 'vergunningen', 'Vergunningen', 'en', 'toezicht');
    expect(added.code).toBe(0);
    expect(added.out).toMatch(/added team vergunningen \(Vergunningen en toezicht\)/);
    expect(omslag('team', 'add', 'vergunningen', 'Nog eens').out).toMatch(/a team 'vergunningen' exists already/);
    expect(omslag('team', 'add', 'Ver gunningen', 'X').out).toMatch(/is not a team id/);
    expect(omslag('team', 'add', 'alleen-id').code).toBe(2);
    const list = omslag('team', 'list').out;
    expect(list).toMatch(/^vergunningen\s+Vergunningen en toezicht\s+0 official\(s\)$/m);
    // The teams the imported examples name are in the list.
    expect(list).toMatch(/^belastingen\s+belastingen\s+\d+ official\(s\)$/m);
  });

  it('adds users with roles and teams, and makes tokens that authenticate', async () => {
    const added = omslag('user', 'add', 'anna', '--role', 'official', '--teams', 'belastingen,afval');
    expect(added.code).toBe(0);
    const password = /password: (\S+)/.exec(added.out)![1];
    const renewed = /new password for anna: (\S+)/.exec(omslag('user', 'password', 'anna').out)![1];
    expect(renewed).not.toBe(password);
    expect(omslag('user', 'add', 'anna', '--role', 'official', '--teams', 'x').code).toBe(2);
    expect(omslag('user', 'add', 'bob', '--role', 'wizard').out).toMatch(/--role is designer, official or admin/);
    const token = omslag('token', 'anna').out.trim();
    const citizen = omslag('citizen-token', '999993653').out.trim();
    expect(omslag('citizen-token', '123456789').code).toBe(2);
    const services = await openServices(dataDir);
    try {
      await expect(services.store.accounts.principalForToken(token)).resolves.toMatchObject({
        kind: 'user',
        name: 'anna',
        role: 'official',
        teams: ['belastingen', 'afval'],
      });
      await expect(services.store.accounts.principalForToken(citizen)).resolves.toEqual({
        kind: 'citizen',
        bsn: '999993653',
      });
      // Only the newest password signs in.
      await expect(services.store.accounts.checkPassword('anna', password)).resolves.toBeUndefined();
      await expect(services.store.accounts.checkPassword('anna', renewed)).resolves.toMatchObject({ name: 'anna' });
    } finally {
      await services.store.close();
    }
  });

  it('verifies the audit chain and names the first broken entry', async () => {
    const services = await openServices(dataDir);
    const c = await services.engine.startCase('grofvuil', '999993653', 'citizen');
    await services.store.close();
    expect(omslag('audit', 'verify').out).toMatch(/audit trail intact: \d+ entries/);
    const db = new Database(join(dataDir, 'omslag.db'));
    db.exec('DROP TRIGGER audit_no_update');
    db.prepare("UPDATE audit SET actor = 'someone-else' WHERE case_id = ? AND seq = 2").run(c.id);
    db.close();
    const broken = omslag('audit', 'verify');
    expect(broken.code).toBe(1);
    expect(broken.out).toContain(`case ${c.id}, entry 2`);
  });

  it('backs the database up to a file that opens with the same cases', () => {
    const file = join(dataDir, 'backup.db');
    expect(omslag('backup', file).code).toBe(0);
    expect(existsSync(file)).toBe(true);
    const db = new Database(file, { readonly: true });
    expect(db.prepare('SELECT COUNT(*) FROM cases').pluck().get()).toBe(1);
    db.close();
  });

  it('says what to do on an unknown command', () => {
    const r = omslag('frobnicate');
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/unknown command/);
  });
});

describe('omslag migrate', slow, () => {
  it('brings a new database file to the newest schema, and says so', async () => {
    const file = join(dataDir, 'new', 'omslag.db');
    const r = omslag('migrate', '--db', file);
    expect(r.code).toBe(0);
    const sql = await openSql(file, { migrate: false });
    const { latest } = await sql.schema();
    await sql.close();
    expect(r.out).toContain(`from schema version 0 to ${latest}`);
    expect(omslag('migrate', '--db', file).out).toContain(`is at schema version ${latest}: nothing to migrate`);
  });

  it('refuses a database whose schema is newer than this Omslag', () => {
    const file = join(dataDir, 'new', 'omslag.db');
    const db = new Database(file);
    db.prepare(
      "INSERT INTO migrations (version, name, applied_at) VALUES (999, 'from the future', '2030-01-01')",
    ).run();
    db.close();
    const r = omslag('migrate', '--db', file);
    expect(r.code).not.toBe(0);
    expect(r.out).toMatch(/schema version 999/);
    expect(omslag('audit', 'verify', '--db', file).code).not.toBe(0);
  });
});

describe('omslag copy-store', slow, () => {
  it('copies a store into a new file with ids kept, and refuses to copy into it again', () => {
    const from = join(dataDir, 'source.db');
    const to = join(dataDir, 'copy.db');
    expect(omslag('import', '--db', from).code).toBe(0);
    const token = omslag('citizen-token', '999993653', '--db', from).out.trim();
    const r = omslag('copy-store', '--from', from, '--to', to);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/tokens\s+1\n/);
    expect(r.out).toMatch(/audit trail intact on the target: 0 entries/);
    const db = new Database(to, { readonly: true });
    expect(db.prepare('SELECT COUNT(*) FROM versions').pluck().get()).toBeGreaterThan(2);
    db.close();
    expect(omslag('import', '--db', to).out).toMatch(/unchanged kwijtschelding v1/);
    const again = omslag('copy-store', '--from', from, '--to', to);
    expect(again.code).not.toBe(0);
    expect(again.out).toMatch(/the target store is not empty \(\d+ processes, \d+ versions, 1 tokens, \d+ teams\)/);
    expect(omslag('copy-store', '--from', join(dataDir, 'missing.db'), '--to', to).out).toMatch(/no database file/);
    expect(token).toMatch(/^oms_/);
  });

  it('copies a broken audit trail as it is, and says so', () => {
    // The data folder's trail was broken on purpose above: a copy does not mend it, and does not hide it.
    const r = omslag('copy-store', '--from', join(dataDir, 'omslag.db'), '--to', join(dataDir, 'copy-broken.db'));
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/audit trail on the target is BROKEN at case \S+, entry 2/);
  });
});

describe('omslag scan', slow, () => {
  it('scans a register extract from a file: a dry run counts, a run starts, a re-run starts nothing', () => {
    const file = join(dataDir, 'inkomens.csv');
    writeFileSync(file, 'bsn,inkomen\n111222333,900\n999993653,2400\n');
    expect(omslag('scan', 'stadspas', file, '--dry-run').out).toMatch(
      /dry run: 2 rows, 0 invalid; eligible 1: started 1, already served 0, opted out 0; not eligible 1/,
    );
    expect(omslag('scan', 'stadspas', file).out).toMatch(/^2 rows, 0 invalid; eligible 1: started 1/m);
    expect(omslag('scan', 'stadspas', file).out).toMatch(/eligible 1: started 0, already served 1/);
    expect(omslag('scan', 'stadspas', join(dataDir, 'x.txt')).code).toBe(2);
  });

  it('shows its progress on stderr: rows read of the total, eligible, started, time left; the counts on stdout', () => {
    // 450 numbers that pass the elfproef, each earning under the norm: batches of 200, 200 and 50.
    const subjects: string[] = [];
    for (let n = 100_000_000; subjects.length < 450; n++) if (isValidBsn(String(n))) subjects.push(String(n));
    const file = join(dataDir, 'veel-inkomens.csv');
    writeFileSync(file, `bsn,inkomen\n${subjects.map((b) => `${b},900`).join('\n')}\n`);
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'runtime/cli.ts', 'scan', 'stadspas', file], {
      cwd: root,
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' },
      encoding: 'utf8',
    });
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stderr.split('\n').filter((l) => l.startsWith('scan: '));
    // Not a terminal: a line at the start and the last (at most one a second between them).
    expect(lines[0]).toBe('scan: 0 of 450 rows read, eligible 0, started 0, time left not known yet');
    expect(lines.at(-1)).toMatch(/^scan: 450 of 450 rows read, eligible 450, started 450, done in \d+ s$/);
    for (const line of lines.slice(1, -1)) expect(line).toMatch(/^scan: \d+ of 450 rows read, .* about \d+ s left$/);
    expect(r.stdout).toMatch(/^450 rows, 0 invalid; eligible 450: started 450/m);
    expect(r.stdout).not.toMatch(/rows read/);
  });
});
