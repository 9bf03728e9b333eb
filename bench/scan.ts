/**
 * Register scan: N rows of CSV (generated on the fly as a stream, never held
 * whole) through createProactive(...).scan for the stadspas process — every
 * 10th row eligible, so a tenth of the rows start a case. Times it and
 * samples the peak RSS; the baseline in the same run is only parsing the
 * same stream (registerRows) with nothing done per row.
 * Run alone: `npx tsx bench/scan.ts --rows=100000` (prints JSON).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { createProactive, registerRows } from '../runtime/engine/index.js';
import { isValidBsn } from '../runtime/model/index.js';
import { importProcesses, openServices } from '../runtime/setup.js';

/** The CSV register as a stream: a header, then `rows` lines in chunks of 1,000. */
function register(rows: number): Readable {
  async function* lines() {
    yield 'bsn,inkomen\n';
    let n = 0;
    let candidate = 100_000_000;
    let chunk = '';
    while (n < rows) {
      while (!isValidBsn(String(candidate))) candidate++;
      chunk += `${candidate},${n % 10 === 0 ? 1000 : 2500}\n`;
      candidate++;
      n++;
      if (n % 1000 === 0) {
        yield chunk;
        chunk = '';
      }
    }
    if (chunk) yield chunk;
  }
  return Readable.from(lines());
}

export async function benchScan(rows: number) {
  const dir = mkdtempSync(join(tmpdir(), 'omslag-bench-scan-'));
  const services = await openServices(dir);
  await importProcesses(join(import.meta.dirname, '../processes'), services.store, services.processes, 'bench');
  const proactive = createProactive(services);
  let peak = process.memoryUsage().rss;
  const rssBefore = peak;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  try {
    // Baseline: the same stream parsed, nothing done per row.
    const b0 = performance.now();
    let parsed = 0;
    for await (const row of registerRows(register(rows), 'csv')) if (!(row instanceof Error)) parsed++;
    const baselineMs = performance.now() - b0;
    if (parsed !== rows) throw new Error(`parsed ${parsed} of ${rows} rows`);

    const s0 = performance.now();
    const cpu0 = process.cpuUsage();
    const counts = await proactive.scan('stadspas', registerRows(register(rows), 'csv'), {
      dryRun: false,
      actor: 'bench',
    });
    const scanMs = performance.now() - s0;
    // CPU time of the scan: steadier than scanMs on a busy machine (the SQLite work runs on this thread too).
    const cpu = process.cpuUsage(cpu0);
    const scanCpuMs = (cpu.user + cpu.system) / 1000;
    peak = Math.max(peak, process.memoryUsage().rss);
    if (counts.rows !== rows) throw new Error(`scanned ${counts.rows} of ${rows} rows`);
    return {
      rows,
      started: counts.started,
      eligible: counts.eligible,
      scanMs,
      scanCpuMs,
      baselineMs,
      rowsPerSecond: rows / (scanMs / 1000),
      rssBeforeMb: rssBefore / 2 ** 20,
      peakRssMb: peak / 2 ** 20,
    };
  } finally {
    clearInterval(sampler);
    await services.store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = Number(process.argv.find((a) => a.startsWith('--rows='))?.slice(7) ?? 100_000);
  console.log(JSON.stringify(await benchScan(rows)));
}
