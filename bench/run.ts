/**
 * The benchmarks of Omslag, as ratios measured in one run on one machine:
 * `npm run bench` (full) or `npm run bench -- --quick` (every part, small).
 * Prints a table per part and writes bench/RESULTS.md (overwritten each run)
 * with the machine, the versions, every figure and ratio, and the command.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import { createWebApp } from '../runtime/web/app.js';
import { calibrate, citizenLoad, type LoadResult, type Target } from './citizen.js';
import { benchDurability } from './durability.js';
import { benchFeel } from './feel.js';
import { benchInsights } from './insights.js';
import { partPostgres, TITLE as PG_TITLE } from './postgres.js';
import { api, browser, percentile, root, spawnServer, timeRuns } from './lib.js';

export type Row = { label: string; value: number | null; unit: string; note?: string };
export type Section = { title: string; rows: Row[]; notes: string[] };
export type Results = {
  mode: 'full' | 'quick';
  command: string;
  startedAt: string;
  seconds: number;
  machine: Record<string, string>;
  versions: Record<string, string>;
  sections: Section[];
};

const SECTIONS = {
  feel: 'FEEL evaluation',
  steps: 'Citizen steps through HTTP',
  postgres: PG_TITLE,
  handoff: 'Handoff to queue',
  scale: 'Scale',
  scan: 'Register scan',
  pages: 'Pages and designer',
  durability: 'Durability (synchronous FULL vs NORMAL)',
} as const;
export { SECTIONS };

const sizes = {
  full: {
    feelRounds: 20_000,
    stepSeconds: 5,
    connections: [1, 10, 50],
    handoffs: 200,
    cases: 1_000_000,
    queue: 1_000,
    scanRows: 100_000,
    pageRuns: 200,
    durabilityCases: 1_000,
    pgSteps: undefined as number | undefined,
    tripCases: 100,
  },
  quick: {
    feelRounds: 2_000,
    stepSeconds: 0.6,
    connections: [1, 10, 50],
    handoffs: 20,
    cases: 20_000,
    queue: 50,
    scanRows: 2_000,
    pageRuns: 20,
    durabilityCases: 60,
    pgSteps: 30 as number | undefined,
    tripCases: 5,
  },
};

// Read from node_modules directly: some packages (bpmn-engine) do not export their package.json.
const versionOf = (pkg: string) => {
  try {
    return (JSON.parse(readFileSync(join(root, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string })
      .version;
  } catch {
    return 'not installed';
  }
};

function machine(): Record<string, string> {
  const cpus = os.cpus();
  return {
    os: `${os.type()} ${os.release()} (${os.platform()}/${os.arch()})`,
    cpus: `${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown'}`,
    memory: `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
  };
}

function versions(): Record<string, string> {
  const sqlite = new Database(':memory:');
  const sqliteVersion = sqlite.prepare('select sqlite_version() as v').pluck().get() as string;
  sqlite.close();
  return {
    node: process.version,
    'better-sqlite3': `${versionOf('better-sqlite3')} (SQLite ${sqliteVersion})`,
    express: versionOf('express'),
    xstate: versionOf('xstate'),
    'bpmn-engine': versionOf('bpmn-engine'),
    feelin: versionOf('feelin'),
  };
}

const ratio = (a: number | null | undefined, b: number | null | undefined) =>
  a == null || b == null || !b || !Number.isFinite(a) || !Number.isFinite(b) ? null : a / b;

// ---------------------------------------------------------------- parts

async function partFeel(size: typeof sizes.full): Promise<Section> {
  const r = await benchFeel(size.feelRounds);
  return {
    title: SECTIONS.feel,
    rows: [
      { label: `feelin evaluate() (baseline), ${r.expressions} expressions`, value: r.baselineUs, unit: 'µs' },
      { label: `compiled, reused (Omslag), ${r.expressions} expressions`, value: r.compiledUs, unit: 'µs' },
      { label: 'Omslag / baseline', value: r.ratio, unit: 'ratio', note: 'lower is better' },
      { label: `compiled without budgets, ${r.expressions} expressions`, value: r.unbudgetedUs, unit: 'µs' },
      {
        label: 'within / without budgets',
        value: r.budgetRatio,
        unit: 'ratio',
        note: 'what the meter costs on everyday rules',
      },
      { label: `a loop of ${r.loop.steps} steps, within / without budgets`, value: r.loop.ratio, unit: 'ratio' },
      { label: 'meter cost per step', value: r.loop.nsPerStep, unit: 'ns' },
      {
        label: 'worker thread round trip per evaluation',
        value: r.workerUs,
        unit: 'µs',
        note: 'the alternative: evaluating off the request thread',
      },
      { label: 'worker round trip / in-thread evaluation', value: r.workerRatio, unit: 'ratio' },
    ],
    notes: [
      `${r.rounds.toLocaleString('en')} rounds each, after 500 warm-up rounds, in this process; the loop and the worker fewer.`,
    ],
  };
}

type OmslagInfo = {
  port: number;
  citizen: string;
  official: string;
  designer: { name: string; password: string; token: string };
};

async function partSteps(
  size: typeof sizes.full,
  omslag: { base: string; info: OmslagInfo },
): Promise<{ section: Section; oneConnectionP50: number | null; omslagRates: Map<number, number> }> {
  const notes: string[] = [];
  const rows: Row[] = [];
  const results = new Map<string, Map<number, LoadResult>>();
  const targets: { key: string; label: string; make: () => Promise<{ target: Target; stop?: () => Promise<void> }> }[] =
    [
      {
        key: 'omslag',
        label: 'Omslag',
        make: async () => ({
          target: {
            name: 'omslag',
            base: omslag.base,
            headers: { authorization: `Bearer ${omslag.info.citizen}` },
            start: async () =>
              (await api(omslag.base, 'POST', '/api/processes/bench-aanvraag/cases', omslag.info.citizen, {})).id,
            eventPath: (id) => `/api/cases/${id}/events`,
          },
        }),
      },
      ...(['express', 'http', 'bpmn'] as const).map((kind) => ({
        key: kind,
        label:
          kind === 'express'
            ? 'baseline (bare Express 5 + better-sqlite3)'
            : kind === 'http'
              ? 'limit (same handler on node:http)'
              : 'peer (bpmn-engine + better-sqlite3, Express)',
        make: async () => {
          const s = await spawnServer(kind);
          return {
            stop: s.stop,
            target: {
              name: kind,
              base: s.base,
              headers: {},
              start: async () => (await api(s.base, 'POST', '/cases', undefined, {})).id,
              eventPath: (id: string) => `/cases/${id}/events`,
            },
          };
        },
      })),
    ];
  for (const t of targets) {
    const byConn = new Map<number, LoadResult>();
    results.set(t.key, byConn);
    let made: Awaited<ReturnType<typeof t.make>> | undefined;
    try {
      made = await t.make();
      // Warm up (JIT, caches; not counted), and from its rate the number of steps for about stepSeconds a level.
      const steps = await calibrate(made.target, size.stepSeconds);
      for (const c of size.connections) {
        const r = await citizenLoad(made.target, c, steps);
        byConn.set(c, r);
        if (r.non2xx || r.errors)
          notes.push(`${t.label} at ${c} connection(s): ${r.non2xx} non-2xx answers, ${r.errors} errors.`);
        rows.push({
          label: `${t.label}, ${c} conn: steps/s`,
          value: r.stepsPerSecond,
          unit: 'steps/s',
          note: `${r.steps} steps in ${r.seconds.toFixed(1)} s`,
        });
        rows.push({ label: `${t.label}, ${c} conn: p50`, value: r.p50, unit: 'ms' });
        rows.push({ label: `${t.label}, ${c} conn: p99`, value: r.p99, unit: 'ms' });
      }
    } catch (e) {
      notes.push(`${t.label}: skipped — ${(e as Error).message}`);
    } finally {
      await made?.stop?.();
    }
  }
  const per = (key: string, c: number) => results.get(key)?.get(c)?.stepsPerSecond ?? null;
  for (const c of size.connections) {
    rows.push({
      label: `Omslag / baseline, ${c} conn (steps/s)`,
      value: ratio(per('omslag', c), per('express', c)),
      unit: 'ratio',
      note: 'higher is better',
    });
    rows.push({
      label: `Omslag / limit, ${c} conn (steps/s)`,
      value: ratio(per('omslag', c), per('http', c)),
      unit: 'ratio',
      note: 'higher is better',
    });
    rows.push({
      label: `Omslag / peer, ${c} conn (steps/s)`,
      value: ratio(per('omslag', c), per('bpmn', c)),
      unit: 'ratio',
      note: 'higher is better',
    });
  }
  notes.push(
    'Driven by a small custom loop on node:http (keep-alive Agent, one socket per connection; bench/citizen.ts) in the runner\'s process, not autocannon: autocannon 8, tried first, reported every server at ~150 steps/s for 150 requests (its run ends on a one-second sampling tick) and latency in whole milliseconds (p50 "0 ms"), too coarse at ~1 ms a step. ' +
      'Each server runs in its own Node process (bench/servers.ts). Each request is one citizen step: a connection takes a case from a pool (started beforehand, not timed), ' +
      'submits its three forms in order, then takes the next case. The third form runs the decision and ends the case. ' +
      `Per server, a warm-up of 90 steps at 10 connections (not counted) sets the number of steps per level: about ${size.stepSeconds} s at the warm-up's rate. Latency: time to the last byte of each request.`,
    'Omslag: the real app (auth by bearer token, zod validation of every field, XState transition, the decision in FEEL, hash-chained audit, case view in the answer). ' +
      "Baseline and limit: no auth, no validation; one transaction per request (read the case row, update it with WHERE rev = ?, append an audit row), WAL, synchronous=FULL like Omslag's default. " +
      'Peer: bpmn-engine recovers the instance from its stored getState(), resumes, signals the waiting user task, and its new state is written in the same kind of transaction.',
  );
  return {
    section: { title: SECTIONS.steps, rows, notes },
    oneConnectionP50: results.get('omslag')?.get(1)?.p50 ?? null,
    omslagRates: new Map([...(results.get('omslag') ?? [])].map(([c, r]) => [c, r.stepsPerSecond])),
  };
}

async function partHandoff(
  size: typeof sizes.full,
  omslag: { base: string; info: OmslagInfo },
  stepP50: number | null,
): Promise<Section> {
  const { base, info } = omslag;
  const times: number[] = [];
  const submits: number[] = [];
  const queues: number[] = [];
  let queueLength = 0;
  for (let i = 0; i < size.handoffs; i++) {
    const id = (await api(base, 'POST', '/api/processes/kwijtschelding/cases', info.citizen, {})).id as string;
    await api(base, 'POST', `/api/cases/${id}/events`, info.citizen, {
      type: 'submit',
      data: { huishouden: 'samen', aanslagnummer: `B${i}` },
    });
    const t0 = performance.now();
    // Income 1,900 with a partner: within € 100 of the norm, so the rules hand the case to an official.
    const view = await api(base, 'POST', `/api/cases/${id}/events`, info.citizen, {
      type: 'submit',
      data: { inkomen: 1900, vermogen: 0, heeftAuto: false, iban: 'NL91ABNA0417164300' },
    });
    const t1 = performance.now();
    if (view.step?.id !== 'beoordeling')
      throw new Error(`the case went to ${JSON.stringify(view.step)}, not to the handoff`);
    for (let tries = 0; ; tries++) {
      const tasks = (await api(base, 'GET', '/api/tasks?team=belastingen', info.official)) as { caseId: string }[];
      if (tasks.some((t) => t.caseId === id)) {
        queueLength = tasks.length;
        break;
      }
      if (tries > 100) throw new Error('the handoff task never appeared in the queue');
    }
    const t2 = performance.now();
    times.push(t2 - t0);
    submits.push(t1 - t0);
    queues.push(t2 - t1);
  }
  const p50 = percentile(times, 50);
  return {
    title: SECTIONS.handoff,
    rows: [
      { label: 'handoff event sent → task in GET /api/tasks: p50', value: p50, unit: 'ms' },
      { label: 'handoff event sent → task in GET /api/tasks: p99', value: percentile(times, 99), unit: 'ms' },
      { label: 'of which the handing-off step: p50', value: percentile(submits, 50), unit: 'ms' },
      { label: 'of which GET /api/tasks: p50', value: percentile(queues, 50), unit: 'ms' },
      { label: 'queue length at the end', value: queueLength, unit: 'tasks' },
      { label: 'handoff to queue / one citizen step (1 conn p50)', value: ratio(p50, stepP50), unit: 'ratio' },
    ],
    notes: [
      `${size.handoffs} kwijtschelding cases, one after the other, each handed off by its second form (income 1,900, with a partner); the task is in the first GET every time, since the task opens in the step's own transaction. The queue grows by one per case.`,
    ],
  };
}

async function partScale(size: typeof sizes.full): Promise<Section> {
  const r = await benchInsights(size.cases, async ({ store, engine, processes, clock }) => {
    // Real cases handed off to the belastingen queue, through the engine, on the seeded database.
    const at = clock.now().toISOString();
    const official = await store.accounts.createToken(
      { userId: (await store.accounts.addUser('beoordelaar', 'official', ['belastingen'], at)).id },
      at,
    );
    const citizen = await store.accounts.createToken({ bsn: '999993653' }, at);
    const ids: string[] = [];
    for (let i = 0; i < size.queue; i++) {
      const id = (await engine.startCase('kwijtschelding', '999993653', 'citizen:999993653')).id;
      await engine.send(
        id,
        { type: 'submit', data: { huishouden: 'samen', aanslagnummer: `S${i}` } },
        { actor: 'citizen:999993653' },
      );
      await engine.send(
        id,
        { type: 'submit', data: { inkomen: 1900, vermogen: 0, heeftAuto: false, iban: 'NL91ABNA0417164300' } },
        { actor: 'citizen:999993653' },
      );
      ids.push(id);
    }
    const app = createWebApp({ store, engine, processes, clock }, { log: () => {} });
    const server = app.listen(0, '127.0.0.1');
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const runs = Math.max(20, Math.min(100, size.queue));
      const queue = await timeRuns(runs, () => api(base, 'GET', '/api/tasks?team=belastingen', official));
      const views = await timeRuns(runs, (i) =>
        api(base, 'GET', `/api/cases/${ids[Math.max(0, i) % ids.length]}`, citizen),
      );
      return {
        queueP95: percentile(queue, 95),
        queueP50: percentile(queue, 50),
        viewP95: percentile(views, 95),
        viewP50: percentile(views, 50),
      };
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
  return {
    title: SECTIONS.scale,
    rows: [
      { label: 'seeded cases', value: r.cases, unit: 'cases' },
      { label: 'seeded step visits', value: r.visits, unit: 'visits' },
      { label: 'seeding (bulk inserts)', value: r.seedSeconds, unit: 's' },
      { label: 'full scan of the visits (baseline)', value: r.baselineMs, unit: 'ms' },
      { label: 'insights, whole version', value: r.insightsMs, unit: 'ms' },
      { label: 'insights, one month', value: r.insightsMonthMs, unit: 'ms' },
      { label: 'insights whole / baseline', value: ratio(r.insightsMs, r.baselineMs), unit: 'ratio' },
      { label: 'insights one month / baseline', value: ratio(r.insightsMonthMs, r.baselineMs), unit: 'ratio' },
      {
        label: `task queue GET /api/tasks (${size.queue} open tasks): p50`,
        value: r.extra?.queueP50 ?? null,
        unit: 'ms',
      },
      {
        label: `task queue GET /api/tasks (${size.queue} open tasks): p95`,
        value: r.extra?.queueP95 ?? null,
        unit: 'ms',
      },
      { label: 'case view GET /api/cases/:id: p50', value: r.extra?.viewP50 ?? null, unit: 'ms' },
      { label: 'case view GET /api/cases/:id: p95', value: r.extra?.viewP95 ?? null, unit: 'ms' },
      { label: 'database size per case', value: r.bytesPerCase, unit: 'bytes' },
    ],
    notes: [
      'bench/insights.ts: cases and step visits of kwijtschelding seeded in bulk (not through the engine), with their daily roll-ups; insights are the median of 5 runs.',
      `Then ${size.queue} real cases through the engine to the handoff on the same database, and the queue and case view over HTTP (the real app in this process, sequential requests; the queue answers at most 500 tasks). Size per case: the database file after a WAL checkpoint / seeded cases (before the real cases).`,
    ],
  };
}

async function partScan(size: typeof sizes.full): Promise<Section> {
  // Its own process, so the peak memory is the scan's and not the runner's.
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', join(root, 'bench/scan.ts'), `--rows=${size.scanRows}`],
    { cwd: root, encoding: 'utf8', maxBuffer: 1 << 20 },
  );
  const r = JSON.parse(out.trim().split('\n').at(-1)!) as Awaited<ReturnType<typeof import('./scan.js').benchScan>>;
  return {
    title: SECTIONS.scan,
    rows: [
      { label: 'rows scanned', value: r.rows, unit: 'rows' },
      { label: 'cases started (every 10th row eligible)', value: r.started, unit: 'cases' },
      { label: 'scan time', value: r.scanMs / 1000, unit: 's' },
      { label: 'rows per second', value: r.rowsPerSecond, unit: 'rows/s' },
      { label: 'parsing the same CSV only (baseline)', value: r.baselineMs / 1000, unit: 's' },
      { label: 'scan / baseline', value: ratio(r.scanMs, r.baselineMs), unit: 'ratio' },
      { label: 'RSS before', value: r.rssBeforeMb, unit: 'MiB' },
      { label: 'peak RSS (sampled every 20 ms)', value: r.peakRssMb, unit: 'MiB' },
    ],
    notes: [
      'bench/scan.ts in its own process: the stadspas process, a CSV register generated on the fly as a stream (bsn,inkomen; valid BSNs), through createProactive(...).scan, committing per 200 rows.',
    ],
  };
}

/** The gzip size of the designer's initial JavaScript, from dist/ (its entry script and modulepreloads). */
function designerInitialJs(): { kb: number | null; note: string } {
  const html = join(root, 'dist/designer/index.html');
  if (!existsSync(html))
    return { kb: null, note: 'dist/designer/index.html not found: run `npm run build` first; not measured.' };
  const text = readFileSync(html, 'utf8');
  const files = [
    ...text.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+)"|<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g),
  ].map((m) => m[1] ?? m[2]);
  let bytes = 0;
  for (const f of files) bytes += gzipSync(readFileSync(join(root, 'dist', f.replace(/^\//, '')))).length;
  return {
    kb: bytes / 1024,
    note: `Designer initial JS: the entry script and its ${files.length - 1} modulepreload chunk(s) of dist/designer/index.html, gzipped with zlib (level 6) here; dist/ built ${statSync(html).mtime.toISOString()} (lazily loaded chunks, Monaco and elkjs, not counted).`,
  };
}

/** A generated process of `n` form steps in a row, then an end. */
function bigProcess(n: number) {
  const steps: Record<string, unknown> = {};
  for (let i = 1; i <= n; i++) {
    steps[`stap${i}`] = {
      kind: 'form',
      title: { nl: `Stap ${i}`, en: `Step ${i}` },
      fields: [
        { id: `veld${i}`, label: { nl: `Vraag ${i}`, en: `Question ${i}` }, type: 'text', required: true, max: 50 },
      ],
      next: i < n ? `stap${i + 1}` : 'klaar',
    };
  }
  steps.klaar = {
    kind: 'end',
    title: { nl: 'Klaar', en: 'Done' },
    outcome: 'granted',
    message: { nl: 'Klaar.', en: 'Done.' },
  };
  return {
    key: 'groot',
    title: { nl: `Groot proces (${n} stappen)`, en: `Big process (${n} steps)` },
    description: { nl: 'Gegenereerd door bench/run.ts.', en: 'Generated by bench/run.ts.' },
    start: 'stap1',
    contact: { team: 'klantcontact', due: 'P2D' },
    steps,
  };
}

async function partPages(
  size: typeof sizes.full,
  mode: 'full' | 'quick',
  omslag: { base: string; info: OmslagInfo },
): Promise<Section> {
  const { base, info } = omslag;
  const rows: Row[] = [];
  const notes: string[] = [];
  const b = browser(base);
  const signedIn = await b.signIn('999993653');
  if (signedIn.status !== 303 && signedIn.status !== 302) throw new Error(`sign-in answered ${signedIn.status}`);
  const start = await b.request('POST', '/diensten/bench-aanvraag/start', {
    _csrf: await b.csrf('/diensten/bench-aanvraag'),
  });
  const id = /^\/zaken\/([^/?#]+)/.exec(start.location ?? '')?.[1];
  if (!id) throw new Error(`starting from the service page answered ${start.status} ${start.location}`);
  const path = `/zaken/${id}/stap/persoon`;
  let bytes = 0;
  let gz = 0;
  const times = await timeRuns(size.pageRuns, async () => {
    const page = await b.request('GET', path);
    if (page.status !== 200) throw new Error(`${path} answered ${page.status}`);
    bytes = page.bytes;
    gz = gzipSync(page.text).length;
  });
  // The same server's smallest JSON answer of a case, as a reference in the same run.
  const apiTimes = await timeRuns(size.pageRuns, () => api(base, 'GET', '/api/processes/bench-aanvraag', info.citizen));
  rows.push(
    { label: 'citizen step page: bytes (HTML)', value: bytes, unit: 'bytes' },
    { label: 'citizen step page: bytes gzipped', value: gz, unit: 'bytes' },
    { label: 'citizen step page: server time p50', value: percentile(times, 50), unit: 'ms' },
    { label: 'citizen step page: server time p95', value: percentile(times, 95), unit: 'ms' },
    {
      label: 'step page / GET /api/processes/:key (p50)',
      value: ratio(percentile(times, 50), percentile(apiTimes, 50)),
      unit: 'ratio',
    },
  );
  notes.push(
    `GET ${'/zaken/:id/stap/persoon'} of the benchmark process with a signed-in session cookie (signed in through /inloggen with its CSRF token), ${size.pageRuns} sequential requests on localhost: time to the last byte, so render plus one local round trip. The page is sent uncompressed; "gzipped" is what gzip would make of it.`,
  );

  const js = designerInitialJs();
  rows.push({ label: 'designer initial JS (gzip)', value: js.kb, unit: 'KiB' });
  notes.push(js.note);

  const chromium = '/usr/bin/chromium';
  if (mode !== 'full') notes.push('Designer opening a 500-step process: full mode only.');
  else if (!existsSync(chromium))
    notes.push(`Designer opening a 500-step process: skipped, ${chromium} does not exist.`);
  else if (!existsSync(join(root, 'dist/designer/index.html')))
    notes.push('Designer opening a 500-step process: skipped, the designer is not built (dist/).');
  else {
    try {
      const ms = await designerOpen(base, info.designer, 500);
      rows.push({ label: 'designer: open a 500-step process → first node shown', value: ms.firstNode, unit: 'ms' });
      rows.push({ label: 'designer: open a 500-step process → interactive', value: ms.interactive, unit: 'ms' });
      notes.push(
        "Designer: headless Chromium (playwright-core, /usr/bin/chromium). Signed in on /ontwerp/, then timed from navigating to /ontwerp/processen/groot (the 500 form steps as a draft) to the first canvas node visible, and to interactive: the first step's node clicked (Playwright waits until it is visible, stable and receives events) and two animation frames rendered after the click.",
      );
    } catch (e) {
      notes.push(`Designer opening a 500-step process: failed — ${(e as Error).message.split('\n')[0]}`);
    }
  }
  return { title: SECTIONS.pages, rows, notes };
}

// Runs in the page (page.evaluate below); this file is checked without the DOM (tsconfig.node.json).
declare const requestAnimationFrame: (callback: (time: number) => void) => number;

async function designerOpen(base: string, designer: { name: string; password: string; token: string }, steps: number) {
  await api(base, 'PUT', '/api/processes/groot/draft', designer.token, bigProcess(steps));
  const { chromium } = await import('playwright-core');
  const browserApp = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
  try {
    const page = await browserApp.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${base}/ontwerp/`);
    await page.getByLabel('Naam').fill(designer.name);
    await page.getByLabel('Wachtwoord').fill(designer.password);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Processen' }).waitFor({ timeout: 30_000 });
    const t0 = performance.now();
    await page.goto(`${base}/ontwerp/processen/groot`);
    await page.locator('.react-flow__node').first().waitFor({ state: 'visible', timeout: 120_000 });
    const firstNode = performance.now() - t0;
    const node = page.locator('.react-flow__node[data-id="stap1"]');
    await node.waitFor({ state: 'visible', timeout: 120_000 });
    await node.click({ timeout: 120_000 });
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const interactive = performance.now() - t0;
    return { firstNode, interactive };
  } finally {
    await browserApp.close();
  }
}

async function partDurability(size: typeof sizes.full): Promise<Section> {
  const rows: Row[] = [];
  const notes: string[] = [];
  const local = await benchDurability(size.durabilityCases);
  for (const c of [local.normal, local.full]) {
    rows.push({
      label: `engine step in-process, ${c.synchronous.toUpperCase()}: mean`,
      value: c.usPerStep,
      unit: 'µs',
      note: `${c.steps} steps`,
    });
    rows.push({ label: `engine step in-process, ${c.synchronous.toUpperCase()}: p50`, value: c.p50Us, unit: 'µs' });
  }
  rows.push({
    label: 'FULL / NORMAL, engine step in-process (mean)',
    value: ratio(local.full.usPerStep, local.normal.usPerStep),
    unit: 'ratio',
    note: 'the cost of durability on power loss',
  });
  rows.push({
    label: 'FULL / NORMAL, engine step in-process (p50)',
    value: ratio(local.full.p50Us, local.normal.p50Us),
    unit: 'ratio',
  });
  const http = new Map<string, Map<number, LoadResult>>([
    ['normal', new Map()],
    ['full', new Map()],
  ]);
  const levels = size.connections.filter((c) => c <= 10);
  // NORMAL, FULL, NORMAL, FULL, a fresh server each time; the better run per setting and level is kept.
  for (const synchronous of ['normal', 'full', 'normal', 'full'] as const) {
    const s = await spawnServer<OmslagInfo>('omslag', [synchronous]);
    const byConn = http.get(synchronous)!;
    try {
      const target: Target = {
        name: `omslag-${synchronous}`,
        base: s.base,
        headers: { authorization: `Bearer ${s.info.citizen}` },
        start: async () => (await api(s.base, 'POST', '/api/processes/bench-aanvraag/cases', s.info.citizen, {})).id,
        eventPath: (id) => `/api/cases/${id}/events`,
      };
      const steps = await calibrate(target, size.stepSeconds);
      for (const c of levels) {
        const r = await citizenLoad(target, c, steps);
        if (r.non2xx || r.errors)
          notes.push(
            `Omslag ${synchronous.toUpperCase()} at ${c} connection(s): ${r.non2xx} non-2xx answers, ${r.errors} errors.`,
          );
        if (!byConn.has(c) || r.stepsPerSecond > byConn.get(c)!.stepsPerSecond) byConn.set(c, r);
      }
    } finally {
      await s.stop();
    }
  }
  for (const synchronous of ['normal', 'full'] as const) {
    for (const c of levels) {
      const r = http.get(synchronous)!.get(c);
      rows.push({
        label: `HTTP, ${synchronous.toUpperCase()}, ${c} conn: steps/s`,
        value: r?.stepsPerSecond ?? null,
        unit: 'steps/s',
        note: r ? `${r.steps} steps` : undefined,
      });
      rows.push({ label: `HTTP, ${synchronous.toUpperCase()}, ${c} conn: p50`, value: r?.p50 ?? null, unit: 'ms' });
    }
  }
  for (const c of levels) {
    rows.push({
      label: `FULL / NORMAL, HTTP ${c} conn (steps/s)`,
      value: ratio(http.get('full')?.get(c)?.stepsPerSecond, http.get('normal')?.get(c)?.stepsPerSecond),
      unit: 'ratio',
      note: 'higher is better',
    });
    rows.push({
      label: `FULL / NORMAL, HTTP ${c} conn (p50)`,
      value: ratio(http.get('full')?.get(c)?.p50, http.get('normal')?.get(c)?.p50),
      unit: 'ratio',
    });
  }
  notes.push(
    'In-process (bench/durability.ts): engine.send() of the three form steps of bench-aanvraag, one after another (validation, XState, FEEL, the transaction), no HTTP; NORMAL, FULL, NORMAL, FULL alternated and the better run of each kept. ' +
      'HTTP: the real app in its own process per setting, the same citizen load as "Citizen steps through HTTP"; NORMAL, FULL, NORMAL, FULL, the better run of each kept. Data folders on the project\'s disk (bench/.data-*), not /tmp (a RAM disk on some machines, where an fsync is free).',
    'FULL fsyncs the WAL at every commit, so an acknowledged step survives a power loss or a kernel crash; NORMAL syncs only at checkpoints (never corrupt, but the last commits before a power loss can be gone). Both survive a crash of the process (the crash test). The figures depend on the disk: a disk with a write cache that honours flushes, or a RAM disk, changes them.',
  );
  return { title: SECTIONS.durability, rows, notes };
}

// ---------------------------------------------------------------- output

function formatValue(v: number | null, unit: string): string {
  if (v === null || !Number.isFinite(v)) return 'n/a';
  if (unit === 'ratio') return v.toFixed(3);
  if (Math.abs(v) >= 100) return Math.round(v).toLocaleString('en');
  if (Math.abs(v) >= 10) return v.toFixed(1);
  return v.toFixed(2);
}

export function markdown(r: Results): string {
  const lines = [
    '# Omslag benchmarks',
    '',
    `Written by \`${r.command}\` on ${r.startedAt} (${r.mode} mode, ${r.seconds.toFixed(0)} s). Overwritten by every run; the figures are this machine's, the ratios compare parts measured in the same run.`,
    '',
    '## Machine',
    '',
    ...Object.entries(r.machine).map(([k, v]) => `- ${k}: ${v}`),
    '',
    '## Versions',
    '',
    ...Object.entries(r.versions).map(([k, v]) => `- ${k}: ${v}`),
    '',
  ];
  for (const s of r.sections) {
    lines.push(`## ${s.title}`, '', '| measure | value | unit |', '|---|---:|---|');
    for (const row of s.rows)
      lines.push(
        `| ${row.label}${row.note ? ` (${row.note})` : ''} | ${formatValue(row.value, row.unit)} | ${row.unit} |`,
      );
    lines.push('');
    for (const n of s.notes) lines.push(`- ${n}`);
    lines.push('');
  }
  lines.push(
    '## Reproduce',
    '',
    '```sh',
    'npm install',
    r.mode === 'quick' ? 'npm run bench -- --quick' : 'npm run bench',
    '```',
    '',
  );
  return lines.join('\n');
}

export function table(s: Section): string {
  const width = Math.max(...s.rows.map((r) => r.label.length), 20);
  return [
    `\n${s.title}`,
    '-'.repeat(width + 24),
    ...s.rows.map((r) => `${r.label.padEnd(width)}  ${formatValue(r.value, r.unit).padStart(12)}  ${r.unit}`),
  ].join('\n');
}

/** Runs every part; prints a table per part, writes bench/RESULTS.md (unless `write: false`), returns the results. */
export async function main(
  opts: { quick?: boolean; write?: boolean; log?: (s: string) => void } = {},
): Promise<Results> {
  const mode = opts.quick ? 'quick' : 'full';
  const size = sizes[mode];
  const log = opts.log ?? ((s: string) => console.log(s));
  const started = performance.now();
  const results: Results = {
    mode,
    command: opts.quick ? 'npm run bench -- --quick' : 'npm run bench',
    startedAt: new Date().toISOString(),
    seconds: 0,
    machine: machine(),
    versions: versions(),
    sections: [],
  };
  const add = (s: Section) => {
    results.sections.push(s);
    log(table(s));
    for (const n of s.notes) if (/skipped|failed|non-2xx/.test(n)) log(`  note: ${n}`);
  };
  const guarded = async (title: string, fn: () => Promise<Section>) => {
    try {
      add(await fn());
    } catch (e) {
      add({ title, rows: [], notes: [`failed: ${(e as Error).stack ?? e}`] });
    }
  };
  log(`Omslag benchmarks (${mode}) on ${results.machine.cpus}, ${results.machine.memory}, Node ${process.version}`);

  await guarded(SECTIONS.feel, () => partFeel(size));
  const omslag = await spawnServer<OmslagInfo>('omslag');
  let sqliteRates = new Map<number, number>();
  try {
    let stepP50: number | null = null;
    await guarded(SECTIONS.steps, async () => {
      const r = await partSteps(size, omslag);
      stepP50 = r.oneConnectionP50;
      sqliteRates = r.omslagRates;
      return r.section;
    });
    await guarded(SECTIONS.handoff, () => partHandoff(size, omslag, stepP50));
    await guarded(SECTIONS.pages, () => partPages(size, mode, omslag));
  } finally {
    await omslag.stop();
  }
  await guarded(SECTIONS.postgres, () => partPostgres(size, sqliteRates));
  await guarded(SECTIONS.scale, () => partScale(size));
  await guarded(SECTIONS.scan, () => partScan(size));
  await guarded(SECTIONS.durability, () => partDurability(size));
  // The order of the report, whatever the order of measuring.
  const order = Object.values(SECTIONS) as string[];
  results.sections.sort((a, b) => order.indexOf(a.title) - order.indexOf(b.title));
  results.seconds = (performance.now() - started) / 1000;
  if (opts.write !== false) {
    writeFileSync(join(root, 'bench/RESULTS.md'), markdown(results));
    log(`\nWrote bench/RESULTS.md (${results.seconds.toFixed(0)} s).`);
  }
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (process.argv.includes('--durability')) {
    // Only the durability part, printed (bench/RESULTS.md is left as it is): npm run bench -- --durability [--quick]
    const section = await partDurability(sizes[process.argv.includes('--quick') ? 'quick' : 'full']);
    console.log(table(section));
    for (const n of section.notes) console.log(`- ${n}`);
  } else if (process.argv.includes('--postgres')) {
    // Only the PostgreSQL part, printed (no SQLite figures to divide by): npm run bench -- --postgres [--quick]
    const section = await partPostgres(sizes[process.argv.includes('--quick') ? 'quick' : 'full'], new Map());
    console.log(table(section));
    for (const n of section.notes) console.log(`- ${n}`);
  } else {
    await main({ quick: process.argv.includes('--quick') });
  }
}
