import { describe, expect, it } from 'vitest';
import { main, SECTIONS, type Results } from '../../bench/run.js';

// The benchmarks' quick mode end to end: every part runs and the table has
// its shape — the sections, and the ratio rows as numbers. Not their speed:
// figures depend on the machine. Does not write bench/RESULTS.md.
describe('npm run bench -- --quick', () => {
  it('runs every part and reports each section with its figures and ratios', async () => {
    const lines: string[] = [];
    const results: Results = await main({ quick: true, write: false, log: (s) => lines.push(s) });
    expect(results.mode).toBe('quick');
    expect(Object.keys(results.machine)).toEqual(['os', 'cpus', 'memory']);
    expect(results.versions).toMatchObject({
      node: process.version,
      express: expect.any(String),
      xstate: expect.any(String),
      'better-sqlite3': expect.stringContaining('SQLite'),
    });
    expect(results.sections.map((s) => s.title)).toEqual(Object.values(SECTIONS));
    const failed = results.sections.flatMap((s) =>
      s.notes.filter((n) => n.startsWith('failed')).map((n) => `${s.title}: ${n}`),
    );
    expect(failed).toEqual([]);
    const value = (section: string, label: RegExp) => {
      const row = results.sections.find((s) => s.title === section)!.rows.find((r) => label.test(r.label));
      expect(row, `${section}: ${label}`).toBeDefined();
      return row!.value;
    };
    const positive = (v: number | null) => {
      expect(typeof v).toBe('number');
      expect(Number.isFinite(v)).toBe(true);
      expect(v).toBeGreaterThan(0);
    };
    positive(value(SECTIONS.feel, /^Omslag \/ baseline$/));
    for (const c of [1, 10, 50]) {
      positive(value(SECTIONS.steps, new RegExp(`^Omslag, ${c} conn: steps/s$`)));
      positive(value(SECTIONS.steps, new RegExp(`^Omslag, ${c} conn: p99$`)));
      positive(value(SECTIONS.steps, new RegExp(`^Omslag / baseline, ${c} conn`)));
      positive(value(SECTIONS.steps, new RegExp(`^Omslag / limit, ${c} conn`)));
      positive(value(SECTIONS.steps, new RegExp(`^Omslag / peer, ${c} conn`)));
    }
    // PostgreSQL: the figures, or (no PostgreSQL on this machine) one note that says it was skipped.
    const pgNotes = results.sections.find((s) => s.title === SECTIONS.postgres)!.notes;
    if (pgNotes.some((n) => n.startsWith('skipped — PostgreSQL not installed'))) expect(pgNotes).toHaveLength(1);
    else
      for (const c of [1, 10, 50]) {
        positive(value(SECTIONS.postgres, new RegExp(`^Omslag on PostgreSQL, 1 node, ${c} conn: steps/s$`)));
        positive(value(SECTIONS.postgres, new RegExp(`^Omslag on PostgreSQL, 2 nodes, ${c} conn: p99$`)));
        positive(value(SECTIONS.postgres, new RegExp(`^Omslag-PG-1 / pg baseline, ${c} conn`)));
        positive(value(SECTIONS.postgres, new RegExp(`^Omslag-PG-2 / pg baseline, ${c} conn`)));
        positive(value(SECTIONS.postgres, new RegExp(`^Omslag-PG-1 / Omslag-SQLite, ${c} conn`)));
        positive(value(SECTIONS.postgres, new RegExp(`^two nodes / one node, ${c} conn`)));
        positive(value(SECTIONS.postgres, /^round trips per citizen step/));
        positive(value(SECTIONS.postgres, /^ {2}in statements/));
      }
    positive(value(SECTIONS.handoff, /task in GET \/api\/tasks: p50/));
    positive(value(SECTIONS.scale, /^insights whole \/ baseline$/));
    positive(value(SECTIONS.scale, /task queue .*p95/));
    positive(value(SECTIONS.scale, /case view .*p95/));
    positive(value(SECTIONS.scale, /^database size per case$/));
    positive(value(SECTIONS.scan, /^scan time$/));
    positive(value(SECTIONS.scan, /^peak RSS/));
    positive(value(SECTIONS.pages, /step page: bytes \(HTML\)/));
    positive(value(SECTIONS.pages, /step page: server time p50/));
    positive(value(SECTIONS.durability, /^FULL \/ NORMAL, engine step in-process \(mean\)$/));
    positive(value(SECTIONS.durability, /^FULL \/ NORMAL, HTTP 1 conn \(steps\/s\)$/));
    // Every step of the load was a real, accepted citizen step.
    expect(results.sections.flatMap((s) => s.notes).filter((n) => /non-2xx/.test(n))).toEqual([]);
    expect(lines.join('\n')).toContain('Omslag / baseline');
  }, 300_000);
});
