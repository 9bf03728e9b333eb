import { useRef, useState } from 'react';
import { answer, ApiError, ok } from '../api.js';
import { useWorkspace, type Flash } from '../context.js';
import { filtersFrom, filtersQuery, nextTask, nextTaskQuery } from '../queue-query.js';
import { BASE, Link, navigate, taskHref, useLocation } from '../router.js';
import type { Outcome, Task } from '../types.js';
import { useTask } from '../use-task.js';
import { CaseDetails } from './CaseDetails.js';
import { CaseNotes } from './CaseNotes.js';
import { CitizenPanel } from './CitizenPanel.js';
import { Notice } from '../../browser/ui/Notice.js';
import { OutcomeForm, type CompleteBody } from './OutcomeForm.js';
import { PageHeading } from '../../browser/ui/PageHeading.js';
import { ProposalPanel } from './ProposalPanel.js';
import { ExtendDeadline } from './ExtendDeadline.js';
import { Reassign } from './Reassign.js';
import { TaskFacts, WhyHere } from './TaskFacts.js';

/** What an action on a task answers: the task as it is now, and 202 when a decision waits for four eyes. */
type Answered = { data: Task; status: number };

/** One task with its case: claim, release, decide, approve, reassign. */
export function TaskPage({ taskId }: { taskId: string }) {
  const { api, t, user, setFlash } = useWorkspace();
  const { task, caseView, error, caseError, changed, load, update, busy } = useTask(taskId);
  const [notice, setNotice] = useState<Flash | null>(null);
  const [working, setWorking] = useState(false);
  const noticeRef = useRef<HTMLDivElement>(null);
  const id = { id: taskId };
  // The queue this task was opened from (its filters and order are in the address): back to it, and its next task.
  const filters = filtersFrom(useLocation().query, user.teams);
  const queue = filtersQuery(filters);
  /** After a decision: the next open task of that queue, in its order (null: none left); undefined before. */
  const [next, setNext] = useState<Task | null | undefined>(undefined);
  const findNext = async () => {
    try {
      const list = await ok(
        api.GET('/api/tasks', { params: { query: Object.fromEntries(new URLSearchParams(nextTaskQuery(filters))) } }),
      );
      setNext(nextTask(list, taskId, user.name) ?? null);
    } catch {
      setNext(undefined);
    }
  };

  const show = (flash: Flash) => {
    setNotice(flash);
    requestAnimationFrame(() => noticeRef.current?.focus());
  };

  /** A refusal in words; after a conflict the task is loaded again (never overwritten silently). */
  const refused = async (e: ApiError) => {
    if (e.code === 'stale-task') show({ kind: 'error', text: t.conflict });
    else if (e.status === 404 && e.message.startsWith('no route')) show({ kind: 'error', text: t.notReady });
    else if (e.status === 404 || e.status === 403)
      show({ kind: 'error', text: e.code === 'csrf' ? t.somethingWrong(e.message) : t.notFound });
    else if (e.status === 409) show({ kind: 'error', text: e.message });
    else show({ kind: 'error', text: t.somethingWrong(e.message) });
    if (e.status === 409) await load();
  };

  /** Runs one action; `rethrow422` lets the outcome form show field errors. */
  const act = async (request: () => Promise<Answered>, success: (r: Answered) => Flash | null, rethrow422 = false) => {
    if (busy.current) return;
    busy.current = true;
    setWorking(true);
    try {
      const r = await request();
      update(r.data);
      const flash = success(r);
      if (flash) show(flash);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      if (rethrow422 && e.status === 422) throw e;
      await refused(e);
    } finally {
      busy.current = false;
      setWorking(false);
    }
  };

  if (error) {
    return (
      <>
        <PageHeading title={t.taskSection} appName={t.appName}>
          {t.taskSection}
        </PageHeading>
        <Notice
          flash={{
            kind: 'error',
            text: error.status === 404 || error.status === 403 ? t.notFound : t.somethingWrong(error.message),
          }}
        />
        <p className="utrecht-paragraph">
          <Link className="utrecht-link" to={`${BASE}/`}>
            {t.backToQueue}
          </Link>
        </p>
      </>
    );
  }
  if (!task)
    return (
      <p className="utrecht-paragraph" role="status">
        {t.loading}
      </p>
    );

  const ifMatch = { 'If-Match': `"${task.rev}"` };
  const active = task.status === 'open' || task.status === 'claimed';
  const mine = task.status === 'claimed' && task.assignee === user.name;
  const heldByOther = task.status === 'claimed' && task.assignee !== user.name;
  const outcomes: Outcome[] | null =
    task.kind === 'contact'
      ? [
          {
            id: 'answered',
            label: t.answered,
            negative: false,
            fourEyes: false,
            fields: [
              { id: 'note', label: t.note, type: 'textarea', required: false, hint: t.noteHint, freeText: true },
            ],
          },
        ]
      : (task.handoff?.outcomes ?? null);
  const outcomeLabel = (id: string | null | undefined) => outcomes?.find((o) => o.id === id)?.label ?? id ?? '';

  const claim = () =>
    act(
      () => answer(api.POST('/api/tasks/{id}/claim', { params: { path: id } })),
      () => ({ kind: 'success', text: t.claimed }),
    );
  const release = () =>
    act(
      () => answer(api.POST('/api/tasks/{id}/release', { params: { path: id } })),
      () => ({ kind: 'success', text: t.released }),
    );
  const complete = (body: CompleteBody) =>
    act(
      () => answer(api.POST('/api/tasks/{id}/complete', { params: { path: id, header: ifMatch }, body })),
      (r) => {
        if (r.status === 202 || r.data.proposal) return { kind: 'info', text: t.proposalSent };
        void findNext();
        return { kind: 'success', text: t.taskDone(outcomeLabel(body.outcome)) };
      },
      true,
    );
  const approve = () =>
    act(
      () => answer(api.POST('/api/tasks/{id}/approve', { params: { path: id, header: ifMatch } })),
      () => ({ kind: 'success', text: t.approved }),
    );
  const rejectProposal = (note: string) =>
    act(
      () =>
        answer(
          api.POST('/api/tasks/{id}/reject-proposal', {
            params: { path: id, header: ifMatch },
            body: note ? { note } : {},
          }),
        ),
      () => ({ kind: 'info', text: t.proposalRejected }),
    );
  const extend = (body: { until: string; reason: string }) =>
    act(
      () => answer(api.POST('/api/tasks/{id}/extend', { params: { path: id }, body })),
      () => ({ kind: 'success', text: t.extendedDone }),
    );
  const assign = (to: { user?: string; team?: string }) =>
    act(
      () => answer(api.POST('/api/tasks/{id}/assign', { params: { path: id }, body: to })),
      (r) => {
        if (to.team && !user.teams.includes(to.team)) {
          setFlash({ kind: 'success', text: t.movedToTeam(to.team) });
          navigate(`${BASE}/`);
          return null;
        }
        return {
          kind: 'success',
          text: to.team ? t.movedToTeam(to.team) : t.assignedTo(r.data.assignee ?? to.user ?? ''),
        };
      },
    );

  const reference = task.caseReference ?? caseView?.reference ?? task.caseId.slice(0, 8);
  const title = t.taskTitle(task.stepTitle ?? caseView?.step?.title ?? task.step, reference);

  return (
    <>
      <p className="werkplek-back">
        <Link className="utrecht-link" to={`${BASE}/${queue}`}>
          {t.backToQueue}
        </Link>
      </p>
      <PageHeading title={title} appName={t.appName}>
        {title}
      </PageHeading>
      <div className="werkplek-task-layout">
        <section className="werkplek-task" aria-labelledby="taak-titel">
          <h2 className="utrecht-heading-2" id="taak-titel">
            {t.taskSection}
          </h2>
          <div ref={noticeRef} tabIndex={-1} className="werkplek-notice-slot">
            {notice && <Notice flash={notice} />}
          </div>
          {!active && next !== undefined && (
            <p className="utrecht-paragraph werkplek-next">
              {next ? (
                <Link className="utrecht-link" to={taskHref(next.id, queue)}>
                  {t.nextTask(next.caseReference ?? next.caseId.slice(0, 8))}
                </Link>
              ) : (
                t.noNextTask
              )}
            </p>
          )}
          {changed && (
            <Notice
              flash={{ kind: 'info', text: t.changedMeanwhile }}
              action={{ label: t.reload, onClick: () => void load() }}
            />
          )}
          <TaskFacts task={task} />
          <WhyHere task={task} />

          {active && !task.proposal && (
            <div className="werkplek-button-row">
              {task.status === 'open' && (
                <button
                  type="button"
                  className="utrecht-button utrecht-button--primary-action"
                  aria-disabled={working || undefined}
                  onClick={claim}
                >
                  {t.claim}
                </button>
              )}
              {mine && (
                <button
                  type="button"
                  className="utrecht-button utrecht-button--secondary-action"
                  aria-disabled={working || undefined}
                  onClick={release}
                >
                  {t.release}
                </button>
              )}
            </div>
          )}
          {active && !task.proposal && task.status === 'open' && <p className="utrecht-paragraph">{t.claimFirst}</p>}
          {active && !task.proposal && heldByOther && (
            <p className="utrecht-paragraph">{t.heldByOther(task.assignee ?? '?')}</p>
          )}
          {active && task.proposal && (
            <ProposalPanel task={task} busy={working} onApprove={approve} onReject={rejectProposal} />
          )}
          {mine &&
            !task.proposal &&
            (outcomes ? (
              <OutcomeForm
                key={task.id}
                outcomes={outcomes}
                withMessage={task.kind !== 'contact'}
                busy={working}
                onComplete={complete}
              />
            ) : (
              <Notice flash={{ kind: 'info', text: t.notReady }} />
            ))}
          {!active && (
            <p className="utrecht-paragraph">
              <strong>{t.taskDoneShort}</strong>
              {task.outcome ? ` ${t.outcomeWas(outcomeLabel(task.outcome))}` : ''}
            </p>
          )}
          {active && <ExtendDeadline task={task} busy={working} onExtend={extend} />}
          {active && <Reassign task={task} busy={working} onAssign={assign} />}
        </section>
        <CaseDetails caseView={caseView} error={caseError?.message ?? null}>
          <CitizenPanel caseId={task.caseId} />
          <CaseNotes caseId={task.caseId} />
        </CaseDetails>
      </div>
    </>
  );
}
