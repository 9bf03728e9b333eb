import { t as text, type Group } from '../../runtime/model/index.js';
import { useDesigner } from '../context.js';
import { useEditor } from '../editor/editor-context.js';
import { removeElements } from '../model/flow.js';
import { ItemActions, Section, StepSelect, TextInput, TextPair } from './controls.js';
import { uniqueId, withKey } from './text-pair.js';

/** A group (phase): its title, its steps, and the events that work from each of its steps (withdraw, …). */
export function GroupEditor({ id, group }: { id: string; group: Group }) {
  const { t, lang } = useDesigner();
  const { def, edit, readOnly, select } = useEditor();
  const update = (label: string, next: Group) => edit(label, { ...def, groups: { ...def.groups, [id]: next } });
  const events = Object.entries(group.on ?? {});
  const setEvents = (label: string, list: [string, { goto: string; label: Group['title'] }][]) =>
    update(label, withKey(group, 'on', list.length ? Object.fromEntries(list) : undefined));
  const members = Object.entries(def.steps).filter(([, s]) => s.group === id);
  return (
    <div className="ontwerp-properties" key={id}>
      <h2 className="utrecht-heading-2 ontwerp-panel-title">
        {t.group}: {text(group.title, lang) || id}
      </h2>
      <p className="utrecht-form-field-description ontwerp-hint">
        {t.groupHelp} {t.stepId}: <code>{id}</code>
      </p>
      <fieldset className="ontwerp-fieldset">
        <Section title={t.general}>
          <TextPair
            label={t.title}
            value={group.title}
            onCommit={(v) => update(t.cmdRename, { ...group, title: v ?? '' })}
          />
          <p className="utrecht-form-label ontwerp-label-text">{t.groupSteps}</p>
          {members.length ? (
            <ul>
              {members.map(([sid, s]) => (
                <li key={sid}>
                  <button
                    type="button"
                    className="utrecht-link-button utrecht-link-button--html-button"
                    onClick={() => select([sid], { focus: true })}
                  >
                    {text(s.title, lang) || sid}
                  </button>
                </li>
              ))}
            </ul>
          ) : (
            <p className="utrecht-form-field-description ontwerp-hint">{t.groupEmpty}</p>
          )}
        </Section>
        <Section title={t.groupEvents}>
          <p className="utrecht-form-field-description ontwerp-hint">{t.groupEventsHint}</p>
          <ol className="ontwerp-list">
            {events.map(([name, on], i) => (
              <li key={i} className="ontwerp-list__item ontwerp-card">
                <div className="ontwerp-card__head">
                  <strong>{text(on.label, lang) || name}</strong>
                  <ItemActions
                    index={i}
                    count={events.length}
                    name={name}
                    onMove={(a, b) => {
                      const l = [...events];
                      const [x] = l.splice(a, 1);
                      l.splice(b, 0, x);
                      setEvents(t.cmdEdit, l);
                    }}
                    onRemove={() =>
                      setEvents(
                        t.cmdEdit,
                        events.filter((_, j) => j !== i),
                      )
                    }
                  />
                </div>
                <TextInput
                  label={t.eventName}
                  hint={t.eventNameHint}
                  width="m"
                  value={name}
                  onCommit={(v) =>
                    setEvents(
                      t.cmdEdit,
                      events.map((e, j) => (j === i ? [v.trim(), e[1]] : e)),
                    )
                  }
                />
                <TextPair
                  label={t.eventLabel}
                  value={on.label}
                  onCommit={(v) =>
                    setEvents(
                      t.cmdEdit,
                      events.map((e, j) => (j === i ? [e[0], { ...e[1], label: v ?? '' }] : e)),
                    )
                  }
                />
                <StepSelect
                  label={t.goTo}
                  value={on.goto}
                  onChange={(v) =>
                    setEvents(
                      t.cmdConnect,
                      events.map((e, j) => (j === i ? [e[0], { ...e[1], goto: v }] : e)),
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
              onClick={() =>
                setEvents(t.cmdEdit, [
                  ...events,
                  [
                    uniqueId(
                      'gebeurtenis',
                      events.map((e) => e[0]),
                    ),
                    { goto: '', label: t.newEvent },
                  ],
                ])
              }
            >
              {t.addEvent}
            </button>
          )}
        </Section>
        {!readOnly && (
          <div className="utrecht-button-group ontwerp-button-row">
            <button
              type="button"
              className="utrecht-button utrecht-button--secondary-action utrecht-button--danger"
              onClick={() => {
                edit(t.cmdDelete, removeElements(def, [`group:${id}`], []));
                select([]);
              }}
            >
              {t.deleteGroup}
            </button>
          </div>
        )}
      </fieldset>
    </div>
  );
}
