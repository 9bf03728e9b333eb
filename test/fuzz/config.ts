/**
 * Sizes and thresholds of the fuzz suite. `npm test` runs the defaults;
 * `npm run fuzz -- --runs 20000` (scripts/fuzz.ts) or the environment
 * variables below make it bigger.
 */
const num = (name: string, fallback: number) => {
  const raw = process.env[name];
  const n = raw === undefined || raw === '' ? NaN : Number(raw);
  return Number.isFinite(n) && n >= 0 ? n : fallback;
};

export type FuzzConfig = {
  /** Generated bad requests across the API route table (spread evenly over the routes). */
  apiRuns: number;
  /** Generated requests across the citizen pages (route table of the pages router, plus odd paths). */
  pageRuns: number;
  /** Generated bad definitions through draft, publish, start and submit. */
  definitions: number;
  /** fast-check seed: fixed by default so a run is repeatable; the seed is printed on failure. */
  seed: number;
  /** The server must not be blocked longer than this while it answers one request (what /api/health would wait). */
  stallMs: number;
  /** One request may take at most this long (its own answer, even when the work happens off the event loop). */
  slowMs: number;
  /** GET /api/health must answer within this after every run. */
  healthMs: number;
  /** A request without an answer after this long is given up (a hang). */
  timeoutMs: number;
};

export function fuzzConfig(over: Partial<FuzzConfig> = {}): FuzzConfig {
  const runs = num('FUZZ_RUNS', 1200);
  return {
    apiRuns: runs,
    pageRuns: num('FUZZ_PAGE_RUNS', Math.round(runs / 3)),
    definitions: num('FUZZ_DEFINITIONS', Math.max(200, Math.round(runs / 6))),
    seed: num('FUZZ_SEED', 20260302),
    stallMs: num('FUZZ_STALL_MS', 500),
    slowMs: num('FUZZ_SLOW_MS', 3000),
    healthMs: num('FUZZ_HEALTH_MS', 500),
    timeoutMs: num('FUZZ_TIMEOUT_MS', 5000),
    ...over,
  };
}
