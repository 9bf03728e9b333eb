import { deadlineState, formatDate } from '../format.js';
import type { Lang, Messages } from '../messages.js';
import type { Task } from '../types.js';

/** A badge says its state in words; the colour only repeats it. */
export function Badge({ kind, children }: { kind: 'danger' | 'warning' | 'info' | 'neutral'; children: string }) {
  return <span className={`werkplek-badge werkplek-badge--${kind}`}>{children}</span>;
}

/** The deadline as a Dutch date with overdue, due-today and escalated badges. */
export function Deadline({ task, t, lang }: { task: Task; t: Messages; lang: Lang }) {
  const { overdue, dueToday } = deadlineState(task);
  return (
    <span className="werkplek-deadline">
      {task.dueAt ? <time dateTime={task.dueAt}>{formatDate(task.dueAt, lang)}</time> : <span>{t.noDeadline}</span>}
      {overdue && <Badge kind="danger">{t.overdue}</Badge>}
      {!overdue && dueToday && <Badge kind="warning">{t.dueToday}</Badge>}
      {task.escalatedAt && <Badge kind="danger">{t.escalated}</Badge>}
    </span>
  );
}

/** Open, with whom, awaiting approval, or done. */
export function TaskStatusText({ task, t, me }: { task: Task; t: Messages; me: string }) {
  if (task.proposal && (task.status === 'open' || task.status === 'claimed')) {
    return <Badge kind="info">{t.awaitingApproval}</Badge>;
  }
  if (task.status === 'claimed')
    return <span>{task.assignee === me ? t.claimedByYou : t.claimedBy(task.assignee ?? '?')}</span>;
  if (task.status === 'open') return <span>{task.assignee ? t.claimedBy(task.assignee) : t.open}</span>;
  return <span>{task.status === 'completed' ? t.completed : t.closed}</span>;
}
