// Summarises a .cpuprofile: the self time of better-sqlite3 calls by the Omslag function that made them.
import { readFileSync, readdirSync } from 'node:fs';
const dir = process.argv[2];
const file = readdirSync(dir)
  .filter((f) => f.endsWith('.cpuprofile'))
  .map((f) => `${dir}/${f}`)[0];
const prof = JSON.parse(readFileSync(file, 'utf8'));
const byId = new Map(prof.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const self = new Map();
for (let i = 0; i < prof.samples.length; i++)
  self.set(prof.samples[i], (self.get(prof.samples[i]) ?? 0) + (prof.timeDeltas[i] ?? 0));
const total = [...self.values()].reduce((a, b) => a + b, 0);
// attribute self time of better-sqlite3 frames to the nearest omslag caller function
const agg = new Map();
for (const [id, us] of self) {
  const f = byId.get(id).callFrame;
  if (!f.url.includes('better-sqlite3') && f.url) continue;
  if (!f.url && !f.functionName.match(/prepare|run|get|all|iterate/)) continue;
  let p = id,
    caller = null;
  while (p !== undefined) {
    const cf = byId.get(p).callFrame;
    if (cf.url.includes('/runtime/')) {
      caller = cf.url.split('/runtime/')[1] + ':' + cf.functionName;
      break;
    }
    p = parent.get(p);
  }
  const k = `${f.functionName || '(anon)'} <- ${caller}`;
  agg.set(k, (agg.get(k) ?? 0) + us);
}
for (const [k, us] of [...agg].sort((a, b) => b[1] - a[1]).slice(0, 15))
  console.log(((us / total) * 100).toFixed(1).padStart(5) + '%', k);
