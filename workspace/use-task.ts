import { useCallback, useEffect, useRef, useState } from 'react';
import { answer, ApiError, ok } from './api.js';
import { useWorkspace } from './context.js';
import type { CaseView, Task, TaskDetail } from './types.js';
import { usePoll } from '../browser/hooks/use-poll.js';

/** How often an open task page checks whether somebody else changed the task. */
const CHECK_MS = 3000;

const revOf = (body: { rev?: number }, etag: string | null) => body.rev ?? (etag ? Number(etag.replace(/\D/g, '')) : 0);

/**
 * A task with its case: loaded together, refreshed after every action. The
 * revision the official is looking at is kept until they reload: a change
 * by somebody else is noticed (`changed`) but never merged in silently, so
 * a decision based on an old view is refused by the API (409 stale-task).
 */
export function useTask(taskId: string) {
  const { api, lang } = useWorkspace();
  const [task, setTask] = useState<TaskDetail | null>(null);
  const [caseView, setCaseView] = useState<CaseView | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [caseError, setCaseError] = useState<ApiError | null>(null);
  const [changed, setChanged] = useState(false);
  const rev = useRef<number | null>(null);
  const busy = useRef(false);
  const params = { path: { id: taskId } };

  const loadCase = useCallback(
    async (caseId: string) => {
      try {
        setCaseView(await ok(api.GET('/api/cases/{id}', { params: { path: { id: caseId } } })));
        setCaseError(null);
      } catch (e) {
        if (e instanceof ApiError) setCaseError(e);
      }
    },
    [api],
  );

  const load = useCallback(async () => {
    try {
      const r = await answer(api.GET('/api/tasks/{id}', { params }));
      const detail = { ...r.data, rev: revOf(r.data, r.etag) };
      rev.current = detail.rev;
      setTask(detail);
      setChanged(false);
      setError(null);
      await loadCase(detail.caseId);
    } catch (e) {
      if (e instanceof ApiError) setError(e);
      else throw e;
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- params is taskId
  }, [api, taskId, loadCase]);

  useEffect(() => {
    void load();
  }, [load, lang]);

  /** Takes the task an action answered with (it has no handoff: keep the one we have). */
  const update = useCallback(
    (next: Task) => {
      rev.current = next.rev;
      setTask((prev) => ({
        ...prev,
        ...next,
        handoff: (next as Partial<TaskDetail>).handoff ?? prev?.handoff ?? null,
      }));
      setChanged(false);
      void loadCase(next.caseId);
    },
    [loadCase],
  );

  usePoll(
    async (signal) => {
      if (rev.current === null || busy.current) return;
      const r = await answer(api.GET('/api/tasks/{id}', { params, signal }));
      if (!busy.current && revOf(r.data, r.etag) !== rev.current) setChanged(true);
    },
    CHECK_MS,
    [taskId],
  );

  return { task, caseView, error, caseError, changed, load, update, busy };
}
