/**
 * The crash test of issue 11 ("Done when"), small: kill -9 of the supervised
 * server under load from several clients, through the HTTP API, then checks
 * from the database. The full-size run is `npx tsx scripts/crash-test.ts`.
 */
import { describe, expect, test } from 'vitest';
import { crashTest, formatReport } from '../../scripts/crash-test.js';

describe('crash test', () => {
  test('kill -9 under load loses no acknowledged step, half-applies no case, keeps the audit chain, and fires due timers once', async () => {
    const report = await crashTest({ clients: 6, kills: 2, loadMs: [600, 900] });
    console.log(formatReport(report));
    expect(report.problems).toEqual([]);
    expect(report.restarts).toBe(2);
    expect(report.acknowledged).toBeGreaterThan(20);
    expect(report.lost).toBe(0);
    expect(report.halfApplied).toBe(0);
    expect(report.auditIntact).toBe(true);
    expect(report.auditEntries).toBeGreaterThan(report.acknowledged);
    expect(report.timersDue).toBeGreaterThan(0);
    expect(report.timersFired).toBe(report.timersDue);
    expect(report.timersFiredTwice).toBe(0);
  }, 60_000);
});
