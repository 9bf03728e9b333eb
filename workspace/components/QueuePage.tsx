import { useEffect, useRef, useState } from 'react';
import { ok, ApiError } from '../api.js';
import { useWorkspace } from '../context.js';
import { formatTime } from '../format.js';
import { BASE, deliveriesHref, Link, mandatesHref, navigate, useLocation } from '../router.js';
import type { Counts, ProcessSummary, Task } from '../types.js';
import { usePoll } from '../../browser/hooks/use-poll.js';
import { Notice } from '../../browser/ui/Notice.js';
import { PageHeading } from '../../browser/ui/PageHeading.js';
import { filtersFrom, filtersQuery, tasksQuery, type Filters } from '../queue-query.js';
import { CaseSearch } from './CaseSearch.js';
import { QueueFilters } from './QueueFilters.js';
import { TaskTable } from './TaskTable.js';

/** How often the queue asks for new tasks: new work shows within 2 seconds. */
export const POLL_MS = 1500;

/** One queue over all the official's teams (or one): filters, order, counts, the tasks, and a polite word when new ones arrive. */
export function QueuePage() {
  const { api, t, lang, user, flash, setFlash } = useWorkspace();
  const { query } = useLocation();
  const filters = filtersFrom(query, user.teams);
  const key = tasksQuery(filters);
  const [tasks, setTasks] = useState<Task[] | null>(null);
  const [counts, setCounts] = useState<Counts | null>(null);
  const [processes, setProcesses] = useState<ProcessSummary[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [updated, setUpdated] = useState<Date | null>(null);
  // The task ids seen under the current filters; null until their first answer.
  const seen = useRef<Set<string> | null>(null);
  const [shownFlash] = useState(flash);

  // A message from the page before (say, "handed over to team X") is shown once.
  useEffect(() => setFlash(null), [setFlash]);
  useEffect(() => {
    ok(api.GET('/api/processes')).then(
      (r) => setProcesses(r.map((p) => ({ key: p.key, title: p.title }))),
      () => {},
    );
  }, [api, lang]);

  useEffect(() => {
    seen.current = null;
    setTasks(null);
  }, [key]);

  usePoll(
    async (signal) => {
      const [list, count] = await Promise.allSettled([
        ok(api.GET('/api/tasks', { params: { query: Object.fromEntries(new URLSearchParams(key)) }, signal })),
        ok(api.GET('/api/tasks/counts', { params: { query: filters.team ? { team: filters.team } : {} }, signal })),
      ]);
      if (signal.aborted) return;
      if (count.status === 'fulfilled') setCounts(count.value);
      if (list.status === 'rejected') {
        const error = list.reason as ApiError;
        setFailure(error.message);
        return;
      }
      const next = list.value;
      const before = seen.current;
      const fresh = before ? next.filter((task) => !before.has(task.id)) : [];
      if (fresh.length)
        setAnnouncement(t.newTasks(fresh.length, fresh.map((x) => x.caseReference ?? x.caseId.slice(0, 8)).join(', ')));
      seen.current = new Set(next.map((x) => x.id));
      setTasks(next);
      setFailure(null);
      setUpdated(new Date());
    },
    POLL_MS,
    [key, lang],
  );

  const queue = filtersQuery(filters);
  const change = (f: Filters) => navigate(`${BASE}/${filtersQuery(f)}`, { replace: true });
  const countItems: [string, number | undefined][] = counts
    ? [
        [t.countOpen, counts.open],
        [t.countClaimed, counts.claimed],
        [t.countMine, counts.mine],
        [t.countOverdue, counts.overdue],
        [t.countDueToday, counts.dueToday],
      ]
    : [];

  return (
    <>
      <PageHeading title={t.queue} appName={t.appName}>
        {t.queue}
      </PageHeading>
      {shownFlash && <Notice flash={shownFlash} />}
      <p className="utrecht-paragraph">
        <Link className="utrecht-link" href={mandatesHref}>
          {t.mandates.nav}
        </Link>
        {user.role === 'admin' && (
          <>
            {' · '}
            <Link className="utrecht-link" href={deliveriesHref}>
              {t.deliveries.nav}
            </Link>
          </>
        )}
      </p>
      <CaseSearch />
      <QueueFilters filters={filters} processes={processes} onChange={change} />
      {counts && (
        <section aria-labelledby="aantallen-titel" className="werkplek-counts">
          <h2 id="aantallen-titel" className="omslag-visually-hidden">
            {t.counts}: {filters.team || t.allTeams}
          </h2>
          <ul className="werkplek-counts__list">
            {countItems.map(([label, n]) => (
              <li key={label} className="werkplek-count">
                <span className="werkplek-count__n">{n ?? 0}</span> <span>{label}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {failure && <Notice flash={{ kind: 'error', text: t.loadFailed(failure) }} />}
      {/* Present from the start, so screen readers hear what is put in it later. */}
      <div className="omslag-visually-hidden" role="status" aria-live="polite" aria-atomic="true">
        {announcement}
      </div>
      {tasks === null && !failure && <p className="utrecht-paragraph">{t.loading}</p>}
      {tasks && tasks.length === 0 && <p className="utrecht-paragraph werkplek-empty">{t.noTasks}</p>}
      {tasks && tasks.length > 0 && (
        <TaskTable
          tasks={tasks}
          caption={filters.team ? t.tasksOf(filters.team) : t.tasksOfAll(user.teams.join(', '))}
          queue={queue}
        />
      )}
      {updated && <p className="werkplek-updated">{t.updatedAt(formatTime(updated, lang))}</p>}
    </>
  );
}
