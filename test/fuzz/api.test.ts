/**
 * The fuzz suite, part 1: generated bad requests across every route of the
 * API's route table (issue 11, Build item 12). One fast-check property per
 * route, read at collection time from apiRoutes() and the OpenAPI document,
 * so a new route is fuzzed without a change here. Size: FUZZ_RUNS requests
 * in all (default 1200), spread evenly over the routes.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { apiCaseArb, apiExamples, apiFixtures, apiRouteTable, toRequest, type ApiFixtures } from './api.js';
import { fuzzConfig } from './config.js';
import { Fuzz } from './harness.js';

const cfg = fuzzConfig();
const fz = await Fuzz.start(cfg);
const routes = await apiRouteTable(fz);
const perRoute = Math.max(1, Math.ceil(cfg.apiRuns / Math.max(1, routes.length)));
let fixtures: ApiFixtures | undefined;
let failed = 0;

afterAll(async () => {
  await fz.close();
});

describe('fuzz: bad requests to every API route', () => {
  it("sees every write to the database, and leaves the server's writes working", async () => {
    const before = fz.dbSnapshot();
    expect(fz.changedSince(before)).toEqual([]);
    // An upsert (step_stats) and plain inserts: the watch's triggers must neither miss nor break them.
    await fz.s.engine.startCase('grofvuil', '999993653', 'citizen');
    await fz.s.engine.startCase('grofvuil', '999993653', 'citizen');
    const changed = fz.changedSince(before).map((t) => t.split(' ')[0]);
    expect(changed).toEqual(expect.arrayContaining(['audit', 'cases', 'step_stats', 'step_visits']));
  });
  it('reads the whole route table', () => {
    expect(routes.length).toBeGreaterThanOrEqual(30);
    expect(perRoute * routes.length).toBeGreaterThanOrEqual(cfg.apiRuns);
  });
  for (const route of routes) {
    it(
      route.label,
      async () => {
        fixtures = await apiFixtures(fz, fixtures);
        const fx = fixtures;
        try {
          await fz.property(
            route.label,
            apiCaseArb(route, fx),
            perRoute,
            async (c) => {
              await fz.send(toRequest(route, c, fz, fx));
            },
            apiExamples(route, fx),
          );
        } catch (e) {
          failed++;
          throw e;
        }
      },
      120_000,
    );
  }
  it(`sends ${perRoute} requests per route, ${perRoute * routes.length} in all`, () => {
    const missing = routes.filter((r) => !fz.recorder.counts.get(r.label)).map((r) => r.label);
    expect(missing, 'routes never fuzzed').toEqual([]);
    // A failing property stops at its first counterexample; when all pass, every run was sent.
    if (!failed)
      expect(routes.reduce((n, r) => n + (fz.recorder.counts.get(r.label) ?? 0), 0)).toBeGreaterThanOrEqual(
        cfg.apiRuns,
      );
  });
});
