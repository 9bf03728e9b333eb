import { describe, expect, it } from 'vitest';
import { addTo, bucketOf, merge, valueAtRank, type Histogram } from '../../../runtime/store/histogram.js';

describe('duration histograms (percentiles above 10,000 visits)', () => {
  it('estimates nearest-rank percentiles within 10 % of the exact value, also after merging days', () => {
    const values: number[] = [];
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const days: Histogram[] = [{}, {}, {}];
    for (let i = 0; i < 60_000; i++) {
      const v = Math.floor(random() ** 2 * 4 * 3_600_000); // skewed: many short visits, some long
      values.push(v);
      addTo(days[i % 3], v);
    }
    const all = days.reduce((h, d) => merge(h, d), {} as Histogram);
    values.sort((a, b) => a - b);
    for (const p of [0.5, 0.9, 0.99]) {
      const rank = Math.ceil(p * values.length) - 1;
      const exact = values[rank];
      const estimate = valueAtRank(all, rank)!;
      expect(Math.abs(estimate - exact) / exact).toBeLessThan(0.1);
    }
    expect(valueAtRank(all, values.length)).toBeNull();
    expect(valueAtRank(addTo({}, 0), 0)).toBe(0);
    expect(bucketOf(1000)).toBeLessThan(bucketOf(1300));
  });
});
