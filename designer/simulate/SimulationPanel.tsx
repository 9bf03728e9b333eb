import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { outcomeWord, type Field } from '../../runtime/model/index.js';
import { useDesigner } from '../context.js';
import { useEditor } from '../editor/editor-context.js';
import type { Simulation, SimulationStart } from '../model/simulation.js';
import { AnswerForm } from './AnswerForm.js';
import { exampleFacts, parseFacts, triggerHolds } from './facts.js';

type SimState = ReturnType<Simulation['state']>;

/**
 * Runs the journey in the browser with the journey simulator the server
 * moves cases with (designer/model/simulation.ts, loaded when first used): fill the
 * forms (validated as the server would), see decisions decide and why,
 * choose handoff outcomes, fire timers and signals, go back a step. The
 * current step lights up on the canvas. A process with triggers can also
 * start proactively: via a trigger, with the signal's data typed as JSON.
 */
export function SimulationPanel({ onActive }: { onActive(step: string | null): void }) {
  const { t, lang } = useDesigner();
  const { def, problems } = useEditor();
  const sim = useRef<Simulation | null>(null);
  const [state, setState] = useState<SimState | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [startedWith, setStartedWith] = useState<typeof def | null>(null);

  const refresh = useCallback(() => {
    const s = sim.current?.state() ?? null;
    setState(s);
    onActive(s?.step ?? null);
  }, [onActive]);

  const start = useCallback(
    async (opts?: SimulationStart) => {
      setFailure(null);
      setErrors({});
      try {
        const { createSimulation } = await import('../model/simulation.js');
        sim.current = createSimulation(def, lang, opts);
        setStartedWith(def);
        refresh();
      } catch (error) {
        sim.current = null;
        setState(null);
        onActive(null);
        setFailure((error as Error).message);
      }
    },
    [def, lang, onActive, refresh],
  );

  // The canvas stops lighting up a step when the panel closes.
  useEffect(() => () => onActive(null), [onActive]);

  const act = (fn: (s: Simulation) => Record<string, string[]> | null | boolean | void) => {
    if (!sim.current) return;
    const result = fn(sim.current);
    setErrors(result && typeof result === 'object' ? result : {});
    refresh();
  };

  const blocking = problems.filter((p) => p.code === 'P000' || p.code === 'P010');
  return (
    <div className="ontwerp-simulation">
      <h2 className="utrecht-heading-2 ontwerp-panel-title">{t.simulate}</h2>
      <p className="utrecht-form-field-description ontwerp-hint">{t.simulateHint}</p>
      <div className="utrecht-button-group ontwerp-button-row">
        <button type="button" className="utrecht-button utrecht-button--primary-action" onClick={() => void start()}>
          {state ? t.simRestart : t.simStart}
        </button>
        {state && (
          <button
            type="button"
            className="utrecht-button utrecht-button--secondary-action"
            onClick={() => act((s) => s.back())}
            aria-disabled={state.log.length <= 1 || undefined}
          >
            {t.simBack}
          </button>
        )}
      </div>
      {(def.triggers?.length ?? 0) > 0 && <ProactiveStart onStart={(via, facts) => void start({ via, facts })} />}
      {blocking.length > 0 && !state && (
        <p className="utrecht-alert utrecht-alert--info ontwerp-alert">{t.simNeedsShape}</p>
      )}
      {failure && (
        <p className="utrecht-alert utrecht-alert--error ontwerp-alert" role="alert">
          {t.simFailed(failure)}
        </p>
      )}
      {state && startedWith !== def && (
        <p className="utrecht-alert utrecht-alert--info ontwerp-alert" role="status">
          {t.simStale}
        </p>
      )}
      {state && (
        <div className="ontwerp-sim" aria-live="polite">
          <section className="ontwerp-sim__now" aria-labelledby="sim-nu">
            <h3 className="utrecht-heading-3" id="sim-nu">
              {state.ended ? t.simEnded : t.simNow}
            </h3>
            <p data-testid="sim-step">
              <strong>{state.title || state.step}</strong>
              {state.kind ? ` (${t.kinds[state.kind as keyof typeof t.kinds] ?? state.kind})` : ''}
            </p>
            {state.ended && (
              <p data-testid="sim-outcome">{t.simOutcome(state.outcome ? outcomeWord(state.outcome, lang) : '')}</p>
            )}
            {state.fields && (
              <AnswerForm
                key={`${state.step}-${state.log.length}`}
                fields={state.fields}
                data={state.data}
                errors={errors}
                submitLabel={t.simSubmit}
                onSubmit={(raw) => act((s) => s.submit(raw))}
              />
            )}
            {state.outcomes && (
              <Outcomes
                outcomes={state.outcomes}
                data={state.data}
                errors={errors}
                onComplete={(id, raw) => act((s) => s.complete(id, raw))}
              />
            )}
            {state.waits && (
              <>
                <div className="utrecht-button-group ontwerp-button-row">
                  {state.waits.timer && (
                    <button
                      type="button"
                      className="utrecht-button utrecht-button--secondary-action"
                      onClick={() => act((s) => s.fireTimer(state.waits!.timer!))}
                    >
                      {t.simFireTimer}
                    </button>
                  )}
                  {state.waits.signal && !state.signalFields.length && (
                    <button
                      type="button"
                      className="utrecht-button utrecht-button--secondary-action"
                      onClick={() => act((s) => s.signal(state.waits!.signal!))}
                    >
                      {t.simSignal(state.waits.signal)}
                    </button>
                  )}
                  {state.waits.timeout && (
                    <button
                      type="button"
                      className="utrecht-button utrecht-button--secondary-action"
                      onClick={() => act((s) => s.fireTimer(state.waits!.timeout!))}
                    >
                      {t.simTimeout}
                    </button>
                  )}
                </div>
                {state.waits.signal && state.signalFields.length > 0 && (
                  // The facts the signal brings, as the register would send them.
                  <AnswerForm
                    key={`signal-${state.log.length}`}
                    fields={state.signalFields}
                    data={state.data}
                    errors={errors}
                    submitLabel={t.simSignal(state.waits.signal)}
                    onSubmit={(raw) =>
                      act((s) => (s.signal(state.waits!.signal!, raw) ? null : { _: [t.simSignalRefused] }))
                    }
                  />
                )}
              </>
            )}
            {!state.ended && state.events.length > 0 && (
              <div className="utrecht-button-group ontwerp-button-row" role="group" aria-label={t.groupEvents}>
                {state.events.map((e) => (
                  <button
                    key={e.name}
                    type="button"
                    className="utrecht-button utrecht-button--secondary-action"
                    onClick={() => act((s) => s.groupEvent(e.name))}
                  >
                    {e.label || e.name}
                  </button>
                ))}
              </div>
            )}
          </section>
          {state.explanations.length > 0 && (
            <section aria-labelledby="sim-uitleg">
              <h3 className="utrecht-heading-3" id="sim-uitleg">
                {t.simExplanations}
              </h3>
              <ul className="ontwerp-explanations" data-testid="sim-explanations">
                {state.explanations.map((e, i) => (
                  <li key={i}>
                    <p className="ontwerp-explanation__because">{e.because}</p>
                    <p className="utrecht-form-field-description ontwerp-hint">
                      {e.trigger !== undefined
                        ? t.simTriggerRule(e.trigger + 1)
                        : t.simRule(e.step, ruleName(e.rule, t.otherwise))}
                      {Object.keys(e.inputs).length
                        ? ` · ${Object.entries(e.inputs)
                            .map(([k, v]) => `${k} = ${JSON.stringify(v)}`)
                            .join(', ')}`
                        : ''}
                    </p>
                  </li>
                ))}
              </ul>
            </section>
          )}
          {state.messages.length > 0 && (
            <section aria-labelledby="sim-berichten">
              <h3 className="utrecht-heading-3" id="sim-berichten">
                {t.simMessages}
              </h3>
              <ul>
                {state.messages.map((m, i) => (
                  <li key={i}>{m}</li>
                ))}
              </ul>
            </section>
          )}
          <section aria-labelledby="sim-log">
            <h3 className="utrecht-heading-3" id="sim-log">
              {t.simLog}
            </h3>
            <ol className="ontwerp-log" data-testid="sim-log">
              {state.log.map((l, i) => (
                <li key={i}>{l}</li>
              ))}
            </ol>
          </section>
        </div>
      )}
    </div>
  );
}

/** A rule by its number as the designer counts (from 1); `otherwise` and `error` by name. */
const ruleName = (rule: number | string, otherwise: string) =>
  typeof rule === 'number' ? String(rule + 1) : rule === 'otherwise' ? otherwise : rule;

type OutcomeChoice = { id: string; label: string; fields: Field[] };

function Outcomes({
  outcomes,
  data,
  errors,
  onComplete,
}: {
  outcomes: OutcomeChoice[];
  data: Record<string, unknown>;
  errors: Record<string, string[]>;
  onComplete(id: string, raw: Record<string, unknown>): void;
}) {
  const { t } = useDesigner();
  const [chosen, setChosen] = useState<string | null>(null);
  const outcome = outcomes.find((o) => o.id === chosen);
  return (
    <div>
      <p>{t.simChooseOutcome}</p>
      <div className="utrecht-button-group ontwerp-button-row">
        {outcomes.map((o) => (
          <button
            key={o.id}
            type="button"
            className="utrecht-button utrecht-button--secondary-action"
            aria-pressed={chosen === o.id}
            onClick={() => (o.fields.length ? setChosen(o.id) : onComplete(o.id, {}))}
          >
            {o.label}
          </button>
        ))}
      </div>
      {outcome && (
        <AnswerForm
          fields={outcome.fields}
          data={data}
          errors={errors}
          submitLabel={t.simCompleteWith(outcome.label)}
          onSubmit={(raw) => onComplete(outcome.id, raw)}
        />
      )}
    </div>
  );
}

/**
 * A proactive start: choose a trigger, type the facts its signal brings (a
 * JSON object, prefilled with the names the trigger reads), and start the
 * journey at the trigger's start step. Says so when the condition does not
 * hold for the facts (the server would start no case), but starts anyway.
 */
function ProactiveStart({ onStart }: { onStart(via: number, facts: Record<string, unknown>): void }) {
  const { t } = useDesigner();
  const { def } = useEditor();
  const id = useId();
  const triggers = def.triggers ?? [];
  const [via, setVia] = useState(0);
  const trigger = triggers[Math.min(via, triggers.length - 1)];
  const [text, setText] = useState(() => JSON.stringify(trigger ? exampleFacts(def, trigger) : {}, null, 2));
  const [warning, setWarning] = useState<string | null>(null);
  const parsed = parseFacts(text);
  const error = parsed.ok ? null : parsed.error === 'json' ? t.simFactsInvalid(parsed.message) : t.simFactsNotObject;
  const choose = (i: number) => {
    setVia(i);
    setWarning(null);
    if (triggers[i]) setText(JSON.stringify(exampleFacts(def, triggers[i]), null, 2));
  };
  if (!trigger) return null;
  const n = Math.min(via, triggers.length - 1);
  return (
    <section className="ontwerp-section" aria-labelledby={`${id}-h`}>
      <h3 className="utrecht-heading-3" id={`${id}-h`}>
        {t.simProactive}
      </h3>
      <p className="utrecht-form-field-description ontwerp-hint">{t.simProactiveHint}</p>
      <div className="ontwerp-control">
        <label htmlFor={`${id}-via`} className="utrecht-form-label ontwerp-label-text">
          {t.simTrigger}
        </label>
        <select
          id={`${id}-via`}
          className="utrecht-select utrecht-select--html-select ontwerp-input--m"
          value={n}
          onChange={(e) => choose(Number(e.target.value))}
        >
          {triggers.map((tr, i) => (
            <option key={i} value={i}>
              {t.simTriggerOption(i + 1, tr.signal, tr.mode === 'grant' ? t.modeGrant : t.modeOffer)}
            </option>
          ))}
        </select>
      </div>
      <div className="ontwerp-control">
        <label htmlFor={`${id}-facts`} className="utrecht-form-label ontwerp-label-text">
          {t.simFacts}
        </label>
        <span className="utrecht-form-field-description ontwerp-hint" id={`${id}-hint`}>
          {t.simFactsHint}
        </span>
        {error && (
          <span className="utrecht-form-field-error-message ontwerp-field-error" id={`${id}-error`}>
            {error}
          </span>
        )}
        <textarea
          id={`${id}-facts`}
          className="utrecht-textarea utrecht-textarea--html-textarea ontwerp-facts"
          rows={4}
          spellCheck={false}
          value={text}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
          onChange={(e) => {
            setText(e.target.value);
            setWarning(null);
          }}
        />
      </div>
      <div className="utrecht-button-group ontwerp-button-row">
        <button
          type="button"
          className="utrecht-button utrecht-button--secondary-action"
          aria-disabled={!parsed.ok || undefined}
          onClick={() => {
            if (!parsed.ok) return;
            setWarning(triggerHolds(trigger, parsed.facts) === true ? null : t.simTriggerNotHolds);
            onStart(n, parsed.facts);
          }}
        >
          {t.simStartVia(n + 1)}
        </button>
      </div>
      {warning && (
        <p className="utrecht-alert utrecht-alert--info ontwerp-alert" role="status">
          {warning}
        </p>
      )}
    </section>
  );
}
