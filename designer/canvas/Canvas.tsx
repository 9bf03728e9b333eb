import {
  Background,
  Controls,
  MarkerType,
  MiniMap,
  NodeToolbar,
  Position,
  ReactFlow,
  applyEdgeChanges,
  applyNodeChanges,
  useNodesInitialized,
  useReactFlow,
  useStore,
  type Connection,
  type FinalConnectionState,
  type Edge,
  type EdgeChange,
  type Node,
  type NodeChange,
  type OnSelectionChangeParams,
} from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, useState, type CSSProperties, type DragEvent } from 'react';
import { stepKindNames, type Step, type StepKindName } from '../../runtime/model/index.js';
import { useDesigner } from '../context.js';
import { useEditor } from '../editor/editor-context.js';
import { freeSpot } from '../editor/placement.js';
import { edgeCountText, edgeFigures, nodeFigures, type Insights, type Measure } from '../model/figures.js';
import {
  addAfter,
  addStep,
  connect,
  moveNodes,
  openSlot,
  parallelBends,
  removeElements,
  STEP_SIZE,
  toFlow,
} from '../model/flow.js';
import { FigureEdge, type FigureEdgeData } from './FigureEdge.js';
import { GroupNode } from './GroupNode.js';
import { KindIcon } from './icons.js';
import { readableViewport } from './readable-view.js';
import { short, StepNode } from './StepNode.js';

const nodeTypes = { step: StepNode, group: GroupNode };
const edgeTypes = { figure: FigureEdge };
/** "Alles in beeld": a thin margin, so a long process keeps as much zoom (and legibility) as it can. */
const FIT_VIEW = { padding: 0.05 };
export const DRAG_TYPE = 'application/x-omslag-step';

type Props = {
  /** The step the simulation is in (lit up). */
  active?: string | null;
  /** Steps of a highlighted path. */
  highlight?: string[];
  /** A node to bring into view (a problem was clicked), with a counter so the same one can be asked twice. */
  focus?: { id: string; n: number } | null;
  /** Called with the canvas's add function, so the palette can place steps in view. */
  onReady?(add: (kind: Step['kind']) => void): void;
  /** Changes when the whole process should be brought into (readable) view again, e.g. after a layout. */
  viewRequest?: number;
  /** Live figures (the learning loop): steps coloured and labelled by a measure, edges by how many cases took them. */
  figures?: { insights: Insights; measure: Measure } | null;
};

/**
 * The process on a React Flow canvas. The definition is the source of truth:
 * nodes and edges are derived from it (designer/model/flow.ts) and every
 * change (connect, move, delete, add) becomes a command that changes it. The
 * canvas keeps only what is passing: a drag in progress, measured sizes.
 */
export function Canvas({ active = null, highlight, focus, onReady, viewRequest = 0, figures = null }: Props) {
  const { lang, t } = useDesigner();
  const { def, edit, readOnly, problems, selection, select } = useEditor();
  const rf = useReactFlow();
  const wrapper = useRef<HTMLDivElement>(null);
  const flow = useMemo(
    () => toFlow(def, { problems, lang, active, highlight }),
    [def, problems, lang, active, highlight],
  );
  const [nodes, setNodes] = useState<Node[]>([]);
  const [edges, setEdges] = useState<Edge[]>([]);
  const defRef = useRef(def);
  defRef.current = def;
  const selectionRef = useRef(selection);
  selectionRef.current = selection;
  const decor = useMemo(() => {
    if (!figures) return null;
    const stepIds = flow.nodes.filter((n) => n.type === 'step').map((n) => n.id);
    return {
      nodes: nodeFigures(stepIds, figures.insights, figures.measure, lang),
      edges: edgeFigures(def, flow.edges, figures.insights.transitions).byEdge,
    };
  }, [figures, flow, def, lang]);

  useEffect(() => {
    const selected = new Set(selection);
    setNodes((prev) => {
      const before = new Map(prev.map((n) => [n.id, n]));
      return flow.nodes.map((n) => {
        const p = before.get(n.id);
        const figure = decor?.nodes[n.id];
        return {
          ...(n as Node),
          ...(figure ? { data: { ...n.data, figure } } : {}),
          selected: selected.has(n.id),
          ariaLabel:
            (n.type === 'group'
              ? `${t.group}: ${(n.data as { title: string }).title}`
              : `${t.kinds[(n.data as { kind: Step['kind'] }).kind]}: ${(n.data as { title: string }).title}`) +
            (figure ? `. ${figure.detail}` : ''),
          ...(p?.measured ? { measured: p.measured } : {}),
          ...(p?.dragging ? { position: p.position, dragging: true } : {}),
          ...(n.type === 'group' ? { zIndex: -1 } : {}),
        } as Node;
      });
    });
    setEdges((prev) => {
      const wasSelected = new Set(prev.filter((e) => e.selected).map((e) => e.id));
      const bends = parallelBends(flow.edges);
      return flow.edges.map((e) => {
        const figure = decor?.edges[e.id];
        const bend = bends.get(e.id)!;
        const base = {
          ...e,
          type: 'smoothstep',
          // The slot's label is on the step, beside the handle the line leaves from: no second copy halfway
          // along the line, where labels of lines that run together would lie on top of each other.
          label: undefined,
          pathOptions: { stepPosition: bend.stepPosition },
          markerEnd: { type: MarkerType.ArrowClosed, width: 18, height: 18 },
          selected: wasSelected.has(e.id),
          className: e.animated ? 'is-highlighted' : undefined,
          ariaLabel: t.edgeLabel(e.source, e.target, e.label),
        };
        if (!figure) return base;
        // With figures: the number of cases that took the edge, as text beside the slot's label.
        const taken =
          figure.parallel > 1 ? t.edgeTakenTogether(figure.count, figure.parallel) : t.edgeTaken(figure.count);
        const data: FigureEdgeData = {
          via: e.data.via,
          figure,
          // Parallel lines share one count: it is drawn once, on the first.
          lead: bend.index === 0,
          stepPosition: bend.stepPosition,
          countText: edgeCountText(figure, lang),
          slotLabel: short(e.label, 26),
          title: taken,
        };
        return { ...base, type: 'figure', label: undefined, data, ariaLabel: `${base.ariaLabel}, ${taken}` };
      });
    });
  }, [flow, selection, t, decor, lang]);

  // The first view, and again on request: readable rather than everything at once.
  const initialized = useNodesInitialized();
  const viewed = useRef(-1);
  useEffect(() => {
    if (!initialized || viewed.current === viewRequest || !wrapper.current) return;
    const all = rf.getNodes();
    if (!all.length) return;
    viewed.current = viewRequest;
    const box = wrapper.current.getBoundingClientRect();
    void rf.setViewport(readableViewport(rf.getNodesBounds(all), { width: box.width, height: box.height }), {
      duration: viewRequest ? 200 : 0,
    });
  }, [initialized, viewRequest, rf, nodes]);

  // A problem was clicked: bring its node into view.
  useEffect(() => {
    if (!focus) return;
    const id = def.groups?.[focus.id] ? `group:${focus.id}` : focus.id;
    requestAnimationFrame(() => void rf.fitView({ nodes: [{ id }], duration: 250, maxZoom: 1.1, padding: 0.6 }));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focus]);

  const onNodesChange = useCallback(
    (changes: NodeChange[]) => {
      // Removal goes through onDelete (one command for nodes and edges together).
      setNodes((ns) =>
        applyNodeChanges(
          changes.filter((c) => c.type !== 'remove'),
          ns,
        ),
      );
      if (readOnly) return;
      const moved: Record<string, { x: number; y: number }> = {};
      for (const c of changes) if (c.type === 'position' && c.position && !c.dragging) moved[c.id] = c.position;
      if (Object.keys(moved).length) edit(t.cmdMove, moveNodes(defRef.current, moved));
    },
    [edit, readOnly, t],
  );

  const onEdgesChange = useCallback((changes: EdgeChange[]) => {
    setEdges((es) =>
      applyEdgeChanges(
        changes.filter((c) => c.type !== 'remove'),
        es,
      ),
    );
  }, []);

  const onConnect = useCallback(
    (c: Connection) => {
      if (readOnly || !c.sourceHandle) return;
      edit(t.cmdConnect, connect(defRef.current, c.source, c.sourceHandle, c.target));
    },
    [edit, readOnly, t],
  );

  // Dropped on a step's body rather than on its dot: connect to that step all the same.
  const onConnectEnd = useCallback(
    (e: MouseEvent | TouchEvent, state: FinalConnectionState) => {
      if (readOnly || state.isValid || state.fromHandle?.type !== 'source' || !state.fromHandle.id) return;
      const point = 'changedTouches' in e ? e.changedTouches[0] : e;
      if (!point) return;
      const under = document.elementFromPoint(point.clientX, point.clientY);
      const target = under?.closest<HTMLElement>('.react-flow__node-step')?.dataset.id;
      if (!target || !state.fromNode) return;
      edit(t.cmdConnect, connect(defRef.current, state.fromNode.id, state.fromHandle.id, target));
    },
    [edit, readOnly, t],
  );

  const onDelete = useCallback(
    ({ nodes: ns, edges: es }: { nodes: Node[]; edges: Edge[] }) => {
      if (readOnly) return;
      const nodeIds = ns.map((n) => n.id);
      // Edges of removed nodes go with them; only edges removed on their own clear a slot.
      const edgeIds = es.filter((e) => !nodeIds.includes(e.source) && !nodeIds.includes(e.target)).map((e) => e.id);
      edit(t.cmdDelete, removeElements(defRef.current, nodeIds, edgeIds));
      select([]);
    },
    [edit, readOnly, select, t],
  );

  const onSelectionChange = useCallback(
    ({ nodes: ns }: OnSelectionChangeParams) => {
      select(ns.map((n) => n.id));
    },
    [select],
  );

  // A new step out of view: move the view just enough to show it (at the same zoom), so the rest stays
  // where it was; if the step it was added beside would then leave the view, zoom out to show both.
  const reveal = useCallback(
    (position: { x: number; y: number }, beside?: string) => {
      const box = wrapper.current?.getBoundingClientRect();
      if (!box) return;
      const margin = 24;
      const zoom = rf.getZoom();
      const size = { width: STEP_SIZE.width * zoom, height: STEP_SIZE.height * zoom };
      const at = rf.flowToScreenPosition(position);
      const shift = (from: number, length: number, low: number, high: number) =>
        from + length > high - margin ? high - margin - (from + length) : from < low + margin ? low + margin - from : 0;
      const dx = shift(at.x, size.width, box.left, box.right);
      const dy = shift(at.y, size.height, box.top, box.bottom);
      if (!dx && !dy) return;
      const anchor = beside ? rf.getInternalNode(beside) : undefined;
      if (anchor) {
        const a = rf.flowToScreenPosition(anchor.internals.positionAbsolute);
        const w = (anchor.measured.width ?? STEP_SIZE.width) * zoom;
        const h = (anchor.measured.height ?? STEP_SIZE.height) * zoom;
        const stays =
          a.x + dx >= box.left && a.x + w + dx <= box.right && a.y + dy >= box.top && a.y + h + dy <= box.bottom;
        if (!stays) {
          const p = anchor.internals.positionAbsolute;
          const x = Math.min(p.x, position.x);
          const y = Math.min(p.y, position.y);
          void rf.fitBounds(
            {
              x,
              y,
              width: Math.max(p.x + (anchor.measured.width ?? STEP_SIZE.width), position.x + STEP_SIZE.width) - x,
              height: Math.max(p.y + (anchor.measured.height ?? STEP_SIZE.height), position.y + STEP_SIZE.height) - y,
            },
            { padding: 0.15, duration: 150 },
          );
          return;
        }
      }
      const view = rf.getViewport();
      void rf.setViewport({ x: view.x + dx, y: view.y + dy, zoom }, { duration: 150 });
    },
    [rf],
  );

  const add = useCallback(
    (kind: Step['kind'], at?: { x: number; y: number }) => {
      if (readOnly) return;
      const box = wrapper.current?.getBoundingClientRect();
      let position = at;
      // Beside the one selected step (not connected: the pad does that), else in view, left of the middle;
      // clear of the steps already there either way.
      const selected = at ? undefined : selectionRef.current.length === 1 ? selectionRef.current[0] : undefined;
      const anchor = selected && defRef.current.steps[selected] ? rf.getInternalNode(selected) : undefined;
      if (!position && anchor) {
        const p = anchor.internals.positionAbsolute;
        position = freeSpot(defRef.current, { x: p.x + (anchor.measured.width ?? STEP_SIZE.width) + 80, y: p.y });
      } else if (!position) {
        const topLeft = box
          ? rf.screenToFlowPosition({ x: box.left + box.width * 0.2, y: box.top + box.height * 0.3 })
          : { x: 0, y: 0 };
        position = freeSpot(defRef.current, topLeft);
      }
      const { def: next, id } = addStep(defRef.current, kind, position, lang);
      edit(t.cmdAdd(t.kinds[kind]), next);
      select([id]);
      reveal(position, anchor ? selected : undefined);
    },
    [edit, lang, readOnly, reveal, rf, select, t],
  );

  // The context pad: beside the one selected step, the next step of a kind, already connected.
  const padFor =
    !readOnly && selection.length === 1 && def.steps[selection[0]!] && openSlot(def, selection[0]!, lang)
      ? selection[0]!
      : null;
  const addNext = useCallback(
    (from: string, kind: StepKindName) => {
      const node = rf.getInternalNode(from);
      const at = node?.internals.positionAbsolute ?? { x: 0, y: 0 };
      const width = node?.measured.width ?? 220;
      const position = freeSpot(defRef.current, { x: at.x + width + 80, y: at.y });
      const added = addAfter(defRef.current, from, kind, position, lang);
      if (!added) return;
      edit(t.cmdAdd(t.kinds[kind]), added.def);
      select([added.id]);
      reveal(position, from);
    },
    [edit, lang, reveal, rf, select, t],
  );

  // Handles keep a size one can hit when zoomed out (the canvas scales them down with everything else).
  const zoom = useStore((s) => s.transform[2]);

  useEffect(() => {
    onReady?.((kind) => add(kind));
  }, [add, onReady]);

  const onDragOver = (e: DragEvent) => {
    if (e.dataTransfer.types.includes(DRAG_TYPE)) {
      e.preventDefault();
      e.dataTransfer.dropEffect = 'copy';
    }
  };
  const onDrop = (e: DragEvent) => {
    const dropped = e.dataTransfer.getData(DRAG_TYPE);
    const kind = stepKindNames.find((k) => k === dropped);
    if (!kind) return;
    e.preventDefault();
    const p = rf.screenToFlowPosition({ x: e.clientX, y: e.clientY });
    add(kind, { x: p.x - 110, y: p.y - 30 });
  };

  const ariaLabelConfig = useMemo(
    () => ({
      'node.a11yDescription.default': t.a11yNode,
      'node.a11yDescription.keyboardDisabled': t.a11yNodeKeyboard,
      'node.a11yDescription.ariaLiveMessage': ({ direction, x, y }: { direction: string; x: number; y: number }) =>
        t.a11yMoved(direction, x, y),
      'edge.a11yDescription.default': t.a11yEdge,
      'controls.ariaLabel': t.controls,
      'controls.zoomIn.ariaLabel': t.zoomIn,
      'controls.zoomOut.ariaLabel': t.zoomOut,
      'controls.fitView.ariaLabel': t.fitView,
      'controls.interactive.ariaLabel': t.interactive,
      'minimap.ariaLabel': t.minimap,
      'handle.ariaLabel': t.handle,
    }),
    [t],
  );

  return (
    <div
      className="ontwerp-canvas"
      ref={wrapper}
      onDragOver={onDragOver}
      onDrop={onDrop}
      role="region"
      aria-label={t.canvas}
      style={{ '--ontwerp-zoom': zoom } as CSSProperties}
    >
      <ReactFlow
        fitViewOptions={FIT_VIEW}
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        onConnectEnd={onConnectEnd}
        connectionRadius={36}
        onDelete={onDelete}
        onSelectionChange={onSelectionChange}
        nodesDraggable={!readOnly}
        nodesConnectable={!readOnly}
        elementsSelectable
        edgesFocusable
        nodesFocusable
        deleteKeyCode={readOnly ? null : ['Delete', 'Backspace']}
        multiSelectionKeyCode={['Shift', 'Meta', 'Control']}
        selectionKeyCode="Shift"
        minZoom={0.15}
        maxZoom={2}
        ariaLabelConfig={ariaLabelConfig}
        proOptions={{ hideAttribution: true }}
        defaultEdgeOptions={{ interactionWidth: 16 }}
      >
        <Background gap={24} />
        <MiniMap
          pannable
          zoomable
          ariaLabel={t.minimap}
          style={{ width: 150, height: 100 }}
          nodeClassName={(n) => `ontwerp-mini--${(n.data as { kind?: string }).kind ?? 'group'}`}
        />
        <Controls showInteractive={false} />
        {padFor && (
          <NodeToolbar nodeId={padFor} isVisible position={Position.Right} offset={14}>
            <div className="ontwerp-pad" role="toolbar" aria-label={t.nextPad}>
              {stepKindNames.map((kind) => (
                <button
                  key={kind}
                  type="button"
                  className={`ontwerp-pad__item ontwerp-palette__item--${kind}`}
                  title={t.addAfterKind(t.kinds[kind])}
                  aria-label={t.addAfterKind(t.kinds[kind])}
                  onClick={() => addNext(padFor, kind)}
                >
                  <KindIcon kind={kind} />
                </button>
              ))}
            </div>
          </NodeToolbar>
        )}
      </ReactFlow>
    </div>
  );
}
