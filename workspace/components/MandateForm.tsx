import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import { ErrorSummary } from '../../browser/ui/ErrorSummary.js';
import { ApiError, ok } from '../api.js';
import type { Schemas } from '../../browser/api/client.js';
import { useWorkspace } from '../context.js';

export type Mandate = Schemas['Mandate'];
type Right = Mandate['rights'][number];
export const RIGHTS: Right[] = ['view', 'fill', 'submit', 'messages'];
const DOCUMENT_LIMIT = 5 * 1024 * 1024;

/** A file as base64 (without the data: prefix), read in the browser. */
const base64Of = (file: File) =>
  new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });

type Props = { processes: { key: string; title: string }[]; onRegistered(m: Mandate): void };

/**
 * "Machtiging registreren": an official records a mandate a court or
 * authority set, with its reason and the decision as a file. The server
 * checks everything again (the file by its bytes); its field errors are
 * shown at the fields and in the summary.
 */
export function MandateForm({ processes, onRegistered }: Props) {
  const { api, t } = useWorkspace();
  const m = t.mandates;
  const [v, setV] = useState({
    citizen: '',
    kind: 'organisation' as 'person' | 'organisation',
    holderId: '',
    holderName: '',
    staff: '',
    process: '',
    rights: ['view'] as Right[],
    validFrom: '',
    validUntil: '',
    reason: '',
  });
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [extra, setExtra] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const summary = useRef<HTMLDivElement>(null);
  const set = (k: keyof typeof v) => (e: { target: { value: string } }) => setV({ ...v, [k]: e.target.value });
  const holderKey = v.kind === 'person' ? 'holder.bsn' : 'holder.kvk';

  const show = (fieldErrors: Record<string, string[]>, other: string | null) => {
    setErrors(fieldErrors);
    setExtra(other);
    requestAnimationFrame(() => summary.current?.focus());
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const missing: Record<string, string[]> = {};
    if (!v.citizen.trim()) missing.citizen = [m.needed];
    if (!v.holderId.trim()) missing[holderKey] = [m.needed];
    if (!v.holderName.trim()) missing['holder.name'] = [m.needed];
    if (!v.rights.length) missing.rights = [m.pickRight];
    if (!v.reason.trim()) missing.reason = [m.needed];
    if (!file) missing.document = [m.pickDocument];
    else if (file.size > DOCUMENT_LIMIT) missing.document = [m.documentTooLarge];
    if (Object.keys(missing).length) return show(missing, null);
    setBusy(true);
    try {
      const staff = v.staff
        .split('\n')
        .map((s) => s.trim())
        .filter(Boolean);
      const holder =
        v.kind === 'person'
          ? { kind: 'person' as const, bsn: v.holderId.trim(), name: v.holderName.trim() }
          : {
              kind: 'organisation' as const,
              kvk: v.holderId.trim(),
              name: v.holderName.trim(),
              ...(staff.length ? { staff } : {}),
            };
      const body = {
        citizen: v.citizen.trim(),
        holder,
        process: v.process || null,
        rights: v.rights,
        ...(v.validFrom ? { validFrom: v.validFrom } : {}),
        validUntil: v.validUntil || null,
        reason: v.reason.trim(),
        document: { name: file!.name || 'document', content: await base64Of(file!) },
      };
      const created = await ok(api.POST('/api/mandates', { body }));
      setErrors({});
      setExtra(null);
      onRegistered(created);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      const fieldErrors = error.fieldErrors();
      // The file's own errors belong to the file input.
      if (fieldErrors['document.content'])
        fieldErrors.document = [...(fieldErrors.document ?? []), ...fieldErrors['document.content']];
      delete fieldErrors['document.content'];
      show(fieldErrors, Object.keys(fieldErrors).length ? null : error.message);
    } finally {
      setBusy(false);
    }
  };

  const labels: Record<string, string> = {
    citizen: m.citizen,
    'holder.bsn': m.holderBsn,
    'holder.kvk': m.holderKvk,
    'holder.name': m.holderName,
    'holder.staff': m.staff,
    process: m.process,
    rights: m.rights,
    validFrom: m.validFrom,
    validUntil: m.validUntil,
    reason: m.reason,
    document: m.document,
  };
  const rightLabel: Record<Right, string> = {
    view: m.rightView,
    fill: m.rightFill,
    submit: m.rightSubmit,
    messages: m.rightMessages,
  };

  /** One labelled field with its hint and error, the NL Design System way. */
  const field = (id: string, label: string, control: (describedBy: string | undefined) => ReactNode, hint?: string) => {
    const err = errors[id];
    const describedBy = [hint ? `veld-${id}-hint` : '', err ? `veld-${id}-fout` : ''].filter(Boolean).join(' ');
    return (
      <div className={`utrecht-form-field werkplek-field${err ? ' werkplek-field--invalid' : ''}`}>
        <label className="utrecht-form-label" htmlFor={`veld-${id}`}>
          {label}
        </label>
        {hint && (
          <div className="utrecht-form-field-description" id={`veld-${id}-hint`}>
            {hint}
          </div>
        )}
        {err && (
          <p className="utrecht-form-field-error-message" id={`veld-${id}-fout`}>
            <span className="omslag-visually-hidden">{t.errorPrefix} </span>
            {err.join(' ')}
          </p>
        )}
        {control(describedBy || undefined)}
      </div>
    );
  };
  const numeric = (id: string) => id === 'citizen' || id === 'holder.bsn' || id === 'holder.kvk';
  const input =
    (id: string, value: string, onChange: (e: { target: { value: string } }) => void, type = 'text') =>
    (describedBy: string | undefined) => (
      <input
        id={`veld-${id}`}
        type={type}
        className="utrecht-textbox utrecht-textbox--html-input werkplek-width-m"
        value={value}
        onChange={onChange}
        aria-describedby={describedBy}
        aria-invalid={errors[id] ? true : undefined}
        inputMode={numeric(id) ? 'numeric' : undefined}
      />
    );

  return (
    <form className="werkplek-form" onSubmit={submit} noValidate aria-labelledby="registreren-titel">
      <h2 className="utrecht-heading-2" id="registreren-titel">
        {m.registerTitle}
      </h2>
      <ErrorSummary ref={summary} title={t.errorSummary} errors={errors} labels={labels} extra={extra} level={3} />
      {field('citizen', m.citizen, input('citizen', v.citizen, set('citizen')), m.citizenHint)}
      <fieldset className="utrecht-form-fieldset werkplek-field">
        <legend className="utrecht-form-fieldset__legend utrecht-form-label">{m.holderKind}</legend>
        <div className="werkplek-options">
          {(['organisation', 'person'] as const).map((kind) => (
            <div key={kind} className="utrecht-form-field utrecht-form-field--radio werkplek-option">
              <input
                id={`veld-holder-${kind}`}
                type="radio"
                name="holderKind"
                checked={v.kind === kind}
                className="utrecht-radio-button utrecht-radio-button--html-input"
                onChange={() => setV({ ...v, kind })}
              />
              <label className="utrecht-form-label utrecht-form-label--radio" htmlFor={`veld-holder-${kind}`}>
                {kind === 'person' ? m.holderPerson : m.holderOrganisation}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
      {field(
        holderKey,
        v.kind === 'person' ? m.holderBsn : m.holderKvk,
        input(holderKey, v.holderId, set('holderId')),
        v.kind === 'person' ? undefined : m.holderKvkHint,
      )}
      {field('holder.name', m.holderName, input('holder.name', v.holderName, set('holderName')))}
      {v.kind === 'organisation' &&
        field(
          'holder.staff',
          m.staff,
          (d) => (
            <textarea
              id="veld-holder.staff"
              className="utrecht-textarea werkplek-width-m"
              rows={3}
              value={v.staff}
              onChange={set('staff')}
              aria-describedby={d}
            />
          ),
          m.staffHint,
        )}
      {field('process', m.process, (d) => (
        <select
          id="veld-process"
          className="utrecht-select utrecht-select--html-select"
          value={v.process}
          onChange={set('process')}
          aria-describedby={d}
        >
          <option value="">{m.allProcesses}</option>
          {processes.map((p) => (
            <option key={p.key} value={p.key}>
              {p.title}
            </option>
          ))}
        </select>
      ))}
      <fieldset
        className={`utrecht-form-fieldset werkplek-field${errors.rights ? ' werkplek-field--invalid' : ''}`}
        aria-describedby={errors.rights ? 'veld-rights-fout' : undefined}
      >
        <legend className="utrecht-form-fieldset__legend utrecht-form-label">{m.rights}</legend>
        {errors.rights && (
          <p className="utrecht-form-field-error-message" id="veld-rights-fout">
            <span className="omslag-visually-hidden">{t.errorPrefix} </span>
            {errors.rights.join(' ')}
          </p>
        )}
        <div className="werkplek-options">
          {RIGHTS.map((r, i) => (
            <div key={r} className="utrecht-form-field utrecht-form-field--checkbox werkplek-option">
              <input
                id={i ? `veld-rights-${r}` : 'veld-rights'}
                type="checkbox"
                checked={v.rights.includes(r)}
                className="utrecht-checkbox utrecht-checkbox--html-input"
                onChange={(e) =>
                  setV({ ...v, rights: e.target.checked ? [...v.rights, r] : v.rights.filter((x) => x !== r) })
                }
              />
              <label
                className="utrecht-form-label utrecht-form-label--checkbox"
                htmlFor={i ? `veld-rights-${r}` : 'veld-rights'}
              >
                {rightLabel[r]}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
      {field('validFrom', m.validFrom, input('validFrom', v.validFrom, set('validFrom'), 'date'), m.validFromHint)}
      {field(
        'validUntil',
        m.validUntil,
        input('validUntil', v.validUntil, set('validUntil'), 'date'),
        m.validUntilHint,
      )}
      {field(
        'reason',
        m.reason,
        (d) => (
          <textarea
            id="veld-reason"
            className="utrecht-textarea werkplek-width-m"
            rows={3}
            value={v.reason}
            onChange={set('reason')}
            aria-describedby={d}
            aria-invalid={errors.reason ? true : undefined}
          />
        ),
        m.reasonHint,
      )}
      {field(
        'document',
        m.document,
        (d) => (
          <input
            id="veld-document"
            type="file"
            accept="application/pdf,image/png,image/jpeg"
            className="utrecht-textbox"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            aria-describedby={d}
            aria-invalid={errors.document ? true : undefined}
          />
        ),
        m.documentHint,
      )}
      <button type="submit" className="utrecht-button utrecht-button--primary-action" aria-disabled={busy || undefined}>
        {m.submit}
      </button>
    </form>
  );
}
