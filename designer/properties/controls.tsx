import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { Options } from '../../browser/ui/Options.js';
import { t as text, type Text } from '../../runtime/model/index.js';
import { useDesigner } from '../context.js';
import { useEditor } from '../editor/editor-context.js';
import { joinText, splitText } from './text-pair.js';

/**
 * A text box that keeps what is typed locally and commits it as one command
 * after a pause, on Enter and when it loses focus (so undo steps are words,
 * not letters). A change from outside (undo) replaces it.
 */
export function useCommitted<T>(value: T, onCommit: (v: T) => void, delayMs = 700) {
  const [local, setLocal] = useState(value);
  const committed = useRef(value);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const commitRef = useRef(onCommit);
  commitRef.current = onCommit;
  const localRef = useRef(local);
  localRef.current = local;
  useEffect(() => {
    if (value === committed.current) return;
    // Changed from outside (undo, an inserted placeholder): that wins over a pending commit.
    if (timer.current) {
      clearTimeout(timer.current);
      timer.current = null;
    }
    committed.current = value;
    setLocal(value);
  }, [value]);
  const commit = (v: T = localRef.current) => {
    if (timer.current) {
      clearTimeout(timer.current);
      timer.current = null;
    }
    if (v === committed.current) return;
    committed.current = v;
    commitRef.current(v);
  };
  const change = (v: T) => {
    setLocal(v);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => commit(v), delayMs);
  };
  // Leaving the panel does not lose what was typed.
  useEffect(
    () => () => {
      if (timer.current) {
        clearTimeout(timer.current);
        commit();
      }
    },
    // Only on unmount: the latest commit is read through its refs.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );
  return { local, change, commit };
}

type InputProps = {
  label: string;
  value: string;
  onCommit(value: string): void;
  hint?: string;
  multiline?: boolean;
  placeholder?: string;
  error?: string | null;
  /** What is wrong with the text as typed (before it is committed), or null. */
  validate?(value: string): string | null;
  width?: 's' | 'm' | 'l';
  ariaLabel?: string;
  inputRef?: (el: HTMLInputElement | HTMLTextAreaElement | null) => void;
  onFocus?(): void;
};

/** One labelled text box (or text area) that commits as described at useCommitted. */
export function TextInput({
  label,
  value,
  onCommit,
  hint,
  multiline,
  placeholder,
  error: given,
  validate,
  width = 'l',
  ariaLabel,
  inputRef,
  onFocus,
}: InputProps) {
  const { readOnly } = useEditor();
  const id = useId();
  const { local, change, commit } = useCommitted(value, onCommit);
  const error = given ?? validate?.(local) ?? null;
  const common = {
    id,
    value: local,
    placeholder,
    readOnly,
    'aria-label': ariaLabel,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined,
    className:
      `${multiline ? 'utrecht-textarea utrecht-textarea--html-textarea' : 'utrecht-textbox utrecht-textbox--html-input'}` +
      ` ontwerp-input--${width}`,
    spellCheck: multiline ? undefined : false,
    onBlur: () => commit(),
    onFocus,
  };
  return (
    <div className="ontwerp-control">
      <label htmlFor={id} className="utrecht-form-label ontwerp-label-text">
        {label}
      </label>
      {hint && (
        <span className="utrecht-form-field-description ontwerp-hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      {error && (
        <span className="utrecht-form-field-error-message ontwerp-field-error" id={`${id}-error`}>
          {error}
        </span>
      )}
      {multiline ? (
        <textarea {...common} rows={3} ref={inputRef} onChange={(e) => change(e.target.value)} />
      ) : (
        <input
          {...common}
          ref={inputRef}
          onChange={(e) => change(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commit();
          }}
        />
      )}
    </div>
  );
}

type PairProps = {
  label: string;
  value: Text | undefined;
  onCommit(value: Text | undefined): void;
  multiline?: boolean;
  hint?: string;
  /** Placeholders (`{{field}}`) can be inserted into it. */
  placeholders?: boolean;
};

/**
 * A text in Dutch and English side by side. Stored as a plain string while
 * there is no English, as `{ nl, en }` once there is (the process language's Text).
 */
export function TextPair({ label, value, onCommit, multiline, hint, placeholders }: PairProps) {
  const { t, lang } = useDesigner();
  const { nl, en } = splitText(value);
  const boxes = useRef<Record<'nl' | 'en', HTMLInputElement | HTMLTextAreaElement | null>>({ nl: null, en: null });
  const last = useRef<'nl' | 'en'>(lang);
  const insert = (name: string) => {
    const which = last.current;
    const el = boxes.current[which];
    // What is in the boxes now (typing may not be committed yet).
    const nlNow = boxes.current.nl?.value ?? nl;
    const enNow = boxes.current.en?.value ?? en;
    const current = which === 'nl' ? nlNow : enNow;
    const at = el?.selectionStart ?? current.length;
    const next = `${current.slice(0, at)}{{${name}}}${current.slice(el?.selectionEnd ?? at)}`;
    onCommit(joinText(which === 'nl' ? next : nlNow, which === 'en' ? next : enNow));
  };
  return (
    <fieldset className="ontwerp-pair">
      <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend ontwerp-label-text">
        {label}
      </legend>
      {hint && <p className="utrecht-form-field-description ontwerp-hint">{hint}</p>}
      <div className="ontwerp-pair__row">
        <TextInput
          label="NL"
          ariaLabel={`${label} NL`}
          value={nl}
          multiline={multiline}
          onCommit={(v) => onCommit(joinText(v, en))}
          inputRef={(el) => {
            boxes.current.nl = el;
          }}
          onFocus={() => {
            last.current = 'nl';
          }}
        />
        <TextInput
          label="EN"
          ariaLabel={`${label} EN`}
          value={en}
          multiline={multiline}
          onCommit={(v) => onCommit(joinText(nl, v))}
          inputRef={(el) => {
            boxes.current.en = el;
          }}
          onFocus={() => {
            last.current = 'en';
          }}
        />
      </div>
      {placeholders && <PlaceholderBar onInsert={insert} label={t.insertPlaceholder} />}
    </fieldset>
  );
}

/** Buttons that insert `{{field}}` for each known field. */
function PlaceholderBar({ onInsert, label }: { onInsert(name: string): void; label: string }) {
  const { fields, readOnly } = useEditor();
  if (!fields.length || readOnly) return null;
  return (
    <div className="ontwerp-placeholders" role="group" aria-label={label}>
      <span className="utrecht-form-field-description ontwerp-hint">{label}</span>
      {fields.map((f) => (
        <button
          key={f.id}
          type="button"
          className="ontwerp-chip"
          title={f.label}
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => onInsert(f.id)}
        >{`{{${f.id}}}`}</button>
      ))}
    </div>
  );
}

type TeamSelectProps = {
  label: string;
  value: string | undefined;
  onChange(value: string | undefined): void;
  hint?: string;
  /** Whether "none" may be chosen (an escalation team, the contact team); a handoff's team may not. */
  optional?: boolean;
};

/**
 * Chooses a team from the organisation's list of teams (GET /api/teams), each
 * with how many officials work in it: a typed name could be a typo that sends
 * tasks nowhere. A team the draft names that is not on the list stays shown
 * (marked) until another is chosen; its problem (P032) says why. While the list
 * is not known (the request failed), the name can be typed.
 */
export function TeamSelect({ label, value, onChange, hint, optional = false }: TeamSelectProps) {
  const { t } = useDesigner();
  const { teams, readOnly } = useEditor();
  const id = useId();
  if (!teams)
    return (
      <TextInput
        label={label}
        hint={hint}
        width="m"
        value={value ?? ''}
        onCommit={(v) => onChange(v.trim() || undefined)}
      />
    );
  const names = [...teams.keys()].sort((a, b) => a.localeCompare(b));
  return (
    <div className="ontwerp-control">
      <label htmlFor={id} className="utrecht-form-label ontwerp-label-text">
        {label}
      </label>
      <span className="utrecht-form-field-description ontwerp-hint" id={`${id}-hint`}>
        {hint ? `${hint} ` : ''}
        {t.teamsHowTo}
      </span>
      <select
        id={id}
        className="utrecht-select utrecht-select--html-select ontwerp-input--m"
        value={value ?? ''}
        disabled={readOnly}
        onChange={(e) => onChange(e.target.value || undefined)}
        aria-describedby={`${id}-hint`}
      >
        {(optional || !value) && <option value="">{optional ? t.noTeam : t.chooseTeam}</option>}
        {value && !teams.has(value) && <option value={value}>{t.unknownTeam(value)}</option>}
        {names.map((name) => (
          <option key={name} value={name}>
            {t.teamOption(name, teams.get(name) ?? 0)}
          </option>
        ))}
      </select>
    </div>
  );
}

type StepSelectProps = {
  label: string;
  value: string | undefined;
  onChange(value: string): void;
  exclude?: string;
  allowEmpty?: boolean;
  hint?: string;
};

/** Chooses a step to go to (the keyboard's way to connect, next to dragging on the canvas). */
export function StepSelect({ label, value, onChange, exclude, allowEmpty = true, hint }: StepSelectProps) {
  const { t, lang } = useDesigner();
  const { def, readOnly } = useEditor();
  const id = useId();
  const known = value && def.steps[value];
  return (
    <div className="ontwerp-control">
      <label htmlFor={id} className="utrecht-form-label ontwerp-label-text">
        {label}
      </label>
      {hint && (
        <span className="utrecht-form-field-description ontwerp-hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      <select
        id={id}
        className="utrecht-select utrecht-select--html-select ontwerp-input--m"
        value={value ?? ''}
        disabled={readOnly}
        onChange={(e) => onChange(e.target.value)}
        aria-describedby={hint ? `${id}-hint` : undefined}
      >
        {(allowEmpty || !value) && <option value="">{t.chooseStep}</option>}
        {value && !known && <option value={value}>{t.unknownStep(value)}</option>}
        {Object.entries(def.steps)
          .filter(([sid]) => sid !== exclude)
          .map(([sid, s]) => (
            <option key={sid} value={sid}>{`${text(s.title, lang) || sid} (${sid})`}</option>
          ))}
      </select>
    </div>
  );
}

type RadioProps = {
  label: string;
  value: string;
  options: { value: string; label: string; hint?: string }[];
  onChange(value: string): void;
};

/** A choice of a few, each with a one-line explanation (radio buttons: arrow keys move between them). */
export function RadioGroup({ label, value, options, onChange }: RadioProps) {
  const { readOnly } = useEditor();
  const id = useId();
  return (
    <fieldset className="ontwerp-radios">
      <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend ontwerp-label-text">
        {label}
      </legend>
      {options.map((o) => (
        <div key={o.value} className="ontwerp-radio">
          <input
            className="utrecht-radio-button utrecht-radio-button--html-input"
            id={`${id}-${o.value}`}
            type="radio"
            name={id}
            value={o.value}
            checked={value === o.value}
            disabled={readOnly}
            onChange={() => onChange(o.value)}
            aria-describedby={o.hint ? `${id}-${o.value}-hint` : undefined}
          />
          <label htmlFor={`${id}-${o.value}`}>{o.label}</label>
          {o.hint && (
            <span className="utrecht-form-field-description ontwerp-hint" id={`${id}-${o.value}-hint`}>
              {o.hint}
            </span>
          )}
        </div>
      ))}
    </fieldset>
  );
}

type CheckProps = { label: string; checked: boolean; onChange(checked: boolean): void; hint?: string };

export function Check({ label, checked, onChange, hint }: CheckProps) {
  const { readOnly } = useEditor();
  const id = useId();
  return (
    <div className="ontwerp-check">
      <input
        className="utrecht-checkbox utrecht-checkbox--html-input"
        id={id}
        type="checkbox"
        checked={checked}
        disabled={readOnly}
        onChange={(e) => onChange(e.target.checked)}
        aria-describedby={hint ? `${id}-hint` : undefined}
      />
      <label htmlFor={id}>{label}</label>
      {hint && (
        <span className="utrecht-form-field-description ontwerp-hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
    </div>
  );
}

type SelectProps = {
  label: string;
  value: string;
  options: { value: string; label: string }[];
  onChange(value: string): void;
  width?: 's' | 'm' | 'l';
};

export function Select({ label, value, options, onChange, width = 'm' }: SelectProps) {
  const { readOnly } = useEditor();
  const id = useId();
  return (
    <div className="ontwerp-control">
      <label htmlFor={id} className="utrecht-form-label ontwerp-label-text">
        {label}
      </label>
      <select
        id={id}
        className={`utrecht-select utrecht-select--html-select ontwerp-input--${width}`}
        value={value}
        disabled={readOnly}
        onChange={(e) => onChange(e.target.value)}
      >
        <Options options={options} />
      </select>
    </div>
  );
}

/** A titled part of the properties panel. */
export function Section({ title, children, actions }: { title: string; children: ReactNode; actions?: ReactNode }) {
  const id = useId();
  return (
    <section className="ontwerp-section" aria-labelledby={id}>
      <div className="ontwerp-section__head">
        <h3 className="utrecht-heading-3" id={id}>
          {title}
        </h3>
        {actions}
      </div>
      {children}
    </section>
  );
}

/** Small buttons to move an item in a list or remove it. */
export function ItemActions({
  index,
  count,
  onMove,
  onRemove,
  name,
}: {
  index: number;
  count: number;
  onMove(from: number, to: number): void;
  onRemove(): void;
  name: string;
}) {
  const { t } = useDesigner();
  const { readOnly } = useEditor();
  if (readOnly) return null;
  return (
    <span className="ontwerp-item-actions">
      <button
        type="button"
        className="ontwerp-icon-button"
        aria-label={t.moveUp(name)}
        title={t.moveUp(name)}
        aria-disabled={index === 0 || undefined}
        onClick={() => index > 0 && onMove(index, index - 1)}
      >
        ↑
      </button>
      <button
        type="button"
        className="ontwerp-icon-button"
        aria-label={t.moveDown(name)}
        title={t.moveDown(name)}
        aria-disabled={index === count - 1 || undefined}
        onClick={() => index < count - 1 && onMove(index, index + 1)}
      >
        ↓
      </button>
      <button
        type="button"
        className="ontwerp-icon-button ontwerp-icon-button--danger"
        aria-label={t.remove(name)}
        title={t.remove(name)}
        onClick={onRemove}
      >
        ✕
      </button>
    </span>
  );
}
