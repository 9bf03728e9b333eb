import { useReactFlow } from '@xyflow/react';
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { checkDefinition, checkTeams, type KnownTeams, type Step } from '../../runtime/model/index.js';
import { ok } from '../api.js';
import { Canvas } from '../canvas/Canvas.js';
import { FoldButton } from '../canvas/icons.js';
import { Palette } from '../canvas/Palette.js';
import { useDesigner } from '../context.js';
import { useAutosave } from '../hooks/use-autosave.js';
import { useFolded } from '../hooks/use-folded.js';
import { FiguresBar, type LiveFigures } from '../learning/FiguresBar.js';
import { useStack } from '../hooks/use-stack.js';
import type { CommandStack } from '../model/commands.js';
import { setFeelFields } from '../monaco/feel-context.js';
import { loadMonaco } from '../monaco/load.js';
import { PropertiesPanel } from '../properties/PropertiesPanel.js';
import { PathsPanel } from '../simulate/PathsPanel.js';
import { SimulationPanel } from '../simulate/SimulationPanel.js';
import { EditorContext, type Editor } from './editor-context.js';
import { addGroup } from './groups.js';
import { isTextEntry, isUndoKey } from './keys.js';
import { knownFields } from './known-fields.js';
import { PanelBoundary } from './PanelBoundary.js';
import { ProblemsPanel } from './ProblemsPanel.js';
import { PublishDialog } from './PublishDialog.js';
import { TakeUpPanel } from './TakeUpPanel.js';
import { Toolbar } from './Toolbar.js';
import { VersionsPanel } from './VersionsPanel.js';

const CodeView = lazy(() => import('./CodeView.js').then((m) => ({ default: m.CodeView })));

const TABS = ['properties', 'code', 'simulate', 'paths', 'versions', 'reach'] as const;
type Tab = (typeof TABS)[number];

type Props = {
  processKey: string;
  stack: CommandStack;
  readOnly: boolean;
  version?: number;
  versions: number[];
};

/** The editor: toolbar, palette, canvas, side panel (properties, JSON, simulation, paths, versions, and take-up for a process with triggers) and problems. */
export function EditorShell({ processKey, stack, readOnly, version, versions: initialVersions }: Props) {
  const { t, lang, api } = useDesigner();
  const rf = useReactFlow();
  const { def, canUndo, canRedo, labels } = useStack(stack);
  const [selection, setSelection] = useState<string[]>([]);
  const [tab, setTab] = useState<Tab>('properties');
  const [focus, setFocus] = useState<{ id: string; n: number } | null>(null);
  const [active, setActive] = useState<string | null>(null);
  const [highlight, setHighlight] = useState<string[] | undefined>(undefined);
  const [publishing, setPublishing] = useState(false);
  const [versions, setVersions] = useState(initialVersions);
  const [announce, setAnnounce] = useState<string | null>(null);
  const [viewRequest, setViewRequest] = useState(0);
  const autosave = useAutosave(readOnly ? null : stack, processKey, api);
  const addRef = useRef<((kind: Step['kind']) => void) | null>(null);
  // Live figures on the canvas (the learning loop), while *Cijfers* is on.
  const [figuresOn, setFiguresOn] = useState(false);
  const [figures, setFigures] = useState<LiveFigures | null>(null);
  // At 1280×800 the canvas needs the room: the details panel folds away (and stays so on the next visit).
  const [sideFolded, toggleSide] = useFolded('side');

  // The list of teams (GET /api/teams): a team the draft names that does not exist or has nobody in it is a
  // problem (P032, P033), as the server says when it publishes. Until the list is there, only the static checks.
  const [teams, setTeams] = useState<KnownTeams | null>(null);
  useEffect(() => {
    ok(api.GET('/api/teams')).then(
      (list) => setTeams(new Map(list.map((x) => [x.id, x.members]))),
      () => setTeams(null),
    );
  }, [api]);
  const problems = useMemo(() => {
    const checked = checkDefinition(def, lang);
    return checked.process && teams
      ? [...checked.problems, ...checkTeams(checked.process, teams, lang)]
      : checked.problems;
  }, [def, teams, lang]);
  // "Bereik" (take-up) is there for a process with triggers; without them, its tab goes.
  const hasTriggers = Array.isArray(def.triggers) && def.triggers.length > 0;
  const tabs = useMemo(() => TABS.filter((name) => name !== 'reach' || hasTriggers), [hasTriggers]);
  useEffect(() => {
    if (!tabs.includes(tab)) setTab('properties');
  }, [tabs, tab]);
  const fields = useMemo(() => knownFields(def, lang), [def, lang]);
  useEffect(() => setFeelFields(fields), [fields]);

  const select = useCallback((ids: string[], opts?: { focus?: boolean }) => {
    setSelection((prev) => (prev.length === ids.length && prev.every((id, i) => id === ids[i]) ? prev : ids));
    if (ids.length === 1 && opts?.focus) setFocus((f) => ({ id: ids[0], n: (f?.n ?? 0) + 1 }));
  }, []);
  const edit = useCallback(
    (label: string, next: typeof def) => {
      if (!readOnly) stack.execute(label, next);
    },
    [readOnly, stack],
  );

  // A selected step that no longer exists (undo, delete, JSON) is let go.
  useEffect(() => {
    const exists = (id: string) => (id.startsWith('group:') ? !!def.groups?.[id.slice(6)] : !!def.steps[id]);
    if (selection.some((id) => !exists(id))) setSelection(selection.filter(exists));
  }, [def, selection]);

  /** Automatic layout on demand: an undoable edit. */
  const layout = useCallback(async () => {
    const { autoLayout } = await import('../model/layout.js');
    // The sizes React Flow measured, so ELK leaves room for nodes that grew with their slots.
    const sizes = Object.fromEntries(
      rf
        .getNodes()
        .filter((n) => n.measured?.width && n.measured?.height && n.type === 'step')
        .map((n) => [n.id, { width: n.measured!.width!, height: n.measured!.height! }]),
    );
    const canvas = document.querySelector('.ontwerp-canvas')?.getBoundingClientRect();
    const laid = await autoLayout(stack.current(), sizes, canvas?.height ? canvas.width / canvas.height : undefined);
    // Only the positions are taken: an edit made while ELK ran (a step added) stays.
    const current = stack.current();
    const next = { ...current, layout: { ...(current.layout ?? {}), ...(laid.layout ?? {}) } };
    if (readOnly) stack.reset(next);
    else stack.execute(t.cmdLayout, next);
    setViewRequest((n) => n + 1);
  }, [readOnly, stack, t, rf]);

  // A process without positions was laid out when it was opened (EditorPage); *Automatisch indelen* lays it out again.

  // Monaco is on its way while the designer looks at the canvas (it is not part of the first load).
  useEffect(() => {
    const idle = window.setTimeout(() => void loadMonaco(), 300);
    return () => window.clearTimeout(idle);
  }, []);

  // Ctrl+Z / Ctrl+Shift+Z (and Ctrl+Y): the one command stack. Text boxes keep their own undo of what is being typed.
  useEffect(() => {
    if (readOnly) return;
    const onKey = (e: KeyboardEvent) => {
      const kind = isUndoKey(e);
      if (!kind) return;
      if (isTextEntry(e.composedPath?.()[0] ?? e.target)) return;
      e.preventDefault();
      if (kind === 'undo') stack.undo();
      else stack.redo();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [readOnly, stack]);

  useEffect(() => {
    document.title = `${version ? t.versionN(version) : t.draft}: ${processKey} – ${t.appName}`;
  }, [processKey, t, version]);

  const editor: Editor = {
    processKey,
    version,
    def,
    edit,
    stack: readOnly ? null : stack,
    readOnly,
    problems,
    fields,
    teams,
    selection,
    select,
    flush: autosave.flush,
  };
  const focusNode = useCallback((node: string) => setFocus((f) => ({ id: node, n: (f?.n ?? 0) + 1 })), []);
  const addKind = (kind: Step['kind']) => {
    addRef.current?.(kind);
    setTab('properties');
  };
  const addNewGroup = () => {
    const box = document.querySelector('.ontwerp-canvas')?.getBoundingClientRect();
    const at = rf.screenToFlowPosition({ x: (box?.left ?? 0) + 40, y: (box?.top ?? 0) + 40 });
    const { def: next, id } = addGroup(def, at, lang);
    edit(t.cmdAddGroup, next);
    select([`group:${id}`]);
    setTab('properties');
  };

  return (
    <EditorContext.Provider value={editor}>
      <div className={`ontwerp-editor${readOnly ? ' is-read-only' : ''}`}>
        <Toolbar
          saveState={autosave.state}
          saveError={autosave.error}
          canUndo={canUndo}
          canRedo={canRedo}
          labels={labels}
          version={version}
          onLayout={() => void layout()}
          onPublish={() => setPublishing(true)}
          onRetrySave={() => void autosave.flush()}
          figuresOn={figuresOn}
          onToggleFigures={() => setFiguresOn((on) => !on)}
        />
        {figuresOn && <FiguresBar versions={versions} onFigures={setFigures} />}
        {announce && (
          <p className="utrecht-alert utrecht-alert--ok ontwerp-alert" role="status">
            {announce}
          </p>
        )}
        <div className="ontwerp-editor__body">
          {!readOnly && <Palette onAdd={addKind} onAddGroup={addNewGroup} />}
          <Canvas
            active={tab === 'simulate' ? active : null}
            highlight={tab === 'paths' ? highlight : undefined}
            focus={focus}
            onReady={(add) => {
              addRef.current = add;
            }}
            viewRequest={viewRequest}
            figures={figuresOn ? figures : null}
          />
          <aside className={`ontwerp-side${sideFolded ? ' is-folded' : ''}`} aria-label={t.sidePanel}>
            <FoldButton folded={sideFolded} onToggle={toggleSide} fold={t.foldSide} unfold={t.unfoldSide} side="end" />
            <div role="tablist" aria-label={t.sidePanel} className="ontwerp-tabs" hidden={sideFolded}>
              {tabs.map((name) => (
                <button
                  key={name}
                  type="button"
                  role="tab"
                  id={`tab-${name}`}
                  aria-controls={`paneel-${name}`}
                  aria-selected={tab === name}
                  tabIndex={tab === name ? 0 : -1}
                  className="ontwerp-tab"
                  onClick={() => setTab(name)}
                  onKeyDown={(e) => {
                    const i = tabs.indexOf(name);
                    const next =
                      e.key === 'ArrowRight'
                        ? tabs[(i + 1) % tabs.length]
                        : e.key === 'ArrowLeft'
                          ? tabs[(i + tabs.length - 1) % tabs.length]
                          : null;
                    if (next) {
                      e.preventDefault();
                      setTab(next);
                      document.getElementById(`tab-${next}`)?.focus();
                    }
                  }}
                >
                  {t.tabs[name]}
                </button>
              ))}
            </div>
            <div
              role="tabpanel"
              id={`paneel-${tab}`}
              aria-labelledby={`tab-${tab}`}
              className="ontwerp-side__panel"
              tabIndex={0}
              hidden={sideFolded}
            >
              <PanelBoundary key={tab}>
                {tab === 'properties' && <PropertiesPanel />}
                {tab === 'code' && (
                  <Suspense fallback={<p role="status">{t.loadingEditor}</p>}>
                    <CodeView />
                  </Suspense>
                )}
                {tab === 'simulate' && <SimulationPanel onActive={setActive} />}
                {tab === 'paths' && <PathsPanel highlighted={highlight} onHighlight={setHighlight} />}
                {tab === 'versions' && <VersionsPanel versions={versions} current={version} />}
                {tab === 'reach' && hasTriggers && <TakeUpPanel />}
              </PanelBoundary>
            </div>
          </aside>
        </div>
        <ProblemsPanel onFocus={focusNode} />
        {!readOnly && (
          <PublishDialog
            open={publishing}
            nextVersion={Math.max(0, ...versions) + 1}
            onClose={() => setPublishing(false)}
            onFocusProblem={focusNode}
            onPublished={(v) => {
              setPublishing(false);
              setVersions((vs) => [...vs, v]);
              setAnnounce(t.published(v));
            }}
          />
        )}
      </div>
    </EditorContext.Provider>
  );
}
