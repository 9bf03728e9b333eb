/**
 * Citizen steps through HTTP: every request is a real step — the next form
 * of a case — of the benchmark process (three forms, a decision, an end).
 *
 * Driven by a small custom loop on node:http (a keep-alive Agent, one socket
 * per connection), not autocannon: autocannon 8, tried first (requests +
 * setupRequest), reported every server at ~150 steps/s for 150 requests (its
 * run ends on a one-second sampling tick) and latency in whole milliseconds
 * ("p50 0 ms"): too coarse when a step takes about a millisecond. Latency here is
 * performance.now() around each request, time to the last byte.
 *
 * A pool of cases is started first (not timed). Each connection takes the
 * next case from the pool, submits its three forms in order, then takes the
 * next case, until the pool is used up: `cases × 3` steps, all counted.
 * The same JSON bodies go to Omslag, the baselines and the peer.
 */
import { Agent, request } from 'node:http';
import { inParallel, percentile } from './lib.js';

/** The answers of the three form steps (the same bodies for every server). */
export const stepBodies = [
  { type: 'submit', data: { naam: 'Jan Jansen', huishouden: 'samen' } },
  { type: 'submit', data: { inkomen: 1500, vermogen: 100 } },
  { type: 'submit', data: { iban: 'NL91ABNA0417164300', akkoord: true } },
].map((b) => Buffer.from(JSON.stringify(b)));

export type Target = {
  name: string;
  base: string;
  /** Several nodes of one server: connection i goes to bases[i % bases.length] (default: [base]). */
  bases?: string[];
  headers: Record<string, string>;
  /** Starts one case (not timed); its id. */
  start: () => Promise<string>;
  /** The path that takes a case's next event. */
  eventPath: (id: string) => string;
};

export type LoadResult = {
  connections: number;
  steps: number;
  seconds: number;
  stepsPerSecond: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
};

function post(agent: Agent, url: URL, path: string, headers: Record<string, string>, body: Buffer): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        agent,
        host: url.hostname,
        port: url.port,
        path,
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json', 'content-length': String(body.length) },
      },
      (res) => {
        res.on('data', () => {});
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** At least `steps` citizen steps (whole cases of three) at `connections` connections. */
export async function citizenLoad(target: Target, connections: number, steps: number): Promise<LoadResult> {
  const cases = Math.max(connections, Math.ceil(steps / 3));
  const pool = await inParallel(cases, 8, () => target.start());
  const urls = (target.bases?.length ? target.bases : [target.base]).map((b) => new URL(b));
  // One agent per node, each with the sockets of the connections it serves.
  const agents = urls.map(
    (_, n) => new Agent({ keepAlive: true, maxSockets: Math.max(1, Math.ceil((connections - n) / urls.length)) }),
  );
  const latencies: number[] = [];
  let non2xx = 0;
  let errors = 0;
  let next = 0;
  const connection = async (_: unknown, i: number) => {
    const agent = agents[i % urls.length];
    const url = urls[i % urls.length];
    while (next < pool.length) {
      const id = pool[next++];
      for (const body of stepBodies) {
        const s = performance.now();
        try {
          const status = await post(agent, url, target.eventPath(id), target.headers, body);
          if (status < 200 || status >= 300) non2xx++;
        } catch {
          errors++;
        }
        latencies.push(performance.now() - s);
      }
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: connections }, connection));
  const seconds = (performance.now() - t0) / 1000;
  for (const agent of agents) agent.destroy();
  return {
    connections,
    steps: latencies.length,
    seconds,
    stepsPerSecond: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    non2xx,
    errors,
  };
}

/** Steps to run for about `seconds` at the rate a short warm-up showed (whole cases; between 60 and 60,000). */
export async function calibrate(target: Target, seconds: number): Promise<number> {
  const warm = await citizenLoad(target, 10, 90);
  return Math.min(60_000, Math.max(60, Math.round((warm.stepsPerSecond * seconds) / 3) * 3));
}
