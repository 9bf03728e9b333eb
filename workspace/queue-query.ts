// The queue's filters, kept in the address (a reload or a shared link keeps
// them) and turned into the API's query.

export type Filters = { team: string; status: string; process: string; mine: boolean; overdue: boolean };

/** Filters from the address (so a reload or a shared link keeps them). */
export function filtersFrom(query: URLSearchParams, teams: string[]): Filters {
  const team = query.get('team');
  return {
    team: team && teams.includes(team) ? team : (teams[0] ?? ''),
    status: query.get('status') ?? 'active',
    process: query.get('process') ?? '',
    mine: query.get('mine') === '1',
    overdue: query.get('overdue') === '1',
  };
}

/** The filters as the address's query (defaults left out). */
export function filtersQuery(f: Filters, teams: string[]): string {
  const q = new URLSearchParams();
  if (f.team && f.team !== teams[0]) q.set('team', f.team);
  if (f.status !== 'active') q.set('status', f.status);
  if (f.process) q.set('process', f.process);
  if (f.mine) q.set('mine', '1');
  if (f.overdue) q.set('overdue', '1');
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** The filters as the API's query. */
export function tasksQuery(f: Filters): string {
  const q = new URLSearchParams({ team: f.team, status: f.status });
  if (f.process) q.set('process', f.process);
  if (f.mine) q.set('assignee', 'me');
  if (f.overdue) q.set('overdue', 'true');
  return q.toString();
}
