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
  const [teams, setTeams] = useState<{ id: string; name: string }[]>([]);

  useEffect(() => {
    ok(api.GET('/api/teams/{team}/members', { params: { path: { team: task.team } } })).then(
      (r) => setMembers(r.map((m) => m.name)),
      () => setMembers([]),
    );
  }, [api, task.team]);
  // The list of teams (GET /api/teams): only a team that exists and that officials work in can be chosen.
  useEffect(() => {
    ok(api.GET('/api/teams')).then(
      (r) => setTeams(r.filter((x) => x.id !== task.team && x.members > 0)),
      () => setTeams([]),
    );
  }, [api, task.team]);

  const toMember = (e: FormEvent) => {
    e.preventDefault();
    if (member && !busy) onAssign({ user: member });
  };
  const toTeam = (e: FormEvent) => {
    e.preventDefault();
    if (team && !busy) onAssign({ team });
  };

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
          <select
            id="toewijzen-team"
            className="utrecht-select utrecht-select--html-select"
            value={team}
            onChange={(e) => setTeam(e.target.value)}
            aria-describedby="toewijzen-team-hint"
          >
            <option value="">{t.chooseTeam}</option>
            {teams.map((x) => (
              <option key={x.id} value={x.id}>
                {x.name === x.id ? x.id : `${x.name} (${x.id})`}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="utrecht-button utrecht-button--secondary-action">
          {t.assignToTeam}
        </button>
      </form>
    </details>
  );
}
