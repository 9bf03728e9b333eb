import { useWorkspace } from '../context.js';
import { Options } from '../../browser/ui/Options.js';
import { SORTS, type Filters, type Sort } from '../queue-query.js';
import type { ProcessSummary } from '../types.js';

type Props = { filters: Filters; processes: ProcessSummary[]; onChange(filters: Filters): void };

/** Team (all by default), process, status, order, mine, overdue: they combine; each change applies at once (the table is updated, the page stays). */
export function QueueFilters({ filters, processes, onChange }: Props) {
  const { t, user } = useWorkspace();
  const set = <K extends keyof Filters>(key: K, value: Filters[K]) => onChange({ ...filters, [key]: value });
  const statuses: [string, string][] = [
    ['active', t.statusActive],
    ['open', t.statusOpen],
    ['claimed', t.statusClaimed],
    ['completed', t.statusCompleted],
    ['closed', t.statusClosed],
  ];
  const sorts: [Sort, string][] = [
    ['deadline', t.sortDeadline],
    ['received', t.sortReceived],
    ['-received', t.sortNewest],
  ];
  return (
    <form className="werkplek-filters" aria-label={t.filters} onSubmit={(e) => e.preventDefault()}>
      <div className="utrecht-form-field">
        <label className="utrecht-form-label" htmlFor="filter-team">
          {t.team}
        </label>
        <select
          id="filter-team"
          className="utrecht-select utrecht-select--html-select"
          value={filters.team}
          onChange={(e) => set('team', e.target.value)}
        >
          <option value="">{t.allTeams}</option>
          {user.teams.map((team) => (
            <option key={team} value={team}>
              {team}
            </option>
          ))}
        </select>
      </div>
      <div className="utrecht-form-field">
        <label className="utrecht-form-label" htmlFor="filter-process">
          {t.process}
        </label>
        <select
          id="filter-process"
          className="utrecht-select utrecht-select--html-select"
          value={filters.process}
          onChange={(e) => set('process', e.target.value)}
        >
          <option value="">{t.allProcesses}</option>
          <Options options={processes.map((p) => ({ value: p.key, label: p.title }))} />
        </select>
      </div>
      <div className="utrecht-form-field">
        <label className="utrecht-form-label" htmlFor="filter-status">
          {t.status}
        </label>
        <select
          id="filter-status"
          className="utrecht-select utrecht-select--html-select"
          value={filters.status}
          onChange={(e) => set('status', e.target.value)}
        >
          {statuses.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <div className="utrecht-form-field">
        <label className="utrecht-form-label" htmlFor="filter-sort">
          {t.sortBy}
        </label>
        <select
          id="filter-sort"
          className="utrecht-select utrecht-select--html-select"
          value={filters.sort}
          onChange={(e) => set('sort', SORTS.find((s) => s === e.target.value) ?? 'deadline')}
        >
          {sorts.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <div className="werkplek-checks">
        <div className="utrecht-form-field utrecht-form-field--checkbox werkplek-option">
          <input
            id="filter-mine"
            type="checkbox"
            className="utrecht-checkbox utrecht-checkbox--html-input"
            checked={filters.mine}
            onChange={(e) => set('mine', e.target.checked)}
          />
          <label className="utrecht-form-label utrecht-form-label--checkbox" htmlFor="filter-mine">
            {t.onlyMine}
          </label>
        </div>
        <div className="utrecht-form-field utrecht-form-field--checkbox werkplek-option">
          <input
            id="filter-overdue"
            type="checkbox"
            className="utrecht-checkbox utrecht-checkbox--html-input"
            checked={filters.overdue}
            onChange={(e) => set('overdue', e.target.checked)}
          />
          <label className="utrecht-form-label utrecht-form-label--checkbox" htmlFor="filter-overdue">
            {t.onlyOverdue}
          </label>
        </div>
      </div>
    </form>
  );
}
