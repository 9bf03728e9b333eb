import type { FormStep } from '../../runtime/model/index.js';
import { useDesigner } from '../context.js';
import { useEditor } from '../editor/editor-context.js';
import { FeelInput } from '../monaco/FeelInput.js';
import { Check, ItemActions, Section, StepSelect } from './controls.js';
import { FieldList } from './FieldList.js';
import { Preview } from './Preview.js';
import { defineStepEditor } from './step-editor.js';
import { moveItem, withKey } from './text-pair.js';

type Route = { when?: string; goto: string };

/** A form: its questions, one per page or together, and where it goes next (one step, or routes by condition). */
function FormEditor({ id, step, update }: { id: string; step: FormStep; update(label: string, next: FormStep): void }) {
  const { t } = useDesigner();
  const { readOnly } = useEditor();
  const routes: Route[] | null = typeof step.next === 'string' ? null : step.next;
  const setRoutes = (label: string, next: Route[]) => {
    // One route without a condition is just "next".
    update(label, { ...step, next: next.length === 1 && !next[0].when ? next[0].goto : (next as FormStep['next']) });
  };
  return (
    <>
      <Section title={t.questions}>
        <FieldList
          title={t.questions}
          fields={step.fields}
          onChange={(label, fields) => update(label, { ...step, fields })}
        />
        <Check
          label={t.onePerPage}
          checked={!!step.onePerPage}
          onChange={(v) => update(t.cmdEdit, withKey(step, 'onePerPage', v || undefined))}
        />
      </Section>
      <Section title={t.next}>
        {!routes && (
          <>
            <StepSelect
              label={t.nextStep}
              value={step.next as string}
              exclude={id}
              onChange={(v) => update(t.cmdConnect, { ...step, next: v })}
            />
            {!readOnly && (
              <button
                type="button"
                className="utrecht-button utrecht-button--secondary-action"
                onClick={() => setRoutes(t.cmdAddRoute, [{ when: 'true', goto: '' }, { goto: step.next as string }])}
              >
                {t.addRoute}
              </button>
            )}
          </>
        )}
        {routes && (
          <>
            <p className="utrecht-form-field-description ontwerp-hint">{t.routesHint}</p>
            <ol className="ontwerp-list">
              {routes.map((r, i) => (
                <li key={i} className="ontwerp-list__item ontwerp-card">
                  <div className="ontwerp-card__head">
                    <strong>{r.when === undefined ? t.defaultRoute : t.routeN(i + 1)}</strong>
                    <ItemActions
                      index={i}
                      count={routes.length}
                      name={t.routeN(i + 1)}
                      onMove={(a, b) => setRoutes(t.cmdEdit, moveItem(routes, a, b))}
                      onRemove={() =>
                        setRoutes(
                          t.cmdEdit,
                          routes.filter((_, j) => j !== i),
                        )
                      }
                    />
                  </div>
                  {r.when !== undefined && (
                    <FeelInput
                      label={t.condition}
                      value={r.when}
                      onCommit={(v) =>
                        setRoutes(
                          t.cmdEdit,
                          routes.map((x, j) => (j === i ? { ...x, when: v } : x)),
                        )
                      }
                    />
                  )}
                  <StepSelect
                    label={t.goTo}
                    value={r.goto}
                    exclude={id}
                    onChange={(v) =>
                      setRoutes(
                        t.cmdConnect,
                        routes.map((x, j) => (j === i ? { ...x, goto: v } : x)),
                      )
                    }
                  />
                </li>
              ))}
            </ol>
            {!readOnly && (
              <button
                type="button"
                className="utrecht-button utrecht-button--secondary-action"
                onClick={() => {
                  const at = routes.findIndex((r) => r.when === undefined);
                  const route = { when: 'true', goto: '' };
                  setRoutes(
                    t.cmdAddRoute,
                    at < 0 ? [...routes, route] : [...routes.slice(0, at), route, ...routes.slice(at)],
                  );
                }}
              >
                {t.addRoute}
              </button>
            )}
          </>
        )}
      </Section>
      <Preview stepId={id} />
    </>
  );
}

export const formEditor = defineStepEditor<FormStep>('form', FormEditor);
