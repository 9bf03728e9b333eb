import { useWorkspace } from '../context.js';
import { Link, taskHref } from '../router.js';
import type { Task } from '../types.js';
import { Deadline, TaskStatusText } from './Badges.js';
import { formatDateTime } from '../format.js';

/** The queue as a table, in the API's order; `queue` (the address's query) goes with each link, for "next task". */
export function TaskTable({ tasks, caption, queue }: { tasks: Task[]; caption: string; queue: string }) {
  const { t, lang, user } = useWorkspace();
  return (
    <div className="werkplek-table-wrap">
      <table className="utrecht-table werkplek-table">
        <caption className="utrecht-table__caption werkplek-caption">{caption}</caption>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            <th scope="col" className="utrecht-table__header-cell">
              {t.colCase}
            </th>
            <th scope="col" className="utrecht-table__header-cell">
              {t.colProcess}
            </th>
            <th scope="col" className="utrecht-table__header-cell">
              {t.colStep}
            </th>
            <th scope="col" className="utrecht-table__header-cell">
              {t.colKind}
            </th>
            <th scope="col" className="utrecht-table__header-cell">
              {t.team}
            </th>
            <th scope="col" className="utrecht-table__header-cell">
              {t.colReceived}
            </th>
            <th scope="col" className="utrecht-table__header-cell">
              {t.colDue}
            </th>
            <th scope="col" className="utrecht-table__header-cell">
              {t.colStatus}
            </th>
          </tr>
        </thead>
        <tbody className="utrecht-table__body">
          {tasks.map((task) => (
            <tr key={task.id} className="utrecht-table__row" data-task={task.id}>
              <th scope="row" className="utrecht-table__header-cell">
                <Link className="utrecht-link" to={taskHref(task.id, queue)}>
                  {task.caseReference ?? task.caseId.slice(0, 8)}
                </Link>
              </th>
              <td className="utrecht-table__cell">{task.process?.title ?? '–'}</td>
              <td className="utrecht-table__cell">{task.stepTitle ?? task.step}</td>
              <td className="utrecht-table__cell">{task.kind === 'contact' ? t.kindContact : t.kindHandoff}</td>
              <td className="utrecht-table__cell">{task.team}</td>
              <td className="utrecht-table__cell">
                <time dateTime={task.createdAt}>{formatDateTime(task.createdAt, lang)}</time>
              </td>
              <td className="utrecht-table__cell">
                <Deadline task={task} t={t} lang={lang} />
              </td>
              <td className="utrecht-table__cell">
                <TaskStatusText task={task} t={t} me={user.name} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
