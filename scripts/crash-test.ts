/**
 * The crash test, from outside: the supervised server (runtime/supervisor.ts,
 * as `npm run serve` runs it) on a real port with a real SQLite file; several
 * clients drive citizen cases through the documented HTTP API and write down
 * every acknowledged step (a 2xx answer with the new revision); meanwhile the
 * server is killed with SIGKILL a few times and the supervisor restarts it.
 * Afterwards, from the database:
 *
 * - 0 acknowledged steps lost: every acknowledged revision is there, with the
 *   step it answered;
 * - 0 half-applied cases: revision, audit trail, step, status, open visit and
 *   timers of every case agree;
 * - the audit chain is intact (the check of `npm run omslag -- audit verify`);
 * - every timer that fell due fired, and none fired twice.
 *
 *   npx tsx scripts/crash-test.ts [--clients 8] [--kills 3] [--steps 3000]
 *
 * test/runtime/crash.test.ts runs a small one in the test suite.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { stepOf } from '../runtime/model/index.js';
import { openStore } from '../runtime/store/index.js';

const root = join(import.meta.dirname, '..');

/** A process with a wait in the middle: its timers fall due under load, some while the server is down. */
export const waitProcess = {
  key: 'crash-wacht',
  title: { nl: 'Melding met bedenktijd', en: 'Report with a cooling-off period' },
  start: 'melding',
  contact: { team: 'klantcontact', due: 'P1D' },
  steps: {
    melding: {
      kind: 'form',
      title: { nl: 'Uw melding', en: 'Your report' },
      fields: [
        {
          id: 'omschrijving',
          label: { nl: 'Omschrijving', en: 'Description' },
          type: 'text',
          required: true,
          max: 200,
        },
      ],
      next: 'bedenktijd',
    },
    bedenktijd: {
      kind: 'wait',
      title: { nl: 'Bedenktijd', en: 'Cooling-off period' },
      for: 'PT1S',
      then: 'bevestigen',
    },
    bevestigen: {
      kind: 'form',
      title: { nl: 'Bevestigen', en: 'Confirm' },
      fields: [{ id: 'akkoord', label: { nl: 'Klopt alles?', en: 'All correct?' }, type: 'yes-no', required: true }],
      next: 'klaar',
    },
    klaar: {
      kind: 'end',
      title: { nl: 'Klaar', en: 'Done' },
      outcome: 'completed',
      message: { nl: 'Uw melding is verwerkt.', en: 'Your report was processed.' },
    },
  },
};

/** The answers per form step (bench-aanvraag's three forms and crash-wacht's two). */
const answers: Record<string, Record<string, unknown>> = {
  persoon: { naam: 'Jan Jansen', huishouden: 'samen' },
  geld: { inkomen: 1500, vermogen: 100 },
  rekening: { iban: 'NL91ABNA0417164300', akkoord: true },
  melding: { omschrijving: 'Losse stoeptegel' },
  bevestigen: { akkoord: true },
};
const WAIT_STEP = 'bedenktijd';
const START_REV = 2; // a case is inserted at 1 and its first commit makes it 2: every event adds one

export type CrashOptions = {
  clients?: number;
  kills?: number;
  steps?: number;
  loadMs?: [number, number];
  log?: (line: string) => void;
  keep?: boolean;
};
export type CrashReport = {
  clients: number;
  kills: number;
  restarts: number;
  downtimeMs: number[];
  acknowledged: number;
  unacknowledged: number;
  casesStarted: number;
  casesEnded: number;
  seconds: number;
  lost: number;
  halfApplied: number;
  auditIntact: boolean;
  auditEntries: number;
  timersDue: number;
  timersFired: number;
  timersFiredTwice: number;
  timersDueWhileDown: number;
  problems: string[];
};

type Ack = { caseId: string; rev: number; step: string };

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The supervised server: its output, the current server's pid, and a way to wait for the next start. */
export function startSupervised(env: Record<string, string>) {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', join(root, 'runtime/supervisor.ts')], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  let pid = 0;
  let listens = 0;
  const waiters: (() => void)[] = [];
  const onData = (d: Buffer) => {
    output += d;
    for (const m of d.toString().matchAll(/server started \(pid (\d+)\)/g)) pid = Number(m[1]);
    if (/listens on port/.test(d.toString())) {
      listens++;
      waiters.splice(0).forEach((w) => w());
    }
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    exited,
    output: () => output,
    pid: () => pid,
    listens: () => listens,
    /** Resolves when the server has listened `n` times in all. */
    async listening(n: number, timeoutMs = 30_000) {
      const until = Date.now() + timeoutMs;
      while (listens < n) {
        if (child.exitCode !== null) throw new Error(`the supervisor exited (${child.exitCode}):\n${output}`);
        if (Date.now() > until) throw new Error(`the server did not listen within ${timeoutMs} ms:\n${output}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 200);
        });
      }
    },
    /** Kills the supervisor and everything it started (its process group). */
    killAll() {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        /* gone already */
      }
    },
  };
}

export async function crashTest(opts: CrashOptions = {}): Promise<CrashReport> {
  const clients = opts.clients ?? 8;
  const kills = opts.kills ?? 3;
  const [loadMin, loadMax] = opts.loadMs ?? [1000, 2500];
  const log = opts.log ?? (() => {});
  const dir = mkdtempSync(join(tmpdir(), 'omslag-crash-'));
  const processesDir = join(dir, 'processes');
  mkdirSync(processesDir);
  copyFileSync(join(root, 'bench/processes/bench-aanvraag.json'), join(processesDir, 'bench-aanvraag.json'));
  writeFileSync(join(processesDir, 'crash-wacht.json'), JSON.stringify(waitProcess, null, 2));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = startSupervised({
    PORT: String(port),
    DATA_DIR: join(dir, 'data'),
    // The SQLite file in DATA_DIR, which the checks read afterwards.
    DATABASE_URL: '',
    PROCESSES_DIR: processesDir,
    TIMER_INTERVAL_MS: '100',
    DEMO_ACCOUNTS: 'true',
    SUPERVISOR_BACKOFF_MS: '100',
    SUPERVISOR_BACKOFF_MAX_MS: '1000',
  });
  const t0 = performance.now();
  try {
    await server.listening(1);
    const token = /citizen\s+BSN \d+\s+token (\S+)/.exec(server.output())?.[1];
    if (!token) throw new Error(`no citizen token in the first start's output:\n${server.output()}`);
    log(`server up on ${base} (pid ${server.pid()}); ${clients} clients, ${kills} kills`);

    const acks: Ack[] = [];
    const started = new Set<string>();
    let unacknowledged = 0;
    let stop = false;
    const call = async (method: string, path: string, body?: unknown) => {
      const res = await fetch(base + path, {
        method,
        signal: AbortSignal.timeout(10_000),
        headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      });
      return { status: res.status, body: (await res.json().catch(() => undefined)) as any };
    };
    /** Retries through a restart; undefined only when the load is over. */
    const reliably = async (method: string, path: string, body?: unknown) => {
      for (;;) {
        try {
          return await call(method, path, body);
        } catch {
          if (stop) return undefined;
          await sleep(50);
        }
      }
    };
    const refusals: string[] = [];

    const client = async (n: number) => {
      for (let i = 0; !stop; i++) {
        const key = (n + i) % 2 ? 'crash-wacht' : 'bench-aanvraag';
        const created = await reliably('POST', `/api/processes/${key}/cases`, {});
        if (!created || created.status !== 201) continue;
        started.add(created.body.id);
        let view = created.body;
        while (!stop && view.status === 'active') {
          const step: string = view.step?.id;
          if (step === WAIT_STEP) {
            await sleep(100);
            view = (await reliably('GET', `/api/cases/${view.id}`))?.body ?? view;
            continue;
          }
          let answer;
          try {
            answer = await call('POST', `/api/cases/${view.id}/events`, { type: 'submit', step, data: answers[step] });
          } catch {
            // No answer (the server died): maybe applied, maybe not — not acknowledged either way. Read where the case is.
            unacknowledged++;
            view = (await reliably('GET', `/api/cases/${view.id}`))?.body ?? view;
            continue;
          }
          if (answer.status >= 200 && answer.status < 300) {
            acks.push({ caseId: view.id, rev: answer.body.rev, step });
            view = answer.body;
          } else if (answer.status === 409) {
            view = (await reliably('GET', `/api/cases/${view.id}`))?.body ?? view; // a step applied before the crash, unacknowledged
          } else {
            refusals.push(`case ${view.id} at ${step}: ${answer.status} ${JSON.stringify(answer.body)}`);
            break; // answers the test sends are valid: this is a finding, not load
          }
        }
      }
    };

    const downtimeMs: number[] = [];
    const downWindows: [string, string][] = [];
    const load = Promise.all(Array.from({ length: clients }, (_, n) => client(n)));
    for (let k = 0; k < kills; k++) {
      await sleep(loadMin + Math.random() * (loadMax - loadMin));
      // With --steps, the kills are spread over the run: kill k when that share of the steps is acknowledged.
      while (opts.steps && acks.length < (opts.steps * (k + 1)) / (kills + 1)) await sleep(50);
      const pid = server.pid();
      const listened = server.listens();
      const killedAt = new Date();
      const t = performance.now();
      process.kill(pid, 'SIGKILL');
      await server.listening(listened + 1);
      downtimeMs.push(performance.now() - t);
      downWindows.push([killedAt.toISOString(), new Date().toISOString()]);
      log(
        `kill ${k + 1}: pid ${pid} killed with SIGKILL; serving again after ${Math.round(downtimeMs.at(-1)!)} ms (${acks.length} steps acknowledged so far)`,
      );
    }
    // Load after the last restart too, until the wanted number of steps.
    const tailUntil = Date.now() + loadMin;
    while (Date.now() < tailUntil || (opts.steps !== undefined && acks.length < opts.steps)) await sleep(100);
    stop = true;
    await load;
    // Let the timers of cases left waiting fall due and fire; then stop cleanly.
    await sleep(1500);
    const stoppedAt = new Date().toISOString();
    process.kill(server.child.pid!, 'SIGTERM');
    const code = await server.exited;
    if (code !== 0) throw new Error(`the supervisor stopped with ${code}:\n${server.output().slice(-2000)}`);

    const report = await verify(join(dir, 'data', 'omslag.db'), acks, downWindows, stoppedAt);
    report.problems.push(...refusals.slice(0, 10).map((r) => `refused: ${r}`));
    return {
      clients,
      kills,
      restarts: (server.output().match(/died \(signal SIGKILL\)/g) ?? []).length,
      downtimeMs,
      acknowledged: acks.length,
      unacknowledged,
      casesStarted: started.size,
      seconds: (performance.now() - t0) / 1000,
      ...report,
    };
  } finally {
    server.killAll();
    if (!opts.keep) rmSync(dir, { recursive: true, force: true });
    else log(`kept ${dir}`);
  }
}

/** Everything the crash test checks, from the database after a clean stop. */
async function verify(file: string, acks: Ack[], downWindows: [string, string][], stoppedAt: string) {
  const store = await openStore(file);
  const problems: string[] = [];
  try {
    const db = store.sql.q();
    const cases = await db
      .selectFrom('cases')
      .select(['id', 'process_key', 'status', 'step', 'snapshot', 'rev'])
      .execute();
    const events = new Map<string, { type: string; step?: string; seq: number }[]>();
    for (const r of await db
      .selectFrom('audit')
      .select(['case_id', 'seq', 'type', 'data'])
      .orderBy('case_id')
      .orderBy('seq')
      .execute()) {
      const list = events.get(r.case_id) ?? [];
      const data = JSON.parse(r.data) as { type?: string; step?: string };
      list.push({ type: r.type === 'event.received' ? `event:${data.type}` : r.type, step: data.step, seq: r.seq });
      events.set(r.case_id, list);
    }
    const timers = await db.selectFrom('timers').select(['case_id', 'fire_at', 'fired_at']).execute();
    const visits = await db
      .selectFrom('step_visits')
      .select(['case_id', 'step'])
      .where('left_at', 'is', null)
      .execute();

    // 0 acknowledged steps lost: the event that made revision `rev` is there and answered `step`.
    const byId = new Map(cases.map((c) => [c.id, c]));
    let lost = 0;
    for (const a of acks) {
      const c = byId.get(a.caseId);
      const received = (events.get(a.caseId) ?? []).filter((e) => e.type.startsWith('event:'));
      const made = received[a.rev - START_REV - 1];
      if (!c || c.rev < a.rev || made?.type !== 'event:submit' || made.step !== a.step) {
        lost++;
        if (problems.length < 20)
          problems.push(
            `lost: case ${a.caseId} revision ${a.rev} (${a.step}); now revision ${c?.rev}, event ${JSON.stringify(made)}`,
          );
      }
    }

    // 0 half-applied cases: every part of a case tells the same story.
    let halfApplied = 0;
    for (const c of cases) {
      const trail = events.get(c.id) ?? [];
      const received = trail.filter((e) => e.type.startsWith('event:')).length;
      const ended = trail.filter((e) => e.type === 'case.ended').length;
      const open = visits.filter((v) => v.case_id === c.id);
      const unfired = timers.filter((t) => t.case_id === c.id && !t.fired_at).length;
      const fired = timers.filter((t) => t.case_id === c.id && t.fired_at).length;
      const firedEvents = trail.filter((e) => e.type === 'event:timer.fired').length;
      const wrong = [
        c.rev !== START_REV + received && `revision ${c.rev} but ${received} events`,
        stepOf((JSON.parse(c.snapshot) as { value: unknown }).value) !== c.step &&
          `step ${c.step} but snapshot at ${JSON.stringify(JSON.parse(c.snapshot).value)}`,
        (c.status === 'ended') !== (ended === 1) && `status ${c.status} with ${ended} case.ended entries`,
        (c.status === 'active' ? open.length !== 1 || open[0].step !== c.step : open.length !== 0) &&
          `open visits ${JSON.stringify(open)} at ${c.step}`,
        unfired !== (c.step === WAIT_STEP ? 1 : 0) && `${unfired} unfired timers at step ${c.step}`,
        fired !== firedEvents && `${fired} timers fired but ${firedEvents} timer events`,
        trail[0]?.type !== 'case.started' && 'no case.started entry first',
      ].filter(Boolean);
      if (wrong.length) {
        halfApplied++;
        if (problems.length < 40) problems.push(`half-applied: case ${c.id} (${c.process_key}): ${wrong.join('; ')}`);
      }
    }

    const audit = await store.cases.verifyAudit();
    if (!audit.ok) problems.push(`audit trail broken at case ${audit.caseId}, entry ${audit.seq}: ${audit.reason}`);
    // Due timers fired, once; a margin of a second for the last tick before the stop.
    const dueBy = new Date(Date.parse(stoppedAt) - 1000).toISOString();
    const due = timers.filter((t) => t.fire_at <= dueBy);
    const notFired = due.filter((t) => !t.fired_at);
    for (const t of notFired.slice(0, 5)) problems.push(`timer of case ${t.case_id} due at ${t.fire_at} never fired`);
    const perCase = new Map<string, number>();
    for (const c of cases)
      perCase.set(c.id, (events.get(c.id) ?? []).filter((e) => e.type === 'event:timer.fired').length);
    const twice = [...perCase.values()].filter((n) => n > 1).length;
    if (twice) problems.push(`${twice} cases had their timer fire more than once`);
    const whileDown = due.filter((t) => downWindows.some(([from, to]) => t.fire_at >= from && t.fire_at <= to)).length;
    return {
      casesEnded: cases.filter((c) => c.status === 'ended').length,
      lost,
      halfApplied,
      auditIntact: audit.ok,
      auditEntries: audit.ok ? audit.entries : 0,
      timersDue: due.length,
      timersFired: due.length - notFired.length,
      timersFiredTwice: twice,
      timersDueWhileDown: whileDown,
      problems,
    };
  } finally {
    await store.close();
  }
}

export function formatReport(r: CrashReport): string {
  const ms = [...r.downtimeMs].sort((a, b) => a - b);
  return [
    `crash test: ${r.kills} × kill -9 under load of ${r.clients} clients, ${r.seconds.toFixed(1)} s`,
    `  acknowledged steps        ${r.acknowledged}`,
    `  steps without an answer   ${r.unacknowledged} (cut off by a kill: not acknowledged, applied or not)`,
    `  cases started / ended     ${r.casesStarted} / ${r.casesEnded}`,
    `  restarts by supervisor    ${r.restarts} (down ${ms.map(Math.round).join(', ')} ms)`,
    `  acknowledged steps lost   ${r.lost}`,
    `  half-applied cases        ${r.halfApplied}`,
    `  audit chain               ${r.auditIntact ? `intact, ${r.auditEntries} entries` : 'BROKEN'}`,
    `  due timers fired          ${r.timersFired} of ${r.timersDue} (${r.timersDueWhileDown} fell due while the server was down), ${r.timersFiredTwice} twice`,
    ...r.problems.map((p) => `  ! ${p}`),
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      clients: { type: 'string' },
      kills: { type: 'string' },
      steps: { type: 'string' },
      keep: { type: 'boolean' },
    },
  });
  const report = await crashTest({
    clients: values.clients ? Number(values.clients) : undefined,
    kills: values.kills ? Number(values.kills) : undefined,
    steps: values.steps ? Number(values.steps) : undefined,
    keep: values.keep,
    log: (line) => console.log(line),
  });
  console.log(formatReport(report));
  process.exitCode = report.lost || report.halfApplied || !report.auditIntact || report.problems.length ? 1 : 0;
}
