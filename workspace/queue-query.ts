// The queue's filters and order, kept in the address (a reload or a shared link keeps
// them) and turned into the API's query. The API filters and sorts (GET /api/tasks).

export type Sort = 'deadline' | 'received' | '-received';
export const SORTS: readonly Sort[] = ['deadline', 'received', '-received'];

/** `team` '': all the official's teams (the default). */
export type Filters = {
  team: string;
  status: string;
  process: string;
  mine: boolean;
  overdue: boolean;
  sort: Sort;
};

/** Filters from the address (so a reload or a shared link keeps them). */
export function filtersFrom(query: URLSearchParams, teams: string[]): Filters {
  const team = query.get('team');
  const sort = query.get('sort');
  return {
    team: team && teams.includes(team) ? team : '',
    status: query.get('status') ?? 'active',
    process: query.get('process') ?? '',
    mine: query.get('mine') === '1',
    overdue: query.get('overdue') === '1',
    sort: SORTS.find((s) => s === sort) ?? 'deadline',
  };
}

/** The filters as the address's query (defaults left out). */
export function filtersQuery(f: Filters): string {
  const q = new URLSearchParams();
  if (f.team) q.set('team', f.team);
  if (f.status !== 'active') q.set('status', f.status);
  if (f.process) q.set('process', f.process);
  if (f.mine) q.set('mine', '1');
  if (f.overdue) q.set('overdue', '1');
  if (f.sort !== 'deadline') q.set('sort', f.sort);
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** The filters as the API's query: every filter together, and the order. */
export function tasksQuery(f: Filters): string {
  const q = new URLSearchParams({ status: f.status });
  if (f.team) q.set('team', f.team);
  if (f.process) q.set('process', f.process);
  if (f.mine) q.set('assignee', 'me');
  if (f.overdue) q.set('overdue', 'true');
  if (f.sort !== 'deadline') q.set('sort', f.sort);
  return q.toString();
}

/**
 * The query for "next task" after a decision: the same queue (team, process,
 * only mine, only overdue, order), but only tasks still to be done.
 */
export function nextTaskQuery(f: Filters): string {
  return tasksQuery({ ...f, status: 'active' });
}

type Queued = { id: string; status: string; assignee: string | null; proposal?: { proposedBy: string } | null };

/**
 * The next task to handle in that order: the first one open, or held by me,
 * other than the one just done (and not my own proposal: a second official decides that).
 */
export function nextTask<T extends Queued>(tasks: T[], done: string, me: string): T | undefined {
  return tasks.find(
    (x) =>
      x.id !== done &&
      x.proposal?.proposedBy !== me &&
      (x.status === 'open' || (x.status === 'claimed' && x.assignee === me)),
  );
}
