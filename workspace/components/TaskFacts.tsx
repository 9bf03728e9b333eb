import { useWorkspace } from '../context.js';
import { formatDateTime } from '../format.js';
import type { ContactRequest, TaskDetail } from '../types.js';
import { Deadline, TaskStatusText } from './Badges.js';

/** What the task is: process, team, deadline, who holds it. */
export function TaskFacts({ task }: { task: TaskDetail }) {
  const { t, lang, user } = useWorkspace();
  const rows: [string, React.ReactNode][] = [
    [t.reference, task.caseReference ?? task.caseId],
    [t.process, task.process?.title ?? '–'],
    [t.colKind, task.kind === 'contact' ? t.kindContact : t.kindHandoff],
    [t.team, task.team],
    [t.deadline, <Deadline task={task} t={t} lang={lang} />],
    [t.colStatus, <TaskStatusText task={task} t={t} me={user.name} />],
  ];
  if (task.escalatedAt) rows.push([t.escalated, t.escalatedOn(formatDateTime(task.escalatedAt, lang))]);
  return (
    <dl className="werkplek-facts">
      {rows.map(([key, value]) => (
        <div key={key} className="werkplek-facts__row">
          <dt>{key}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Why the rules handed the case off, and what the official should look at; or the citizen's question. */
export function WhyHere({ task }: { task: TaskDetail }) {
  const { t } = useWorkspace();
  if (task.kind === 'contact') {
    const r: ContactRequest = task.request ?? {};
    return (
      <section aria-labelledby="verzoek-titel" className="werkplek-why">
        <h3 className="utrecht-heading-3" id="verzoek-titel">
          {t.contactRequest}
        </h3>
        <dl className="werkplek-facts">
          {r.kind && r.kind !== 'evaluation-failed' && (
            <div className="werkplek-facts__row">
              <dt>{t.requestKind}</dt>
              <dd>{t.requestKinds[r.kind] ?? r.kind}</dd>
            </div>
          )}
          <div className="werkplek-facts__row">
            <dt>{t.question}</dt>
            <dd className="werkplek-pre">{r.question || '–'}</dd>
          </div>
          <div className="werkplek-facts__row">
            <dt>{t.channel}</dt>
            <dd>{r.channel ? (t.channels[r.channel] ?? r.channel) : '–'}</dd>
          </div>
          <div className="werkplek-facts__row">
            <dt>{t.reach}</dt>
            <dd className="werkplek-reach">{r.reach || '–'}</dd>
          </div>
        </dl>
      </section>
    );
  }
  return (
    <section aria-labelledby="waarom-titel" className="werkplek-why">
      <h3 className="utrecht-heading-3" id="waarom-titel">
        {t.whyHandedOff}
      </h3>
      <p className="utrecht-paragraph werkplek-reason">{task.handoff?.reason || t.noReason}</p>
      {task.handoff?.instructions && (
        <>
          <h4 className="utrecht-heading-4">{t.instructions}</h4>
          <p className="utrecht-paragraph werkplek-pre">{task.handoff.instructions}</p>
        </>
      )}
    </section>
  );
}
