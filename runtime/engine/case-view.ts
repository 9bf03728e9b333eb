import {
  compileFeel,
  FeelEvaluationError,
  formatAnswer,
  isShown,
  outcomeOf,
  reasoningOf,
  own,
  stepKind,
  t,
  taskOf,
  withFeelScope,
  type CounterfactualAlternative,
  type Field,
  type Lang,
  type Process,
} from '../model/index.js';
import { engineCatalogues, translate } from '../i18n/index.js';
import type { AuditEntry, CaseRow, Store } from '../store/index.js';
import { fieldsById } from './effects.js';
import type { Engine } from './engine.js';

/** A word of the case view (timeline, actions) in the view's language. */
const chrome = (key: CaseViewWord, lang: Lang) => translate(engineCatalogues, lang, `caseView.${key}`);
type CaseViewWord = keyof (typeof engineCatalogues)['nl']['caseView'];

function outcomeLabel(process: Process, step: string, outcome: string) {
  const s = own(process.steps, step);
  return taskOf(s)?.outcomes.find((o) => o.id === outcome)?.label ?? outcome;
}

/**
 * A field whose showIf reads answers of its own step is listed (with its
 * showIf) so a client can show it when those answers make it apply; the
 * engine decides on submit, over the known data plus these answers.
 */
function dependsOnStep(field: Field, stepFields: Field[]): boolean {
  if (!field.showIf) return false;
  const ids = new Set(stepFields.map((f) => f.id));
  try {
    return compileFeel(field.showIf).names.some((n) => ids.has(n));
  } catch {
    return false;
  }
}

/** `by`: the audit actor when an intermediary acted by a mandate (`mandate:<id>`): the pages say who, on whose behalf. */
type TimelineItem = { at: string; type: string; step?: string; text: string; by?: string };

/** The timeline in plain words, from the audit trail (what a citizen may see). */
function timeline(entries: AuditEntry[], process: Process, lang: Lang): TimelineItem[] {
  const title = (step: unknown) => t(own(process.steps, String(step))?.title, lang);
  const items: TimelineItem[] = [];
  for (const e of entries) {
    const d = e.data as Record<string, any>;
    const push = (text: string, step?: string) =>
      items.push({
        at: e.at,
        type: e.type,
        ...(step ? { step } : {}),
        text,
        ...(e.actor.startsWith('mandate:') ? { by: e.actor } : {}),
      });
    // A proactive start is not the citizen's application: an offer they received, or a grant the municipality started.
    if (e.type === 'case.started')
      push(chrome(d.trigger?.mode === 'offer' ? 'offered' : d.trigger?.mode === 'grant' ? 'granted' : 'started', lang));
    else if (e.type === 'event.received' && d.type === 'submit')
      push(`${chrome('sent', lang)}: ${title(d.step)}`, d.step);
    else if (e.type === 'event.received' && /^[a-z][a-z0-9-]*$/.test(d.type) && d.type !== 'submit')
      push(d.type, undefined);
    else if (e.type === 'decision.made') push(d.because?.[lang] ?? d.because?.nl ?? '', d.step);
    // A contact task the engine opened because a rule could not be evaluated: the citizen did not ask for it.
    else if (e.type === 'task.opened')
      push(
        d.kind === 'contact' && d.request?.kind !== 'evaluation-failed'
          ? chrome('contact', lang)
          : chrome('handoff', lang),
        d.step,
      );
    else if (e.type === 'task.completed' && d.step === 'contact') push(chrome('contactDone', lang));
    else if (e.type === 'task.completed')
      push(`${chrome('decided', lang)}: ${t(outcomeLabel(process, d.step, d.outcome), lang)}`, d.step);
    else if (e.type === 'message.queued')
      push(`${chrome('message', lang)}: ${d.subject?.[lang] ?? d.subject?.nl}`, d.step);
    else if (e.type === 'case.ended') push(`${chrome('ended', lang)}: ${title(d.step)}`, d.step);
  }
  // Group events are named by their label, not their event name.
  for (const item of items) {
    if (item.type === 'event.received' && !item.step) {
      const label = Object.values(process.groups ?? {})
        .map((g) => g.on?.[item.text])
        .find(Boolean)?.label;
      if (label) item.text = t(label, lang);
    }
  }
  return items;
}

/**
 * The last decision on the case: an official's outcome (with the reason they
 * gave, or their message to the citizen) or the rules'. After a human decision its reason is the why; the
 * automated reasons stay with the automated decision they belong to.
 */
function lastDecision(
  entries: AuditEntry[],
  lang: Lang,
): { by: 'official' | 'rules'; at: string; step: string; because?: string } | null {
  for (const e of [...entries].reverse()) {
    const d = e.data as Record<string, any>;
    // An entry from before every outcome's reason was recorded: the official's message is what they said.
    if (e.type === 'task.completed' && d.step !== 'contact') {
      const because = d.reason ?? d.message;
      return { by: 'official', at: e.at, step: String(d.step), ...(because ? { because: String(because) } : {}) };
    }
    if (e.type === 'decision.made') {
      const because = d.because?.[lang] ?? d.because?.nl;
      return { by: 'rules', at: e.at, step: String(d.step), ...(because ? { because } : {}) };
    }
  }
  return null;
}

/** What would have changed a decision's outcome, as recorded with it, in the reader's language. */
function reasoningView(process: Process, d: Record<string, any>, fields: Map<string, Field>, lang: Lang) {
  const reasoning = reasoningOf(
    process,
    String(d.step),
    d.rule,
    (d.inputs as Record<string, unknown>) ?? {},
    fields,
    lang,
  );
  return reasoning ? { reasoning } : {};
}

function counterfactualView(c: Record<string, unknown>, lang: Lang) {
  return {
    computable: c.computable === true,
    text: String(c[lang] ?? c.nl ?? ''),
    alternatives: Array.isArray(c.alternatives) ? (c.alternatives as CounterfactualAlternative[]) : [],
  };
}

/**
 * The case view: where the case is, what the citizen sees now (the step with
 * its fields), which events are allowed now, the timeline, explanations, open
 * tasks with their expected dates, messages, and the outcome when ended.
 */
export async function caseView(
  engine: Engine,
  store: Store,
  row: CaseRow,
  lang: Lang,
  opts: { internal?: boolean } = {},
) {
  const { loaded, snapshot } = await engine.restore(row);
  const process = loaded.process;
  const data = snapshot.context.data;
  const step = own(process.steps, row.step);
  const ending = outcomeOf(step);
  const kind = step ? stepKind(step.kind) : undefined;
  const fields = fieldsById(process);
  const entries = await store.cases.audit(row.id);

  // can() evaluates guards: one that cannot be evaluated here offers the event (sending it meets the failure and hands over).
  const can = (event: { type: string; data?: unknown }) => {
    const { value, failure } = withFeelScope(() => snapshot.can(event as never));
    return value || !!failure;
  };
  // A showIf that cannot be evaluated: the field is shown (submitting meets the failure and hands over).
  const shown = (f: Field) => {
    try {
      return isShown(f, data);
    } catch (e) {
      if (e instanceof FeelEvaluationError) return true;
      throw e;
    }
  };
  const actions: { type: string; label: string }[] = [];
  if (step && kind?.citizenActs && can({ type: 'submit', data: {} }))
    actions.push({ type: 'submit', label: chrome('submit', lang) });
  for (const group of Object.values(process.groups ?? {})) {
    for (const [event, on] of Object.entries(group.on ?? {})) {
      if (!actions.some((a) => a.type === event) && can({ type: event }))
        actions.push({ type: event, label: t(on.label, lang) });
    }
  }
  if (can({ type: 'person.requested' })) actions.push({ type: 'person.requested', label: chrome('person', lang) });

  const tasks = await store.tasks.list({ caseId: row.id });
  const messages = await store.cases.messages(row.id);
  const openHandoff = tasks.find(
    (task) => task.kind === 'handoff' && (task.status === 'open' || task.status === 'claimed'),
  );

  return {
    id: row.id,
    reference: row.reference,
    process: { key: row.processKey, version: row.version, title: t(process.title, lang) },
    status: row.status,
    rev: row.rev,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    step:
      step && row.step
        ? {
            id: row.step,
            kind: step.kind,
            title: t(step.title, lang),
            text: t(step.citizenText, lang) || undefined,
            fields: kind!.citizenActs
              ? kind!
                  .fields(step)
                  .filter((f) => shown(f) || dependsOnStep(f, kind!.fields(step)))
                  .map((f) => ({
                    id: f.id,
                    type: f.type,
                    label: t(f.label, lang),
                    hint: t(f.hint, lang) || undefined,
                    required: !!f.required,
                    options: f.options?.map((o) => ({ value: o.value, label: t(o.label, lang) })),
                    min: f.min,
                    max: f.max,
                    showIf: f.showIf,
                    value: data[f.id] ?? null,
                  }))
              : undefined,
          }
        : null,
    actions,
    answers: Object.entries(data).map(([id, value]) => ({
      id,
      label: fields.has(id) ? t(fields.get(id)!.label, lang) : id,
      value,
      text: fields.has(id) ? formatAnswer(fields.get(id)!, value, lang) : String(value),
    })),
    // After a late notice the new expected date it named; after an extension the new deadline (README, "Eerlijk wachten").
    expectedBy: openHandoff?.expectedAt ?? openHandoff?.dueAt ?? null,
    waiting: openHandoff?.dueAt
      ? { late: !!openHandoff.lateNotifiedAt, extensionReason: openHandoff.extensionReason }
      : null,
    tasks: tasks.map((x) => ({
      id: x.id,
      kind: x.kind,
      step: x.step,
      team: x.team,
      status: x.status,
      dueAt: x.dueAt,
      ...(opts.internal ? { assignee: x.assigneeName } : {}),
    })),
    explanations: entries
      .filter((e) => e.type === 'decision.made')
      .map((e) => {
        const d = e.data as Record<string, any>;
        return {
          at: e.at,
          step: d.step,
          rule: d.rule,
          because: d.because?.[lang] ?? d.because?.nl,
          ...(opts.internal ? { when: d.when, inputs: d.inputs } : { inputs: d.inputs }),
          // For officials: each rule tried, with its condition in words and the case's values.
          ...(opts.internal ? reasoningView(process, d, fields, lang) : {}),
          ...(d.counterfactual ? { counterfactual: counterfactualView(d.counterfactual, lang) } : {}),
        };
      }),
    decision: lastDecision(entries, lang),
    timeline: timeline(entries, process, lang),
    messages: messages.map((m) => ({
      at: m.createdAt,
      step: m.step,
      subject: m.subject[lang] ?? m.subject.nl,
      body: m.body[lang] ?? m.body.nl,
    })),
    outcome:
      row.status === 'ended' && ending
        ? {
            outcome: ending.outcome,
            title: t(step?.title, lang),
            message:
              messages
                .filter((m) => m.step === row.step)
                .map((m) => m.body[lang] ?? m.body.nl)
                .at(-1) ?? t(ending.message, lang),
          }
        : null,
  };
}
export type CaseView = Awaited<ReturnType<typeof caseView>>;
