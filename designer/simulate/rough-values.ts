import { roughValue, type Field } from '../../runtime/model/index.js';

/**
 * Answers typed so far, read roughly as the values they will become (yes/no
 * as booleans, numbers as numbers, by the field kinds' own parsing), only to
 * decide which conditional questions to show while answering. The simulation
 * validates for real.
 */
export function roughValues(fields: Field[], raw: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    const v = roughValue(f, raw[f.id]);
    if (v !== undefined) out[f.id] = v;
  }
  return out;
}
