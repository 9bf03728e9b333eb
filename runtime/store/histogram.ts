/**
 * Durations as a log-scale histogram: four buckets per doubling (each about
 * 19 % wide), so a day's visits to a step fit in a few dozen numbers and
 * percentiles over a million visits come from summing them.
 */
export type Histogram = Record<string, number>;

export const bucketOf = (ms: number) => Math.floor(Math.log2(Math.max(0, ms) + 1) * 4);
/** The middle of a bucket (geometric), in ms. */
export const bucketValue = (bucket: number) => Math.round(2 ** ((bucket + 0.5) / 4) - 1);

export function addTo(h: Histogram, ms: number): Histogram {
  const b = String(bucketOf(ms));
  h[b] = (h[b] ?? 0) + 1;
  return h;
}

export function merge(into: Histogram, from: Histogram): Histogram {
  for (const [b, n] of Object.entries(from)) into[b] = (into[b] ?? 0) + n;
  return into;
}

/** The value at a 0-based rank (nearest-rank percentile), estimated from the buckets. */
export function valueAtRank(h: Histogram, rank: number): number | null {
  const buckets = Object.keys(h)
    .map(Number)
    .sort((a, b) => a - b);
  let seen = 0;
  for (const b of buckets) {
    seen += h[String(b)];
    if (seen > rank) return b === 0 ? 0 : bucketValue(b);
  }
  return null;
}
