/**
 * `npm run omslag -- audit reads --from … --to …`: the read log for an
 * audit, as CSV (or JSON) on stdout, from a real SQLite file.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openServices } from '../../runtime/setup.js';

const root = join(import.meta.dirname, '../..');
const dataDir = mkdtempSync(join(tmpdir(), 'omslag-cli-reads-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function omslag(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'runtime/cli.ts', ...args], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' },
    encoding: 'utf8',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const read = (at: string, purpose: string) => ({
  caseId: 'c-1',
  subject: '999993653',
  actor: 'user:olaf',
  actorName: 'team:belastingen',
  onBehalf: null,
  data: 'case',
  purpose,
  at,
});

beforeAll(async () => {
  const services = await openServices(dataDir);
  try {
    await services.store.reads.record(read('2025-12-31T22:59:59.000Z', 'before the period'));
    await services.store.reads.record(read('2026-01-10T10:00:00.000Z', 'Controle, "steekproef"'));
    await services.store.reads.record(read('2026-01-31T22:59:59.000Z', 'last second (Dutch time)'));
    await services.store.reads.record(read('2026-01-31T23:00:00.000Z', 'after the period'));
  } finally {
    await services.store.close();
  }
}, 60_000);

describe('omslag audit reads', { timeout: 120_000 }, () => {
  it('writes the reads of the period as CSV with a header row; --format json as JSON', () => {
    const csv = omslag('audit', 'reads', '--from', '2026-01-01', '--to', '2026-02-01');
    expect(csv.code, csv.stderr).toBe(0);
    const rows: Record<string, string>[] = parse(csv.stdout, { columns: true });
    expect(rows.map((r) => r.purpose)).toEqual(['Controle, "steekproef"', 'last second (Dutch time)']);
    expect(rows[0]).toMatchObject({ caseId: 'c-1', subject: '999993653', actor: 'user:olaf', data: 'case' });
    const json = omslag('audit', 'reads', '--from', '2026-01-01', '--to', '2026-02-01', '--format', 'json');
    expect(json.code, json.stderr).toBe(0);
    expect(JSON.parse(json.stdout).map((r: { at: string }) => r.at)).toEqual([
      '2026-01-10T10:00:00.000Z',
      '2026-01-31T22:59:59.000Z',
    ]);
  });

  it('refuses bad or missing dates and formats with a message and exit code 2, writing nothing', () => {
    for (const args of [
      ['--from', '2026-01-01'],
      ['--from', '2026-02-30', '--to', '2026-03-01'],
      ['--from', '2026-02-01', '--to', '2026-01-01'],
      ['--from', '2026-01-01', '--to', '2026-02-01', '--format', 'xlsx'],
    ]) {
      const r = omslag('audit', 'reads', ...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^error: /);
    }
  });
});
