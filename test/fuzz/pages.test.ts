/**
 * The fuzz suite, part 2: the citizen pages (every GET and POST route of
 * the pages router, read from its route stack) and odd paths anywhere.
 * Size: FUZZ_PAGE_RUNS requests (default FUZZ_RUNS / 3), spread over the
 * routes, plus as many odd paths as one route gets (at least 60).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { fuzzConfig } from './config.js';
import { Fuzz } from './harness.js';
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

const cfg = fuzzConfig();
const fz = await Fuzz.start(cfg);
const routes = pageRouteTable(fz);
const perRoute = Math.max(1, Math.ceil(cfg.pageRuns / Math.max(1, routes.length)));
let fixtures: PageFixtures | undefined;

afterAll(async () => {
  await fz.close();
});

describe('fuzz: the citizen pages', () => {
  it('reads the pages router', () => {
    expect(routes.length).toBeGreaterThanOrEqual(20);
  });
  for (const route of routes) {
    it(
      route.label,
      async () => {
        fixtures = await pageFixtures(fz, fixtures);
        const fx = fixtures;
        await fz.property(
          route.label,
          pageCaseArb(route, fx),
          perRoute,
          async (c) => {
            await sendPage(fz, c, pageRequest(route, c, fx));
          },
          pageExamples(route, fx),
        );
      },
      120_000,
    );
  }
  it('odd paths anywhere', async () => {
    fixtures = await pageFixtures(fz, fixtures);
    const fx = fixtures;
    await fz.property(
      'odd paths',
      oddPathArb,
      Math.max(60, perRoute),
      async (c) => {
        await fz.send(oddRequest(c, fx));
      },
      ODD_PATHS.map((path): OddCase => ({ method: 'GET', path, cookie: false, body: false })),
    );
  }, 120_000);
});
