import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { stepKindNames, type Process } from '../../runtime/model/index.js';
import { useDesigner } from '../context.js';
import {
  blockedRows,
  blockedSteps,
  cleanMapping,
  movableSteps,
  laterVersions,
  mappingOptions,
  reasonText,
  type MigrationPlan,
} from '../model/migration.js';
import './learning.css';
import { ok } from '../api.js';

type Props = {
  processKey: string;
  /** The version whose running cases move. */
  from: number;
  versions: number[];
  /** The published definitions known so far (for the steps to map to). */
  definitionOf(version: number): Process | null;
  onClose(): void;
};

const SHOWN = 50;

/**
 * *Zaken overzetten*: running cases of version A to a later version B
 * (`POST /api/processes/:key/migrate`). It opens with a dry run that lists
 * which cases can move and which cannot and why; a step the new version does
 * not have (as it was) can be mapped to one of the same kind, after which the
 * dry run is done again; the confirm button moves them and says how many moved.
 */
export default function MigrateDialog({ processKey, from, versions, definitionOf, onClose }: Props) {
  const { t, api } = useDesigner();
  const dialog = useRef<HTMLDialogElement>(null);
  const later = useMemo(() => laterVersions(versions, from), [versions, from]);
  const [to, setTo] = useState<number | null>(later[0] ?? null);
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [plan, setPlan] = useState<MigrationPlan | null>(null);
  const [busy, setBusy] = useState<'check' | 'run' | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState<{ moved: number; to: number } | null>(null);
  const [check, setCheck] = useState(0);
  const ids = { title: useId(), to: useId(), movable: useId(), blocked: useId(), mapping: useId() };

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
  }, []);

  const migrate = (body: { from: number; to: number; mapping: Record<string, string>; dryRun?: boolean }) =>
    ok(api.POST('/api/processes/{key}/migrate', { params: { path: { key: processKey } }, body }));
  useEffect(() => {
    if (!to) return;
    let live = true;
    setBusy('check');
    setFailure(null);
    migrate({ from, to, mapping: cleanMapping(mapping), dryRun: true }).then(
      (r) => {
        if (live) {
          setPlan(r);
          setBusy(null);
        }
      },
      (e: Error) => {
        if (live) {
          setFailure(e.message);
          setBusy(null);
        }
      },
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- migrate is bound to api and processKey
  }, [api, processKey, from, to, mapping, check]);

  const source = definitionOf(from);
  const target = to ? definitionOf(to) : null;
  // Steps to map: those with blocked cases, and those already mapped (their cases are movable now).
  const mapRows = useMemo(() => {
    if (!plan) return [];
    const steps = [...new Set([...blockedSteps(plan).map((b) => b.step), ...Object.keys(cleanMapping(mapping))])];
    return steps.map((step) => ({
      step,
      count:
        plan.blocked.filter((b) => b.step === step).length +
        plan.movable.filter((m) => m.step === step && m.to !== step).length,
      options: source && target ? mappingOptions(source, target, step).filter((id) => id !== step) : [],
    }));
  }, [plan, mapping, source, target]);

  const kindName = (k: string) => {
    const known = stepKindNames.find((n) => n === k);
    return known ? t.kinds[known] : k;
  };
  const reason = (r: string) =>
    reasonText(r, { notAtStep: t.reasonNotAtStep, missing: t.reasonMissing, kind: t.reasonKind }, kindName);

  const run = async () => {
    if (!to || !plan || busy || plan.movable.length === 0) return;
    setBusy('run');
    setFailure(null);
    try {
      const r = await migrate({ from, to, mapping: cleanMapping(mapping) });
      setDone({ moved: r.moved ?? 0, to });
      setMapping({});
      setCheck((n) => n + 1);
    } catch (e) {
      setFailure((e as Error).message);
      setBusy(null);
    }
  };

  return (
    <dialog
      ref={dialog}
      className="ontwerp-dialog ontwerp-dialog--wide"
      aria-labelledby={ids.title}
      onClose={onClose}
      data-testid="migrate-dialog"
    >
      <h2 className="utrecht-heading-2" id={ids.title}>
        {t.migrateTitle(from)}
      </h2>
      {!later.length ? (
        <p>{t.migrateNoLater}</p>
      ) : (
        <>
          <p>{t.migrateExplain}</p>
          <div className="ontwerp-control">
            <label htmlFor={ids.to} className="utrecht-form-label ontwerp-label-text">
              {t.migrateTo}
            </label>
            <select
              id={ids.to}
              className="utrecht-select utrecht-select--html-select ontwerp-input--s"
              value={to ?? ''}
              onChange={(e) => {
                setTo(Number(e.target.value));
                setMapping({});
                setDone(null);
              }}
            >
              {later.map((v) => (
                <option key={v} value={v}>
                  {t.versionN(v)}
                </option>
              ))}
            </select>
          </div>
          {done && (
            <p className="utrecht-alert utrecht-alert--ok ontwerp-alert" role="status" data-testid="migrate-done">
              {t.migrateDone(done.moved, done.to)}
            </p>
          )}
          {failure && (
            <p className="utrecht-alert utrecht-alert--error ontwerp-alert" role="alert">
              {t.migrateFailed(failure)}
            </p>
          )}
          <p role="status" data-testid="migrate-summary" data-state={busy ?? (plan ? 'ready' : 'none')}>
            {busy === 'check'
              ? t.migrateChecking
              : busy === 'run'
                ? t.migrateRunning
                : plan
                  ? plan.movable.length + plan.blocked.length === 0
                    ? t.migrateNone
                    : `${t.migrateMovable(plan.movable.length)}; ${t.migrateBlocked(plan.blocked.length).toLowerCase()}.`
                  : ''}
          </p>
          {plan && plan.movable.length > 0 && (
            <section aria-labelledby={ids.movable}>
              <h3
                className="utrecht-heading-3"
                id={ids.movable}
                data-testid="migrate-movable"
                data-count={plan.movable.length}
              >
                {t.migrateMovable(plan.movable.length)}
              </h3>
              <div className="ontwerp-migrate__list">
                <table className="utrecht-table utrecht-table--html-table">
                  <thead>
                    <tr>
                      <th scope="col">{t.colStep}</th>
                      <th scope="col">{t.colToStep}</th>
                      <th scope="col">{t.colCount}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {movableSteps(plan)
                      .slice(0, SHOWN)
                      .map((m) => (
                        <tr key={`${m.step}>${m.to}`}>
                          <td>
                            <code>{m.step}</code>
                          </td>
                          <td>
                            <code>{m.to}</code>
                          </td>
                          <td>{m.count}</td>
                        </tr>
                      ))}
                  </tbody>
                </table>
                {movableSteps(plan).length > SHOWN && (
                  <p className="utrecht-form-field-description ontwerp-hint">
                    {t.andMore(movableSteps(plan).length - SHOWN)}
                  </p>
                )}
              </div>
            </section>
          )}
          {plan && plan.blocked.length > 0 && (
            <section aria-labelledby={ids.blocked}>
              <h3
                className="utrecht-heading-3"
                id={ids.blocked}
                data-testid="migrate-blocked"
                data-count={plan.blocked.length}
              >
                {t.migrateBlocked(plan.blocked.length)}
              </h3>
              <div className="ontwerp-migrate__list">
                <table className="utrecht-table utrecht-table--html-table">
                  <thead>
                    <tr>
                      <th scope="col">{t.colStep}</th>
                      <th scope="col">{t.colReason}</th>
                      <th scope="col">{t.colCount}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {blockedRows(plan)
                      .slice(0, SHOWN)
                      .map((b) => (
                        <tr key={`${b.step}>${b.reason}`}>
                          <td>{b.step ? <code>{b.step}</code> : '–'}</td>
                          <td>{reason(b.reason)}</td>
                          <td>{b.count}</td>
                        </tr>
                      ))}
                  </tbody>
                </table>
                {blockedRows(plan).length > SHOWN && (
                  <p className="utrecht-form-field-description ontwerp-hint">
                    {t.andMore(blockedRows(plan).length - SHOWN)}
                  </p>
                )}
              </div>
            </section>
          )}
          {mapRows.length > 0 && (
            <fieldset className="ontwerp-fieldset" aria-describedby={`${ids.mapping}-hint`}>
              <legend>
                <h3 className="utrecht-heading-3" id={ids.mapping} style={{ margin: '0.4rem 0 0' }}>
                  {t.migrateMapping}
                </h3>
              </legend>
              <p id={`${ids.mapping}-hint`} className="utrecht-form-field-description ontwerp-hint">
                {t.migrateMappingHint}
              </p>
              {mapRows.map((row) => (
                <div key={row.step} className="ontwerp-control">
                  <label htmlFor={`${ids.mapping}-${row.step}`} className="utrecht-form-label ontwerp-label-text">
                    {t.migrateMapStep(row.step, row.count)}
                  </label>
                  <select
                    id={`${ids.mapping}-${row.step}`}
                    className="utrecht-select utrecht-select--html-select ontwerp-input--m"
                    value={mapping[row.step] ?? ''}
                    data-map-step={row.step}
                    onChange={(e) => {
                      setDone(null);
                      setMapping((m) => ({ ...m, [row.step]: e.target.value }));
                    }}
                  >
                    <option value="">{t.migrateDontMove}</option>
                    {row.options.map((id) => (
                      <option key={id} value={id}>
                        {id}
                        {target?.steps[id] ? ` (${kindName(target.steps[id].kind)})` : ''}
                      </option>
                    ))}
                  </select>
                </div>
              ))}
            </fieldset>
          )}
        </>
      )}
      <div className="utrecht-button-group ontwerp-button-row">
        {to && plan && plan.movable.length > 0 && (
          <button
            type="button"
            className="utrecht-button utrecht-button--primary-action"
            onClick={() => void run()}
            aria-disabled={!!busy || plan.movable.length === 0 || undefined}
          >
            {t.migrateRun(plan.movable.length, to)}
          </button>
        )}
        {to && (
          <button
            type="button"
            className="utrecht-button utrecht-button--secondary-action"
            onClick={() => {
              setDone(null);
              setCheck((n) => n + 1);
            }}
          >
            {t.migrateAgain}
          </button>
        )}
        <button
          type="button"
          className="utrecht-button utrecht-button--secondary-action"
          onClick={() => dialog.current?.close()}
        >
          {t.close}
        </button>
      </div>
    </dialog>
  );
}
