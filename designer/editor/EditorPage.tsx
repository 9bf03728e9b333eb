import { ReactFlowProvider } from '@xyflow/react';
import { useEffect, useMemo, useState } from 'react';
import type { Process } from '../../runtime/model/index.js';
import { useDesigner } from '../context.js';
import { createCommandStack, type CommandStack } from '../model/commands.js';
import { keepHistory, keptHistory } from '../model/kept-history.js';
import { needsLayout } from '../model/flow.js';
import { BASE, Link } from '../router.js';
import { EditorShell } from './EditorShell.js';
import { ok } from '../api.js';

/** `original`: the definition as stored, when it was laid out on opening (then the laid-out one is unsaved). */
type Loaded = { def: Process; versions: number[]; original?: Process };

/**
 * Opens a process: its draft for editing (one command stack, autosaved), or
 * one published version read-only.
 */
export function EditorPage({ processKey, version }: { processKey: string; version?: number }) {
  const { api, t } = useDesigner();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    setLoaded(null);
    setFailure(null);
    const key = { key: processKey };
    const detail = () => ok(api.GET('/api/processes/{key}', { params: { path: key } }));
    const load: Promise<Loaded> = version
      ? Promise.all([
          ok(
            api.GET('/api/processes/{key}/versions/{version}', {
              params: { path: { ...key, version: String(version) } },
            }),
          ),
          detail(),
        ]).then(([v, p]) => ({ def: v.definition as Process, versions: p.versions }))
      : detail().then((p) => ({ def: (p.draft ?? p.definition) as Process, versions: p.versions }));
    // A process without positions is laid out before it is shown, so nothing can be edited on a canvas still in the making.
    const laidOut = load.then(async (l) => {
      if (!Object.keys(l.def.steps ?? {}).length || !needsLayout(l.def)) return l;
      const { autoLayout } = await import('../model/layout.js');
      return { ...l, def: await autoLayout(l.def), original: l.def };
    });
    laidOut.then(
      (l) => {
        if (live) setLoaded(l);
      },
      (e: Error) => {
        if (live) setFailure(e.message);
      },
    );
    return () => {
      live = false;
    };
  }, [api, processKey, version]);

  const stack: CommandStack | null = useMemo(() => {
    if (!loaded) return null;
    // The draft's undo history from before a reload, when the draft is still where it stood.
    const kept = version || loaded.original ? undefined : keptHistory(processKey, loaded.def);
    const s = createCommandStack(loaded.def, undefined, kept);
    // Laid out on opening: not an undo step, but unsaved, so autosave stores the positions.
    if (loaded.original && !version) s.markSaved(loaded.original);
    return s;
  }, [loaded, version, processKey]);

  // Every change of the draft's history is kept for a reload of this tab.
  useEffect(() => {
    if (!stack || version) return;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const off = stack.subscribe(() => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => keepHistory(processKey, stack), 150);
    });
    const now = () => {
      if (timer) clearTimeout(timer);
      keepHistory(processKey, stack);
    };
    window.addEventListener('pagehide', now);
    return () => {
      off();
      window.removeEventListener('pagehide', now);
      if (timer) clearTimeout(timer);
    };
  }, [stack, version, processKey]);

  if (failure) {
    return (
      <div className="ontwerp-page">
        <h1 className="utrecht-heading-1">{t.processNotFound(processKey)}</h1>
        <p className="utrecht-alert utrecht-alert--error ontwerp-alert" role="alert">
          {failure}
        </p>
        <p>
          <Link className="utrecht-link" to={`${BASE}/`}>
            {t.backToList}
          </Link>
        </p>
      </div>
    );
  }
  if (!loaded || !stack)
    return (
      <p role="status" className="ontwerp-page">
        {t.loading}
      </p>
    );
  return (
    <ReactFlowProvider>
      <EditorShell
        processKey={processKey}
        stack={stack}
        readOnly={!!version}
        version={version}
        versions={loaded.versions}
      />
    </ReactFlowProvider>
  );
}
