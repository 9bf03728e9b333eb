import { z } from 'zod';
import { exportPeriod, exportReads } from '../../auth/index.js';
import { HttpError } from '../errors.js';
import { defineRoute, type RouteDef } from '../route.js';
import type { Services } from '../services.js';
import { caseReadSchema } from '../schemas/reads.js';

/** The read log for an audit: every read of a citizen's case in a period, as CSV or JSON. */
export function readRoutes({ store }: Services): RouteDef[] {
  return [
    defineRoute({
      method: 'get',
      path: '/api/case-reads',
      tag: 'reads',
      roles: ['admin'],
      errors: [401, 403, 422],
      operationId: 'exportCaseReads',
      response: z.array(caseReadSchema),
      responseText: 'text/csv',
      query: {
        from: 'start of the period, inclusive: a date (midnight, Dutch time) or an instant',
        to: 'end of the period, exclusive',
        format: 'csv (default: a header row, RFC 4180) or json',
      },
      summary:
        "Who read citizens' cases (staff, intermediaries, API clients): who, when, which data, why — oldest first, streamed",
      handler: ({ query, res }) => {
        const format = query.format ?? 'csv';
        const period = exportPeriod(query.from, query.to);
        const problems = 'problems' in period ? { ...period.problems } : {};
        if (format !== 'csv' && format !== 'json') problems.format = ['csv or json'];
        if (Object.keys(problems).length || 'problems' in period)
          throw new HttpError(422, 'invalid-request', 'queryNeedsCorrecting', problems);
        const csv = format === 'csv';
        if (csv) res.set('Content-Disposition', 'attachment; filename="case-reads.csv"');
        return {
          body: [],
          chunks: exportReads(store, period.from, period.to, csv ? 'csv' : 'json'),
          type: csv ? 'text/csv; charset=utf-8; header=present' : 'application/json; charset=utf-8',
        };
      },
    }),
  ];
}
