import { isFinal, t as text, type Group, type Step } from '../../runtime/model/index.js';
import { KindIcon } from '../canvas/icons.js';
import { useDesigner } from '../context.js';
import { useEditor } from '../editor/editor-context.js';
import { moveIntoGroup } from '../editor/groups.js';
import { removeElements, setGroup } from '../model/flow.js';
import { Section, Select, TextPair } from './controls.js';
import { designerKinds } from '../kinds.js';
import { GroupEditor } from './GroupEditor.js';
import { ProcessEditor } from './ProcessEditor.js';
import { withKey } from './text-pair.js';

/** The properties of what is selected: a step (by its kind's registered editor), a group, or the process. */
export function PropertiesPanel() {
  const { t } = useDesigner();
  const { def, selection, edit, select, readOnly } = useEditor();
  if (selection.length > 1) {
    return (
      <div className="ontwerp-properties">
        <h2 className="utrecht-heading-2 ontwerp-panel-title">{t.nSelected(selection.length)}</h2>
        <ul>
          {selection.map((id) => (
            <li key={id}>
              <code>{id}</code>
            </li>
          ))}
        </ul>
        {!readOnly && (
          <button
            type="button"
            className="utrecht-button utrecht-button--secondary-action utrecht-button--danger"
            onClick={() => {
              edit(t.cmdDelete, removeElements(def, selection, []));
              select([]);
            }}
          >
            {t.deleteSelected}
          </button>
        )}
      </div>
    );
  }
  const [only] = selection;
  if (only?.startsWith('group:') && def.groups?.[only.slice(6)])
    return <GroupEditor id={only.slice(6)} group={def.groups[only.slice(6)] as Group} />;
  if (only && def.steps[only]) return <StepProperties id={only} step={def.steps[only]} />;
  return <ProcessEditor />;
}

function StepProperties({ id, step }: { id: string; step: Step }) {
  const { t, lang } = useDesigner();
  const { def, edit, readOnly, select } = useEditor();
  const registered = designerKinds[step.kind];
  const update = (label: string, next: Step) => edit(label, { ...def, steps: { ...def.steps, [id]: next } });
  const groups = Object.entries(def.groups ?? {});
  return (
    <div className="ontwerp-properties" key={id}>
      <h2 className="utrecht-heading-2 ontwerp-panel-title ontwerp-properties__title">
        <KindIcon kind={step.kind} size={20} />
        <span>
          {t.kinds[step.kind]}: {text(step.title, lang) || id}
        </span>
      </h2>
      <p className="utrecht-form-field-description ontwerp-hint">
        {t.kindHelp[step.kind]} {t.stepId}: <code>{id}</code>
        {def.start === id ? ` · ${t.isStart}` : ''}
      </p>
      <fieldset className="ontwerp-fieldset">
        <Section title={t.general}>
          <TextPair
            label={t.title}
            value={step.title}
            onCommit={(v) => update(t.cmdRename, { ...step, title: v ?? '' } as Step)}
          />
          <TextPair
            label={t.citizenText}
            hint={t.citizenTextHint}
            multiline
            value={step.citizenText}
            onCommit={(v) => update(t.cmdEdit, withKey(step, 'citizenText', v))}
          />
          {groups.length > 0 && !isFinal(step) && (
            <Select
              label={t.inGroup}
              value={step.group ?? ''}
              options={[
                { value: '', label: t.noGroup },
                ...groups.map(([g, gr]) => ({ value: g, label: text(gr.title, lang) || g })),
              ]}
              onChange={(v) => edit(t.cmdGroup, moveIntoGroup(def, id, v || undefined, setGroup))}
            />
          )}
          {def.start !== id && !readOnly && !isFinal(step) && (
            <button
              type="button"
              className="utrecht-button utrecht-button--secondary-action"
              onClick={() => edit(t.cmdStart, { ...def, start: id })}
            >
              {t.makeStart}
            </button>
          )}
        </Section>
        {registered ? (
          <registered.Editor id={id} step={step} update={update} />
        ) : (
          <p>{t.unknownKind(String(step.kind))}</p>
        )}
        {!readOnly && (
          <div className="utrecht-button-group ontwerp-button-row">
            <button
              type="button"
              className="utrecht-button utrecht-button--secondary-action utrecht-button--danger"
              onClick={() => {
                edit(t.cmdDelete, removeElements(def, [id], []));
                select([]);
              }}
            >
              {t.deleteStep}
            </button>
          </div>
        )}
      </fieldset>
    </div>
  );
}
