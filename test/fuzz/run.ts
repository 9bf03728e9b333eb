/**
 * The fuzz suite outside vitest, at any size: `npm run fuzz -- --runs 20000`.
 * By default it surveys: every run is sent, every violation is recorded,
 * and the distinct failures are printed at the end (one curl line each),
 * with the count of requests per route. `--strict` stops each property at
 * its first failure instead, as `npm test` does.
 */
import { apiCaseArb, apiExamples, apiFixtures, apiRouteTable, toRequest, type ApiFixtures } from './api.js';
import { fuzzConfig, type FuzzConfig } from './config.js';
import { defCaseArb, defExamples, definitionScenario, FAMILIES } from './definitions.js';
import { formatViolations, Fuzz, groupViolations, Recorder, type Mode, type Req, type Violation } from './harness.js';
import {
  ODD_PATHS,
  oddPathArb,
  oddRequest,
  pageCaseArb,
  pageExamples,
  pageFixtures,
  pageRequest,
  pageRouteTable,
  sendPage,
  type OddCase,
  type PageFixtures,
} from './pages.js';

export type RunOptions = {
  cfg: FuzzConfig;
  mode: Mode;
  parts: Set<string>;
  bodiesDir?: string;
  log: (line: string) => void;
};

export function parseArgs(argv: string[]): RunOptions {
  const over: Partial<FuzzConfig> = {};
  const parts = new Set<string>();
  let mode: Mode = 'survey';
  let bodiesDir: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    const int = () => {
      const n = Number(value());
      if (!Number.isFinite(n) || n < 0) throw new Error(`${a} needs a number`);
      return n;
    };
    if (a === '--runs') {
      const n = int();
      over.apiRuns = n;
      over.pageRuns = Math.round(n / 3);
      over.definitions = Math.max(200, Math.round(n / 6));
    } else if (a === '--pages') over.pageRuns = int();
    else if (a === '--definitions') over.definitions = int();
    else if (a === '--seed') over.seed = int();
    else if (a === '--stall-ms') over.stallMs = int();
    else if (a === '--timeout-ms') over.timeoutMs = int();
    else if (a === '--strict') mode = 'assert';
    else if (a === '--bodies') bodiesDir = value();
    else if (a === '--only') for (const p of value().split(',')) parts.add(p);
    else if (a === '--help' || a === '-h') {
      throw new Error(
        'usage: npm run fuzz -- [--runs N] [--pages N] [--definitions N] [--seed S] [--only api,pages,definitions] [--strict] [--bodies DIR] [--stall-ms MS] [--timeout-ms MS]',
      );
    } else throw new Error(`unknown option ${a} (try --help)`);
  }
  if (!parts.size) for (const p of ['api', 'pages', 'definitions']) parts.add(p);
  return { cfg: fuzzConfig(over), mode, parts, bodiesDir, log: (line) => console.log(line) };
}

const NARROWABLE = new Set(['5xx', 'internals', 'envelope', 'default-error-page', 'changed-on-refusal']);
const omit = (o: Record<string, string>, k: string) =>
  Object.fromEntries(Object.entries(o).filter(([key]) => key !== k));

/**
 * For the first violation of each group: drops each header, the query, the
 * body and each top-level key of a JSON body in turn, keeping a removal when
 * the request still fails the same way. What is left is what the failure needs.
 */
async function narrowAll(fz: Fuzz, list: Violation[]) {
  const firsts = new Map<string, Violation>();
  for (const v of list) {
    if (!NARROWABLE.has(v.kind) || v.req.label.startsWith('definition') || v.narrowed) continue;
    const key = `${v.kind} ${v.req.label} ${v.reply?.status}`;
    if (!firsts.has(key)) firsts.set(key, v);
  }
  for (const v of firsts.values()) {
    const fails = async (r: Req) => (await fz.probe(r)).some((x) => x.kind === v.kind);
    if (!(await fails(v.req))) continue;
    let cur: Req = v.req;
    for (const h of Object.keys(cur.headers)) {
      const t = { ...cur, headers: omit(cur.headers, h) };
      if (await fails(t)) cur = t;
    }
    if (cur.path.includes('?')) {
      const t = { ...cur, path: cur.path.slice(0, cur.path.indexOf('?')) };
      if (await fails(t)) cur = t;
    }
    if (cur.body !== undefined) {
      const t = { ...cur, body: undefined };
      if (await fails(t)) cur = t;
    }
    if (typeof cur.body === 'string' && cur.body.length < 300_000) {
      let obj: unknown;
      try {
        obj = JSON.parse(cur.body);
      } catch {
        /* not JSON */
      }
      if (obj && typeof obj === 'object' && !Array.isArray(obj)) {
        for (const k of Object.keys(obj)) {
          const rest = Object.fromEntries(Object.entries(obj as Record<string, unknown>).filter(([key]) => key !== k));
          let text: string;
          try {
            text = JSON.stringify(rest);
          } catch {
            break;
          } // too deep to write again
          const t = { ...cur, body: text };
          if (await fails(t)) {
            cur = t;
            obj = rest;
          }
        }
      }
    }
    const needs = [
      ...Object.entries(cur.headers)
        .filter(([k]) => k !== 'authorization' && k !== 'cookie')
        .map(([k, val]) => `${k}: ${val.length > 40 ? `${val.slice(0, 40)}…` : val}`),
      ...(cur.headers.authorization || cur.headers.cookie ? ['credentials'] : []),
      ...(cur.path.includes('?') ? ['the query'] : []),
      ...(cur.body !== undefined
        ? [
            `a body${typeof cur.body === 'string' && cur.body.length <= 60 ? ` ${cur.body}` : ` (${Buffer.byteLength(cur.body)} bytes)`}`,
          ]
        : []),
    ];
    const narrowed = { curl: fz.curl(cur), needs };
    for (const x of list)
      if (
        `${x.kind} ${x.req.label} ${x.reply?.status}` === `${v.kind} ${v.req.label} ${v.reply?.status}` &&
        !x.narrowed
      )
        x.narrowed = narrowed;
  }
}

/** Runs the asked parts; returns the number of distinct failures. */
export async function runFuzz(opts: RunOptions): Promise<number> {
  const { cfg, mode, log } = opts;
  const recorder = new Recorder();
  const started = performance.now();
  const failedProperties: string[] = [];
  const guard = async (name: string, run: () => Promise<void>) => {
    try {
      await run();
    } catch (e) {
      failedProperties.push(name);
      if (mode === 'survey') log(`property ${name} threw: ${(e as Error).message.split('\n').slice(0, 6).join('\n')}`);
    }
  };
  let printer: Fuzz | undefined;
  log(
    `fuzz: seed ${cfg.seed}, ${cfg.apiRuns} API requests, ${cfg.pageRuns} page requests, ${cfg.definitions} definitions, mode ${mode}`,
  );

  if (opts.parts.has('api')) {
    const from = recorder.violations.length;
    const fz = await Fuzz.start(cfg, { mode, recorder, bodiesDir: opts.bodiesDir });
    printer ??= fz;
    const routes = await apiRouteTable(fz);
    const perRoute = Math.max(1, Math.ceil(cfg.apiRuns / routes.length));
    let fx: ApiFixtures | undefined;
    for (const route of routes) {
      fx = await apiFixtures(fz, fx);
      const fixtures = fx;
      await guard(route.label, () =>
        fz.property(
          route.label,
          apiCaseArb(route, fixtures),
          perRoute,
          async (c) => {
            await fz.send(toRequest(route, c, fz, fixtures));
          },
          apiExamples(route, fixtures),
        ),
      );
    }
    if (mode === 'survey') await narrowAll(fz, recorder.violations.slice(from));
    log(`api: ${routes.length} routes, ${perRoute} runs each (${Math.round((performance.now() - started) / 1000)} s)`);
    if (printer !== fz) await fz.close();
  }

  if (opts.parts.has('pages')) {
    const from = recorder.violations.length;
    const fz = await Fuzz.start(cfg, { mode, recorder, bodiesDir: opts.bodiesDir });
    printer ??= fz;
    const routes = pageRouteTable(fz);
    const perRoute = Math.max(1, Math.ceil(cfg.pageRuns / routes.length));
    let fx: PageFixtures | undefined;
    for (const route of routes) {
      fx = await pageFixtures(fz, fx);
      const fixtures = fx;
      await guard(route.label, () =>
        fz.property(
          route.label,
          pageCaseArb(route, fixtures),
          perRoute,
          async (c) => {
            await sendPage(fz, c, pageRequest(route, c, fixtures));
          },
          pageExamples(route, fixtures),
        ),
      );
    }
    fx = await pageFixtures(fz, fx);
    const fixtures = fx;
    await guard('odd paths', () =>
      fz.property(
        'odd paths',
        oddPathArb,
        Math.max(60, perRoute),
        async (c) => {
          await fz.send(oddRequest(c, fixtures));
        },
        ODD_PATHS.map((path): OddCase => ({ method: 'GET', path, cookie: false, body: false })),
      ),
    );
    if (mode === 'survey') await narrowAll(fz, recorder.violations.slice(from));
    log(
      `pages: ${routes.length} routes, ${perRoute} runs each, odd paths (${Math.round((performance.now() - started) / 1000)} s)`,
    );
    if (printer !== fz) await fz.close();
  }

  if (opts.parts.has('definitions')) {
    const families = Object.keys(FAMILIES);
    const perFamily = Math.max(1, Math.ceil(cfg.definitions / families.length));
    // At most CHUNK definitions per server: every designer list checks every draft, and a server with thousands
    // of drafts is slow for that reason alone (a scale question, not the bad input this looks for).
    const CHUNK = 100;
    for (const family of families) {
      for (let done = 0, chunk = 0; done < perFamily; done += CHUNK, chunk++) {
        const fz = await Fuzz.start({ ...cfg, seed: cfg.seed + chunk }, { mode, recorder, bodiesDir: opts.bodiesDir });
        const runs = Math.min(CHUNK, perFamily - done);
        await guard(`definitions: ${family}`, () =>
          fz.property(
            `definitions: ${family}`,
            defCaseArb(family),
            runs,
            (c) => definitionScenario(fz, c),
            chunk === 0 ? defExamples(family) : [],
          ),
        );
        if (printer) await fz.close();
        else printer = fz;
      }
    }
    log(
      `definitions: ${families.length} families, ${perFamily} each (${Math.round((performance.now() - started) / 1000)} s)`,
    );
  }

  log('\nrequests per route:');
  for (const [label, n] of [...recorder.counts].sort((a, b) => a[0].localeCompare(b[0]))) {
    const statuses = [...(recorder.statuses.get(label) ?? new Map<number, number>())]
      .sort((a, b) => a[0] - b[0])
      .map(([status, k]) => `${status || 'none'}×${k}`)
      .join(' ');
    log(`  ${String(n).padStart(6)}  ${label}   [${statuses}]`);
  }
  log(
    `\n${recorder.requests} requests, ${recorder.definitions} definitions in ${Math.round((performance.now() - started) / 1000)} s`,
  );

  const groups = groupViolations(recorder.violations);
  if (printer) {
    log(
      `\n${groups.length} distinct failure(s), ${recorder.violations.length} violation(s) in all${failedProperties.length ? `; failing properties: ${failedProperties.length}` : ''}`,
    );
    for (const g of groups.sort((a, b) => a.key.localeCompare(b.key))) {
      log(`\n× ${g.key}  (${g.count}×)\n${formatViolations([g.first], printer)}`);
    }
    await printer.close();
  }
  return groups.length;
}
