import type { ModdleElement as El } from 'bpmn-moddle';
import { checkDefinition, type Problem } from './checks.js';
import { compileFeel } from './feel.js';
import { fieldKind, type Field, type FieldType } from './fields/index.js';
import { isValidDuration } from './ids.js';
import type { Process, Step } from './schema.js';
import { stepKind, type DecisionStep, type FormStep, type HandoffStep, type WaitStep } from './steps/index.js';

/** A BPMN element the import did not carry over as such, and why. */
export type Unmapped = { id: string; type: string; reason: string };
export type BpmnImport = { definition: Process; problems: Problem[]; unmapped: Unmapped[] };

/**
 * Imports a BPMN 2.0 process (XML, as bpmn.io and Camunda Modeler save it) as
 * a draft definition. What maps:
 *
 * - the start event: the process starts at the first step after it;
 * - end events: end steps (outcome `completed`, the event's name as message);
 * - user tasks (and plain and manual tasks): a form step for the citizen
 *   (Camunda `formData` fields, else an optional remark), or a handoff when
 *   the task has candidate groups (`camunda:candidateGroups`, Zeebe
 *   `assignmentDefinition`) or stands in a lane that is not the citizen's:
 *   the team is the group or the lane, outcome `afgerond`, 5 working days;
 * - exclusive gateways that split: decision steps, one rule per conditional
 *   flow (FEEL; a condition that is not FEEL is kept as written and reported,
 *   and the draft's checks make it a problem until it is rewritten) and the default flow (or
 *   the first flow without a condition) as `otherwise`; gateways that only
 *   join are left out and their flows go straight on;
 * - intermediate catch events: a timer (`timeDuration`) is a wait `for`, a
 *   message or signal a wait for that `signal` (lowercase-kebab); a receive
 *   task too; an event-based gateway between one message and one timer is a
 *   wait for the message with the timer as its `timeout`;
 * - a boundary timer on a task that becomes a handoff: its deadline (`due`)
 *   with `escalate` (reported: the path after it is not imported).
 *
 * Everything else (service, script, send and business rule tasks, parallel
 * gateways, sub-processes, throw events, other boundary events, data) is
 * listed in `unmapped` with the reason and bridged: its incoming flows go on
 * to its outgoing flow, so the draft still runs. Names a condition reads that
 * no field defines become fields of the nearest step before it that takes
 * data (a form, a handoff's outcome, a signal's facts), typed from how the
 * condition uses them. Step ids come from the BPMN ids, positions from the
 * diagram (bpmndi bounds). The draft is checked like any definition.
 */
export async function importBpmn(xml: string): Promise<BpmnImport> {
  // Loaded on use, so the designer's first load does not carry the BPMN model.
  const { BpmnModdle } = await import('bpmn-moddle');
  let parsed;
  try {
    parsed = await new BpmnModdle().fromXML(xml);
  } catch (e) {
    throw new Error(`not a BPMN 2.0 document: ${(e as Error).message}`, { cause: e });
  }
  const definitions = parsed.rootElement;
  if (definitions?.$type !== 'bpmn:Definitions')
    throw new Error('not a BPMN 2.0 document: the root is not <definitions>');
  const roots: El[] = definitions.rootElements ?? [];
  const processes = roots.filter((r) => r.$type === 'bpmn:Process');
  if (!processes.length) throw new Error('the BPMN document has no process');

  const unmapped: Unmapped[] = [];
  const report = (el: El | undefined, reason: string, type?: string) =>
    unmapped.push({ id: el?.id ?? '', type: type ?? el?.$type ?? 'xml', reason });
  for (const warning of parsed.warnings) report(warning.element, `XML: ${warning.message.replace(/\s+/g, ' ').trim()}`);

  const hasStart = (p: El) => (p.flowElements ?? []).some((e: El) => e.$type === 'bpmn:StartEvent');
  const process = processes.find((p) => hasStart(p) && p.isExecutable) ?? processes.find(hasStart) ?? processes[0];
  for (const p of processes) if (p !== process) report(p, `only one process is imported ('${process.id}')`);
  const participant = roots
    .filter((r) => r.$type === 'bpmn:Collaboration')
    .flatMap((c) => c.participants ?? [])
    .find((p: El) => p.processRef === process);

  const definition = convert(definitions, process, participant, report);
  return { definition, problems: checkDefinition(definition).problems, unmapped };
}

type Report = (el: El | undefined, reason: string, type?: string) => void;
type Plan =
  { as: 'step'; id: string } | { as: 'bridge' } | { as: 'absorbed'; into: El } | { as: 'start' } | { as: 'none' };

const HUMAN = new Set(['bpmn:UserTask', 'bpmn:Task', 'bpmn:ManualTask']);
const SPLITS = new Set(['bpmn:ExclusiveGateway', 'bpmn:InclusiveGateway']);
const DATA = new Set(['bpmn:DataObject', 'bpmn:DataObjectReference', 'bpmn:DataStoreReference']);
/** Lanes of the person who applies: their tasks are forms, every other lane is a team. */
const CITIZEN_LANE =
  /aanvrager|burger|inwoner|citizen|klant|customer|applicant|client|cliënt|indiener|requester|melder/i;
const FEEL_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

const BRIDGED: Record<string, string> = {
  'bpmn:ServiceTask': 'a service task is automated work, which has no step kind in Omslag',
  'bpmn:ScriptTask': 'a script task is not imported: no code from a definition runs',
  'bpmn:BusinessRuleTask':
    'a business rule task is not imported: model its rules as a decision step or a decision table',
  'bpmn:SendTask': 'a send task is not imported: add a message step if the citizen should be told',
  'bpmn:SubProcess': 'a sub-process is not imported, nor the elements inside it',
  'bpmn:AdHocSubProcess': 'an ad-hoc sub-process is not imported, nor the elements inside it',
  'bpmn:Transaction': 'a transaction is not imported, nor the elements inside it',
  'bpmn:CallActivity': 'calling another process is not imported',
  'bpmn:ParallelGateway': 'a case is at one step at a time: parallel branches are not imported',
  'bpmn:ComplexGateway': 'a complex gateway is not imported',
  'bpmn:EventBasedGateway': 'an event-based gateway is imported only between one message (or signal) and one timer',
  'bpmn:IntermediateThrowEvent': 'a throw event is not imported',
  'bpmn:IntermediateCatchEvent': 'only timer (duration), message and signal catch events are imported',
};

function convert(definitions: El, process: El, participant: El | undefined, report: Report): Process {
  const elements: El[] = process.flowElements ?? [];
  const flows = elements.filter((e) => e.$type === 'bpmn:SequenceFlow');
  const nodes = elements.filter((e) => e.$type !== 'bpmn:SequenceFlow');
  const outgoing = new Map<El, El[]>();
  for (const f of flows) if (f.sourceRef) outgoing.set(f.sourceRef, [...(outgoing.get(f.sourceRef) ?? []), f]);
  const outOf = (el: El | undefined): El[] => (el ? (outgoing.get(el) ?? []) : []);
  const condition = (f: El): string => String(f.conditionExpression?.body ?? '').trim();
  /** The flow a node takes when nothing else decides: its default, else the first without a condition, else the first. */
  const defaultFlow = (el: El): El | undefined => {
    const list = outOf(el);
    return list.find((f) => f === el.default) ?? list.find((f) => !condition(f));
  };
  const onlyFlow = (el: El): El | undefined => defaultFlow(el) ?? outOf(el)[0];

  const laneOf = new Map<El, string>();
  const walkLanes = (sets: El[] | undefined) => {
    for (const set of sets ?? []) {
      for (const lane of set.lanes ?? []) {
        for (const node of lane.flowNodeRef ?? []) laneOf.set(node, clean(lane.name));
        if (lane.childLaneSet) walkLanes([lane.childLaneSet]);
      }
    }
  };
  walkLanes(process.laneSets);

  const teamOf = (el: El): string | undefined => {
    const attr = Object.entries(el.$attrs ?? {}).find(([name]) => localName(name) === 'candidateGroups')?.[1];
    const assignment = extensions(el).find((v) => localName(v.$type) === 'assignmentDefinition')?.candidateGroups;
    const raw = String(attr ?? assignment ?? '')
      .trim()
      .replace(/^=\s*/, '');
    if (raw && /[${}]/.test(raw))
      report(el, `candidate groups '${raw}' are an expression; the team comes from the lane, or set it by hand`);
    else if (raw) {
      const team = slug(
        raw
          .replace(/[[\]"']/g, '')
          .split(',')
          .map((s) => s.trim())
          .find(Boolean) ?? '',
      );
      if (team) return team;
    }
    const lane = laneOf.get(el);
    return lane && !CITIZEN_LANE.test(lane) ? slug(lane) || undefined : undefined;
  };

  // 1. Plan: what each node becomes.
  const plans = new Map<El, Plan>();
  const stepNodes: El[] = [];
  const asStep = (el: El) => {
    plans.set(el, { as: 'step', id: '' });
    stepNodes.push(el);
  };
  const bridge = (el: El, reason?: string) => {
    plans.set(el, { as: 'bridge' });
    if (reason === undefined) return;
    const out = outOf(el);
    const next = onlyFlow(el);
    const followed = out.length > 1 && next ? `; only its flow to '${next.targetRef?.id}' is followed` : '';
    report(el, `${reason}. Bridged: its incoming flows go on to its outgoing flow${followed}`);
  };
  const catchKind = (el: El | undefined): 'timer' | 'message' | 'other' => {
    if (el?.$type === 'bpmn:ReceiveTask') return 'message';
    if (el?.$type !== 'bpmn:IntermediateCatchEvent') return 'other';
    const defs: El[] = el.eventDefinitions ?? [];
    if (defs.length !== 1) return 'other';
    if (defs[0].$type === 'bpmn:TimerEventDefinition') return durationOf(defs[0]) ? 'timer' : 'other';
    return defs[0].$type === 'bpmn:MessageEventDefinition' || defs[0].$type === 'bpmn:SignalEventDefinition'
      ? 'message'
      : 'other';
  };
  const eventWaits = new Map<El, { message: El; timer?: El }>();
  for (const el of nodes.filter((n) => n.$type === 'bpmn:EventBasedGateway')) {
    const targets = outOf(el).map((f) => f.targetRef as El | undefined);
    const messages = targets.filter((t) => catchKind(t) === 'message');
    const timers = targets.filter((t) => catchKind(t) === 'timer');
    if (messages.length === 1 && timers.length <= 1 && messages.length + timers.length === targets.length) {
      asStep(el);
      eventWaits.set(el, { message: messages[0]!, timer: timers[0] });
      for (const t of [messages[0], timers[0]]) if (t) plans.set(t, { as: 'absorbed', into: el });
    }
  }
  const startEvents = nodes.filter((n) => n.$type === 'bpmn:StartEvent');
  const startEvent = startEvents.find((s) => !(s.eventDefinitions ?? []).length) ?? startEvents[0];
  for (const el of nodes) {
    if (plans.has(el)) continue;
    const type = el.$type;
    if (type === 'bpmn:StartEvent') {
      plans.set(el, { as: 'start' });
      if (el !== startEvent) report(el, `only one start event is imported ('${startEvent?.id}')`);
      else if ((el.eventDefinitions ?? []).length)
        report(el, 'the start event is imported as a plain start: its trigger (message, timer, …) is not');
    } else if (type === 'bpmn:EndEvent' || HUMAN.has(type) || type === 'bpmn:ReceiveTask') asStep(el);
    else if (SPLITS.has(type)) {
      if (outOf(el).length > 1 || outOf(el).some((f) => condition(f))) asStep(el);
      else bridge(el); // a join: its flows simply go on
    } else if (type === 'bpmn:IntermediateCatchEvent') {
      if (catchKind(el) === 'other') bridge(el, `${BRIDGED[type]}${timerNote(el)}`);
      else asStep(el);
    } else if (type === 'bpmn:BoundaryEvent')
      plans.set(el, { as: 'none' }); // below, with its task
    else if (DATA.has(type)) {
      plans.set(el, { as: 'none' });
      report(el, 'data objects and stores are not imported: the fields of the steps hold the case data');
    } else bridge(el, BRIDGED[type] ?? `${type.replace(/^bpmn:/, '')} is not imported`);
  }

  // 2. Ids: the BPMN ids made valid step ids, unique.
  const taken = new Set<string>();
  for (const el of stepNodes) (plans.get(el) as { id: string }).id = unique(stepIdOf(el.id ?? ''), taken);

  /** The step a flow leads to, through bridged nodes ('' when it leads nowhere). */
  const resolve = (node: El | undefined, seen = new Set<El>()): string => {
    if (!node || seen.has(node)) return '';
    seen.add(node);
    const plan = plans.get(node);
    if (!plan || plan.as === 'none') return '';
    if (plan.as === 'step') return plan.id;
    if (plan.as === 'absorbed') return resolve(plan.into, seen);
    return resolve(onlyFlow(node)?.targetRef, seen);
  };
  const to = (flow: El | undefined) => resolve(flow?.targetRef);

  // 3. Boundary events: a timer on a handoff is its deadline; others are reported.
  const dueOf = new Map<El, string>();
  const boundaries = nodes.filter((n) => n.$type === 'bpmn:BoundaryEvent');
  for (const b of boundaries) {
    const host: El | undefined = b.attachedToRef;
    const defs: El[] = b.eventDefinitions ?? [];
    const duration =
      defs.length === 1 && defs[0].$type === 'bpmn:TimerEventDefinition' ? durationOf(defs[0]) : undefined;
    if (duration && host && HUMAN.has(host.$type) && teamOf(host)) {
      dueOf.set(host, duration);
      report(
        b,
        `boundary timer on '${host.id}': imported as the handoff's deadline (due ${duration}) with escalate, so the task is flagged when it passes (in BPMN the task is ${b.cancelActivity === false ? 'kept open' : 'cancelled'} and the path after the timer runs); that path is not imported`,
      );
    } else {
      report(b, `boundary events are not imported${host ? ` (on '${host.id}')` : ''}; nor is the path after it`);
    }
  }

  // 4. Steps.
  const fieldIds = new Set<string>();
  const feel = (f: El) => toFeel(f.conditionExpression);
  // A condition that is not FEEL is kept as it was written: the draft's checks then report it (P034 for
  // `==`, `&&`, `${…}`; else P009 or an unknown field), so it cannot be published until it is rewritten,
  // and it never silently holds or fails.
  const asWritten = (f: El) => condition(f).replace(/^=\s*/, '');
  const notFeel = (f: El, error: string) =>
    `condition '${condition(f)}' is not FEEL (${error}): kept as written, it is a problem of the draft until it is rewritten in FEEL`;
  const steps: Record<string, Step> = {};
  const nodeOf = new Map<string, El>();
  for (const el of stepNodes) {
    const id = (plans.get(el) as { id: string }).id;
    nodeOf.set(id, el);
    const title = clean(el.name);
    const doc = documentation(el);
    const type = el.$type;
    let step: Step;
    if (type === 'bpmn:EndEvent') {
      step = { kind: 'end', title: title || 'Einde', outcome: 'completed', message: title || 'Uw zaak is afgerond.' };
      for (const d of el.eventDefinitions ?? []) {
        if (d.$type !== 'bpmn:TerminateEventDefinition')
          report(
            el,
            `the end's ${localName(d.$type)
              .replace(/EventDefinition$/, '')
              .toLowerCase()} is not imported: it is a plain end`,
          );
      }
    } else if (HUMAN.has(type)) {
      const team = teamOf(el);
      const fields = formFields(el, fieldIds, report);
      if (team) {
        const out = outOf(el);
        const outcomeIds = new Set<string>();
        const outcomes: HandoffStep['outcomes'] =
          out.length <= 1
            ? [{ id: 'afgerond', label: 'Afgerond', goto: to(out[0]) }]
            : out.map((f, i) => ({
                id: unique(outcomeIdOf(clean(f.name), i), outcomeIds),
                label: clean(f.name) || `Uitkomst ${i + 1}`,
                goto: to(f),
              }));
        for (const f of out)
          if (condition(f))
            report(
              f,
              'a condition on a flow out of a task for an official is not imported: the official chooses the outcome',
            );
        if (fields.length) outcomes[0].fields = fields;
        const due = dueOf.get(el);
        step = {
          kind: 'handoff',
          title: title || 'Taak',
          team,
          ...(doc ? { instructions: doc } : {}),
          due: due ?? { workingDays: 5 },
          ...(due ? { escalate: {} } : {}),
          outcomes,
        };
      } else {
        step = {
          kind: 'form',
          title: title || 'Formulier',
          ...(doc ? { citizenText: doc } : {}),
          fields,
          next: routes(el),
        };
      }
    } else if (type === 'bpmn:ExclusiveGateway' || type === 'bpmn:InclusiveGateway') {
      if (type === 'bpmn:InclusiveGateway')
        report(
          el,
          'an inclusive gateway is imported as an exclusive choice: only the first condition that holds is followed',
        );
      const otherwise = defaultFlow(el);
      const rules: DecisionStep['rules'] = [];
      for (const f of outOf(el)) {
        if (f === otherwise) continue;
        if (!condition(f)) {
          report(
            f,
            'a second flow without a condition out of a gateway is not imported (the default flow is the otherwise)',
          );
          continue;
        }
        const c = feel(f);
        const name = clean(f.name);
        if ('feel' in c) rules.push({ when: c.feel, goto: to(f), because: name || c.feel });
        else {
          report(f, notFeel(f, c.error));
          rules.push({ when: asWritten(f), goto: to(f), because: name || condition(f) });
        }
      }
      step = {
        kind: 'decision',
        title: title || 'Keuze',
        rules,
        ...(otherwise
          ? { otherwise: { goto: to(otherwise), because: clean(otherwise.name) || 'Geen van de voorwaarden geldt.' } }
          : {}),
      };
    } else if (type === 'bpmn:EventBasedGateway') {
      const { message, timer } = eventWaits.get(el)!;
      const timerDef = timer?.eventDefinitions?.[0];
      step = {
        kind: 'wait',
        title: title || clean(message.name) || 'Wachten',
        signal: signalOf(message),
        then: to(onlyFlow(message)),
        ...(timer ? { timeout: { after: durationOf(timerDef)!, goto: to(onlyFlow(timer)) } } : {}),
      };
      for (const e of [message, timer])
        if (e && outOf(e).length > 1) report(e, 'only one flow out of a catch event is followed');
    } else {
      // A timer, message or signal catch event, or a receive task.
      const def: El | undefined = el.eventDefinitions?.[0];
      const wait: WaitStep =
        def?.$type === 'bpmn:TimerEventDefinition'
          ? { kind: 'wait', title: title || 'Wachten', for: durationOf(def)!, then: to(onlyFlow(el)) }
          : { kind: 'wait', title: title || 'Wachten op bericht', signal: signalOf(el), then: to(onlyFlow(el)) };
      if (outOf(el).length > 1) report(el, 'only one flow out of a wait is followed');
      step = wait;
    }
    steps[id] = step;
  }

  // 5. The start.
  let start: string;
  if (startEvent) {
    if (outOf(startEvent).length > 1) report(startEvent, 'only one flow out of the start event is followed');
    start = to(onlyFlow(startEvent));
  } else {
    start = Object.keys(steps)[0] ?? '';
    report(process, 'the process has no start event: its first step is the start');
  }

  // 6. Steps only reachable through a boundary event that is not imported are left out.
  const edgesOf = (id: string) =>
    stepKind(steps[id].kind)
      .edges(steps[id])
      .map((e) => e.to)
      .filter((t) => steps[t]);
  const reached = walk(steps[start] ? [start] : [], edgesOf);
  const viaBoundary = new Map<El, El>();
  for (const b of boundaries) {
    const queue = outOf(b)
      .map((f) => f.targetRef as El)
      .filter(Boolean);
    while (queue.length) {
      const n = queue.shift()!;
      if (viaBoundary.has(n)) continue;
      viaBoundary.set(n, b);
      queue.push(
        ...outOf(n)
          .map((f) => f.targetRef as El)
          .filter(Boolean),
      );
    }
  }
  for (const id of Object.keys(steps)) {
    const el = nodeOf.get(id)!;
    const b = viaBoundary.get(el);
    if (!reached.has(id) && b) {
      delete steps[id];
      report(el, `only reachable through boundary event '${b.id}', whose path is not imported: left out`);
    }
  }

  // 7. Names that conditions read become fields of the nearest step before them that takes data.
  inferFields(steps, fieldIds);
  // A form without questions gets one to fill in.
  for (const [id, step] of Object.entries(steps)) {
    const kind = stepKind(step.kind);
    if (kind.citizenActs && !kind.fields(step).length) {
      steps[id] =
        kind.withField(step, {
          id: unique('opmerking', fieldIds, ''),
          label: { nl: 'Opmerking', en: 'Remark' },
          type: 'textarea',
        }) ?? step;
    }
  }

  // 8. Order (from the start, then the rest as in the document) and positions.
  const order = [...walk(steps[start] ? [start] : [], (id) => (steps[id] ? edgesOf(id) : [])), ...Object.keys(steps)];
  const ordered: Record<string, Step> = {};
  for (const id of order) if (steps[id] && !ordered[id]) ordered[id] = steps[id];
  const layout: NonNullable<Process['layout']> = {};
  const bounds = new Map<El, El>();
  for (const diagram of definitions.diagrams ?? []) {
    for (const shape of diagram.plane?.planeElement ?? []) {
      if (shape.$type === 'bpmndi:BPMNShape' && shape.bpmnElement && shape.bounds)
        bounds.set(shape.bpmnElement, shape.bounds);
    }
  }
  for (const id of Object.keys(ordered)) {
    const b = bounds.get(nodeOf.get(id)!);
    if (b) layout[id] = { x: Math.round(b.x), y: Math.round(b.y), w: Math.round(b.width), h: Math.round(b.height) };
  }

  const key =
    slug(process.id ?? '')
      .slice(0, 63)
      .replace(/-+$/, '') || 'bpmn-proces';
  const description = documentation(process);
  return {
    key,
    title: clean(process.name) || clean(participant?.name) || clean(definitions.name) || key,
    ...(description ? { description } : {}),
    start,
    contact: { team: 'klantcontact' },
    steps: ordered,
    ...(Object.keys(layout).length ? { layout } : {}),
  };

  /** The routes out of a form: conditional flows first, the default last. */
  function routes(el: El): FormStep['next'] {
    const out = outOf(el);
    const otherwise = defaultFlow(el);
    const conditional = out.filter((f) => f !== otherwise && condition(f));
    for (const f of out)
      if (f !== otherwise && !condition(f))
        report(f, 'a second flow without a condition out of a task means parallel work in BPMN: not imported');
    if (!conditional.length) return to(otherwise ?? out[0]);
    const list: Exclude<FormStep['next'], string> = [];
    for (const f of conditional) {
      const c = feel(f);
      if ('feel' in c) list.push({ when: c.feel, goto: to(f) });
      else {
        report(f, notFeel(f, c.error));
        list.push({ when: asWritten(f), goto: to(f) });
      }
    }
    if (otherwise) list.push({ goto: to(otherwise) });
    return list.length ? list : '';
  }
}

/** A condition as FEEL, or why it is not. Camunda 8 marks FEEL with '='; a JUEL `${…}` around plain FEEL is unwrapped. */
function toFeel(expression: El | undefined): { feel: string } | { error: string } {
  const body = String(expression?.body ?? '').trim();
  const language = String(expression?.language ?? '');
  const candidates = [body.replace(/^=\s*/, '')];
  const juel = /^\$\{([\s\S]*)\}$/.exec(body);
  if (juel) candidates.push(juel[1].trim());
  let error = 'it does not parse';
  for (const candidate of candidates) {
    // FEEL reads some JUEL operators another way (or not at all): refuse them plainly.
    // (`==`, `&&`, `${…}` and the like compileFeel refuses itself, P034: runtime/model/feel-limits.ts.)
    const foreign = /\b(eq|ne|empty)\b/.exec(candidate.replace(/"(?:[^"\\]|\\.)*"/g, '""'));
    if (foreign) {
      error = `'${foreign[0]}' is not FEEL`;
      continue;
    }
    try {
      const names = compileFeel(candidate).names;
      const odd = names.filter((n) => !FEEL_NAME.test(n));
      if (!odd.length) return { feel: candidate };
      error = `it reads names that cannot be field ids: ${odd.join(', ')}`;
    } catch (e) {
      error = (e as Error).message;
    }
  }
  return { error: language && !/feel/i.test(language) ? `language ${language}; ${error}` : error };
}

/** An ISO 8601 duration from a timer definition (`PT1H`, `=PT1H`, `=duration("P2D")`), if it is one. */
function durationOf(def: El | undefined): string | undefined {
  let body = String(def?.timeDuration?.body ?? '')
    .trim()
    .replace(/^=\s*/, '');
  body = /^duration\(\s*"([^"]*)"\s*\)$/.exec(body)?.[1] ?? body;
  body = body.replace(/^"(.*)"$/, '$1').trim();
  return body && isValidDuration(body) ? body : undefined;
}

function timerNote(el: El): string {
  const def: El | undefined = el.eventDefinitions?.[0];
  if (def?.$type !== 'bpmn:TimerEventDefinition') return '';
  if (def.timeDate) return ' (a timer on a date is not a duration)';
  if (def.timeCycle) return ' (a repeating timer is not a duration)';
  return ' (its duration is not ISO 8601)';
}

/** The signal a catch event or receive task waits for: its message's (or signal's) name, lowercase-kebab. */
function signalOf(el: El): string {
  const def: El | undefined = el.eventDefinitions?.[0];
  const raw = String(
    def?.messageRef?.name ?? def?.signalRef?.name ?? el.messageRef?.name ?? el.name ?? el.id ?? 'bericht',
  ).replace(/^=\s*/, '');
  const parts = fold(raw)
    .toLowerCase()
    .split('.')
    .map((p) => p.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, ''))
    .filter(Boolean);
  const name = parts.join('.');
  return /^[a-z]/.test(name) ? name : name ? `bericht-${name}` : 'bericht';
}

/** Camunda 7 form fields (`camunda:formData`) as fields; an id seen before is the same variable shown again. */
function formFields(el: El, fieldIds: Set<string>, report: Report): Field[] {
  const data = extensions(el).find((v) => localName(v.$type) === 'formData');
  const fields: Field[] = [];
  for (const f of (data?.$children ?? []).filter((c: El) => localName(c.$type) === 'formField')) {
    const id = fieldIdOf(String(f.id ?? ''));
    if (!id || fieldIds.has(id)) continue;
    const children: El[] = f.$children ?? [];
    const options = children
      .filter((c) => localName(c.$type) === 'value' && c.id)
      .map((c) => ({ value: String(c.id), label: clean(c.name) || String(c.id) }));
    const known: Record<string, FieldType> = {
      string: 'text',
      long: 'number',
      integer: 'number',
      double: 'number',
      boolean: 'yes-no',
      date: 'date',
      enum: 'choice',
    };
    let type: FieldType = known[String(f.type)] ?? 'text';
    if (!known[String(f.type)]) report(f, `form field type '${f.type}' is imported as text`, 'camunda:formField');
    const ownOptions = !!fieldKind(type).hasOptions;
    if (ownOptions && !options.length) type = 'text';
    const constraints = children.filter((c) => localName(c.$type) === 'validation').flatMap((v) => v.$children ?? []);
    const required = constraints.some((c: El) => localName(c.$type) === 'constraint' && c.name === 'required');
    fieldIds.add(id);
    fields.push({
      id,
      label: clean(f.label) || humanize(id),
      type,
      ...(required ? { required: true } : {}),
      ...(ownOptions && options.length ? { options } : {}),
    });
  }
  return fields;
}

/**
 * Names read by conditions (decision rules, form routes) that no field
 * defines become fields of the nearest step before them that takes data: a
 * form, a handoff (the outcome on the way), or a wait for a signal (its facts).
 */
function inferFields(steps: Record<string, Step>, fieldIds: Set<string>): void {
  for (const step of Object.values(steps)) for (const f of stepKind(step.kind).fields(step)) fieldIds.add(f.id);
  const preds = new Map<string, string[]>();
  for (const [id, step] of Object.entries(steps)) {
    for (const e of stepKind(step.kind).edges(step)) if (steps[e.to]) preds.set(e.to, [...(preds.get(e.to) ?? []), id]);
  }
  // The conditions of the ways out (rules, routes): the expressions a step's `when`s hold.
  const conditions = (step: Step): string[] =>
    stepKind(step.kind)
      .expressions(step)
      .filter((e) => /\.when$/.test(e.where))
      .map((e) => e.expr);
  const all = Object.values(steps).flatMap(conditions);
  for (const [id, step] of Object.entries(steps)) {
    for (const expr of conditions(step)) {
      let names: string[];
      try {
        names = compileFeel(expr).names;
      } catch {
        continue;
      }
      for (const name of names) {
        if (fieldIds.has(name) || !FEEL_NAME.test(name)) continue;
        const field: Field = { id: name, label: humanize(name), type: typeFromUse(name, all), required: true };
        // Breadth-first backwards from the step that reads it (a form can ask it itself).
        const seen = new Set([id]);
        const queue: [string, string | undefined][] = [[id, undefined]];
        let placed = false;
        while (queue.length && !placed) {
          const [at, towards] = queue.shift()!;
          const host = steps[at];
          const taken = stepKind(host.kind).withField(host, field, towards);
          if (taken) steps[at] = taken;
          else {
            for (const p of preds.get(at) ?? [])
              if (!seen.has(p)) {
                seen.add(p);
                queue.push([p, at]);
              }
            continue;
          }
          placed = true;
        }
        // Not placed (no step before it takes data): the checks report it (P005).
        if (placed) fieldIds.add(name);
      }
    }
  }
}

/** A field's type from how conditions use it: compared with a date, a number, true/false, or used as a condition itself. */
function typeFromUse(name: string, exprs: string[]): FieldType {
  const n = name.replace(/[$]/g, '\\$');
  const op = '(<=|>=|!=|<|>|=)';
  const uses = (re: string) => exprs.some((e) => new RegExp(re).test(e));
  if (uses(`\\b${n}\\s*${op}\\s*date\\(`) || uses(`date\\([^)]*\\)\\s*${op}\\s*${n}\\b`)) return 'date';
  if (
    uses(`\\b${n}\\s*${op}\\s*-?\\d`) ||
    uses(`-?\\d\\s*${op}\\s*${n}\\b`) ||
    uses(`\\b${n}\\s+between\\s+-?\\d`) ||
    uses(`\\b${n}\\s+in\\s*[\\[(]\\s*-?\\d`)
  )
    return 'number';
  if (
    uses(`\\b${n}\\s*(!=|=)\\s*(true|false)\\b`) ||
    uses(`(^|\\(|\\band\\s|\\bor\\s)\\s*${n}\\s*($|\\)|\\sand\\b|\\sor\\b)`)
  )
    return 'yes-no';
  return 'text';
}

function walk(from: string[], next: (id: string) => string[]): Set<string> {
  const seen = new Set(from);
  const queue = [...from];
  while (queue.length)
    for (const to of next(queue.shift()!))
      if (!seen.has(to)) {
        seen.add(to);
        queue.push(to);
      }
  return seen;
}

const extensions = (el: El): El[] => el.extensionElements?.values ?? [];
const localName = (name: string): string => name.slice(name.indexOf(':') + 1);
const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
/** A name on one line, without surrounding spaces (BPMN names often hold line breaks). */
const clean = (s: unknown): string => (typeof s === 'string' ? s.replace(/\s+/g, ' ').trim() : '');
const slug = (s: string): string =>
  fold(s)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
const documentation = (el: El): string =>
  ((el.documentation ?? []) as El[])
    .map((d) => String(d.text ?? '').trim())
    .filter(Boolean)
    .join('\n\n');

function stepIdOf(bpmnId: string): string {
  const s = slug(bpmnId);
  return /^[a-z]/.test(s) ? s : s ? `s-${s}` : 'stap';
}
function outcomeIdOf(name: string, i: number): string {
  const s = slug(name);
  return /^[a-z]/.test(s) ? s : `uitkomst-${i + 1}`;
}
function fieldIdOf(id: string): string {
  const s = fold(id)
    .replace(/[^A-Za-z0-9_]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return !s ? '' : /^[A-Za-z]/.test(s) ? s : `f_${s}`;
}
/** `base`, else `base-2`, `base-3`, … (the separator is '' for field ids: `opmerking2`). */
function unique(base: string, taken: Set<string>, separator = '-'): string {
  let id = base;
  for (let i = 2; taken.has(id); i++) id = `${base}${separator}${i}`;
  taken.add(id);
  return id;
}
function humanize(id: string): string {
  const words = id
    .replace(/_/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
