import { dutchDay } from '../browser/format.js';
import type { TaskStatus } from './types.js';

export { formatDate, formatDateTime, formatTime, valueText } from '../browser/format.js';

/** Overdue and due-today as the API says, or computed here (in Dutch time) when it does not say. */
export function deadlineState(
  task: { status: TaskStatus; dueAt: string | null; overdue?: boolean; dueToday?: boolean },
  now = new Date(),
): { overdue: boolean; dueToday: boolean } {
  const active = task.status === 'open' || task.status === 'claimed';
  if (!task.dueAt || !active) return { overdue: !!task.overdue && active, dueToday: !!task.dueToday && active };
  const due = new Date(task.dueAt);
  return {
    overdue: task.overdue ?? due.getTime() < now.getTime(),
    dueToday: task.dueToday ?? (due.getTime() >= now.getTime() && dutchDay(due) === dutchDay(now)),
  };
}
