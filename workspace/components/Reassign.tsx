import { useEffect, useState, type FormEvent } from 'react';
import { ok } from '../api.js';
import { useWorkspace } from '../context.js';
import type { TaskDetail } from '../types.js';

type Props = { task: TaskDetail; busy: boolean; onAssign(to: { user?: string; team?: string }): void };

/** Reassign to a member of the task's team, or hand over to another team. */
export function Reassign({ task, busy, onAssign }: Props) {
  const { api, t, user } = useWorkspace();
  const [members, setMembers] = useState<string[]>([]);
  const [member, setMember] = useState('');
  const [team, setTeam] = useState('');

  useEffect(() => {
    ok(api.GET('/api/teams/{team}/members', { params: { path: { team: task.team } } })).then(
      (r) => setMembers(r.map((m) => m.name)),
      () => setMembers([]),
    );
  }, [api, task.team]);

  const toMember = (e: FormEvent) => {
    e.preventDefault();
    if (member && !busy) onAssign({ user: member });
  };
  const toTeam = (e: FormEvent) => {
    e.preventDefault();
    if (team.trim() && !busy) onAssign({ team: team.trim() });
  };
  const otherTeams = user.teams.filter((x) => x !== task.team);

  return (
    <details className="werkplek-details">
      <summary>{t.reassign}</summary>
      <form className="werkplek-inline-form" onSubmit={toMember}>
        <div className="utrecht-form-field">
          <label className="utrecht-form-label" htmlFor="toewijzen-lid">
            {t.member}
          </label>
          <select
            id="toewijzen-lid"
            className="utrecht-select utrecht-select--html-select"
            value={member}
            onChange={(e) => setMember(e.target.value)}
          >
            <option value="">{t.chooseMember}</option>
            {members.map((name) => (
              <option key={name} value={name}>
                {name === user.name ? `${name} (${t.you})` : name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="utrecht-button utrecht-button--secondary-action">
          {t.assignToMember}
        </button>
      </form>
      <form className="werkplek-inline-form" onSubmit={toTeam}>
        <div className="utrecht-form-field">
          <label className="utrecht-form-label" htmlFor="toewijzen-team">
            {t.otherTeam}
          </label>
          <div className="utrecht-form-field-description" id="toewijzen-team-hint">
            {t.otherTeamHint}
          </div>
          <input
            id="toewijzen-team"
            className="utrecht-textbox utrecht-textbox--html-input werkplek-width-m"
            list="toewijzen-teams"
            autoComplete="off"
            value={team}
            onChange={(e) => setTeam(e.target.value)}
            aria-describedby="toewijzen-team-hint"
          />
          <datalist id="toewijzen-teams">
            {otherTeams.map((x) => (
              <option key={x} value={x} />
            ))}
          </datalist>
        </div>
        <button type="submit" className="utrecht-button utrecht-button--secondary-action">
          {t.assignToTeam}
        </button>
      </form>
    </details>
  );
}
