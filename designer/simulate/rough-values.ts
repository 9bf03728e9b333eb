import type { Field } from '../../runtime/model/index.js';

/**
 * Answers typed so far, read roughly as the values they will become (yes/no
 * as booleans, numbers as numbers), only to decide which conditional
 * questions to show while answering. The simulation validates for real.
 */
export function roughValues(fields: Field[], raw: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    const v = raw[f.id];
    if (v === undefined || v === '') continue;
    if (f.type === 'yes-no') out[f.id] = v === 'true' || v === true;
    else if ((f.type === 'number' || f.type === 'money') && typeof v === 'string') {
      const s = v.replace(/\s|€/g, '');
      const n = Number(s.includes(',') ? s.replace(/\./g, '').replace(',', '.') : s);
      if (Number.isFinite(n)) out[f.id] = n;
    } else out[f.id] = v;
  }
  return out;
}
