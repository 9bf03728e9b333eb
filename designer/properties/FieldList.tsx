import { useState } from 'react';
import { fieldKind, fieldTypes, t as text, type Field, type FieldType } from '../../runtime/model/index.js';
import { useDesigner } from '../context.js';
import { useEditor } from '../editor/editor-context.js';
import { FeelInput } from '../monaco/FeelInput.js';
import { Check, ItemActions, Select, TextInput, TextPair } from './controls.js';
import { derivedId, mentions, moveItem, splitText, uniqueId, withKey } from './text-pair.js';

/** Whether a field type's choices are the field's own options (the designer edits them). */
const hasOptions = (type: FieldType) => !!fieldKind(type).hasOptions;

type Props = { fields: Field[]; onChange(label: string, fields: Field[]): void; title: string };

/**
 * The questions of a form (or the fields of an outcome or a signal): add,
 * reorder, remove, and edit each with every option of its type: label and
 * hint in Dutch and English, required, choices, bounds, and when it is asked (showIf).
 */
export function FieldList({ fields, onChange, title }: Props) {
  const { t } = useDesigner();
  const { fields: known, readOnly } = useEditor();
  const [open, setOpen] = useState<number | null>(null);

  const update = (i: number, label: string, field: Field) =>
    onChange(
      label,
      fields.map((f, j) => (j === i ? field : f)),
    );
  const add = () => {
    const id = uniqueId(
      'vraag',
      known.map((f) => f.id),
      '',
    );
    onChange(t.cmdAddField, [...fields, { id, label: t.newQuestion, type: 'text', required: true }]);
    setOpen(fields.length);
  };

  return (
    <div className="ontwerp-fields" role="group" aria-label={title}>
      {fields.length === 0 && <p className="utrecht-form-field-description ontwerp-hint">{t.noFields}</p>}
      <ol className="ontwerp-list">
        {fields.map((f, i) => (
          <li key={i} className="ontwerp-list__item" data-field={f.id}>
            <details
              open={open === i}
              onToggle={(e) => {
                const isOpen = (e.target as HTMLDetailsElement).open;
                if (isOpen) setOpen(i);
                else if (open === i) setOpen(null);
              }}
            >
              <summary>
                <span className="ontwerp-list__name">{text(f.label, 'nl') || f.id}</span>
                <span className="ontwerp-list__meta">
                  {t.fieldTypes[f.type] ?? f.type}
                  {f.required ? ` · ${t.required}` : ''}
                  {f.showIf ? ` · ${t.conditional}` : ''} · <code>{f.id}</code>
                </span>
              </summary>
              <FieldEditor field={f} onChange={(label, next) => update(i, label, next)} />
            </details>
            <ItemActions
              index={i}
              count={fields.length}
              name={text(f.label, 'nl') || f.id}
              onMove={(from, to) => {
                onChange(t.cmdMoveField, moveItem(fields, from, to));
                if (open === from) setOpen(to);
              }}
              onRemove={() => {
                onChange(
                  t.cmdRemoveField,
                  fields.filter((_, j) => j !== i),
                );
                setOpen(null);
              }}
            />
          </li>
        ))}
      </ol>
      {!readOnly && (
        <button type="button" className="utrecht-button utrecht-button--secondary-action" onClick={add}>
          {t.addField}
        </button>
      )}
    </div>
  );
}

function FieldEditor({ field, onChange }: { field: Field; onChange(label: string, field: Field): void }) {
  const { t } = useDesigner();
  const { def, fields: known } = useEditor();
  const set = (key: keyof Field, value: unknown) => onChange(t.cmdEditField(field.id), withKey(field, key, value));
  // The question first; the id follows it while Omslag made the id up and nothing uses it yet.
  const setQuestion = (label: Field['label'] | undefined) => {
    const id = derivedId({
      id: field.id,
      placeholder: /^vraag\d+$/,
      oldText: splitText(field.label).nl,
      newText: splitText(label).nl,
      style: 'camel',
      taken: known.map((f) => f.id),
      referenced: mentions(def, field.id) > 1,
    });
    onChange(t.cmdEditField(field.id), { ...field, label: label ?? '', id });
  };
  // What min/max mean for the type (and whether they are numbers or dates).
  const bounds = fieldKind(field.type).bounds;
  const parseBound = (v: string) =>
    v.trim() === '' ? undefined : bounds === 'date' ? v.trim() : Number.isFinite(Number(v)) ? Number(v) : v.trim();
  return (
    <div className="ontwerp-field-editor">
      <TextPair label={t.question} value={field.label} onCommit={setQuestion} />
      <div className="ontwerp-row">
        <TextInput
          label={t.fieldId}
          hint={t.fieldIdHint}
          value={field.id}
          width="m"
          onCommit={(v) => set('id', v.trim())}
        />
        <Select
          label={t.fieldType}
          value={field.type}
          options={fieldTypes.map((ft) => ({ value: ft, label: t.fieldTypes[ft] ?? ft }))}
          onChange={(v) => {
            const type = fieldTypes.find((ft) => ft === v) ?? field.type;
            onChange(t.cmdEditField(field.id), {
              ...withKey(field, 'options', hasOptions(type) ? (field.options ?? []) : undefined),
              type,
            });
          }}
        />
      </div>
      <TextPair label={t.hintText} value={field.hint} onCommit={(v) => set('hint', v)} />
      <Check label={t.required} checked={!!field.required} onChange={(v) => set('required', v || undefined)} />
      {hasOptions(field.type) && <OptionsEditor field={field} onChange={onChange} />}
      {bounds && (
        <div className="ontwerp-row">
          <TextInput
            label={t.boundMin[bounds]}
            width="s"
            value={field.min === undefined ? '' : String(field.min)}
            hint={bounds === 'date' ? t.dateBoundHint : undefined}
            onCommit={(v) => set('min', parseBound(v))}
          />
          <TextInput
            label={t.boundMax[bounds]}
            width="s"
            value={field.max === undefined ? '' : String(field.max)}
            onCommit={(v) => set('max', parseBound(v))}
          />
        </div>
      )}
      <FeelInput
        label={t.showIf}
        hint={t.showIfHint}
        value={field.showIf ?? ''}
        onCommit={(v) => set('showIf', v.trim() ? v : undefined)}
      />
    </div>
  );
}

function OptionsEditor({ field, onChange }: { field: Field; onChange(label: string, field: Field): void }) {
  const { t } = useDesigner();
  const { def, readOnly } = useEditor();
  const options = field.options ?? [];
  const setOptions = (label: string, next: typeof options) => onChange(label, { ...field, options: next });
  return (
    <fieldset className="ontwerp-options">
      <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend ontwerp-label-text">
        {t.options}
      </legend>
      {options.length === 0 && <p className="utrecht-form-field-description ontwerp-hint">{t.noOptions}</p>}
      <ol className="ontwerp-list">
        {options.map((o, i) => (
          <li key={i} className="ontwerp-list__item ontwerp-option-row">
            <TextPair
              label={t.optionLabel}
              value={o.label}
              onCommit={(v) => {
                // The value follows the label while Omslag made it up and no rule uses it.
                const value = derivedId({
                  id: o.value,
                  placeholder: /^keuze-\d+$/,
                  oldText: splitText(o.label).nl,
                  newText: splitText(v).nl,
                  style: 'kebab',
                  taken: options.map((x) => x.value),
                  referenced: mentions(def, o.value) > 1,
                });
                setOptions(
                  t.cmdEditField(field.id),
                  options.map((x, j) => (j === i ? { ...x, label: v ?? '', value } : x)),
                );
              }}
            />
            <TextInput
              label={t.optionValue}
              width="s"
              value={o.value}
              onCommit={(v) =>
                setOptions(
                  t.cmdEditField(field.id),
                  options.map((x, j) => (j === i ? { ...x, value: v.trim() } : x)),
                )
              }
            />
            <ItemActions
              index={i}
              count={options.length}
              name={o.value || String(i + 1)}
              onMove={(a, b) => setOptions(t.cmdEditField(field.id), moveItem(options, a, b))}
              onRemove={() =>
                setOptions(
                  t.cmdEditField(field.id),
                  options.filter((_, j) => j !== i),
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
            const value = uniqueId(
              'keuze',
              options.map((o) => o.value),
            );
            setOptions(t.cmdEditField(field.id), [...options, { value, label: t.newOption }]);
          }}
        >
          {t.addOption}
        </button>
      )}
    </fieldset>
  );
}
