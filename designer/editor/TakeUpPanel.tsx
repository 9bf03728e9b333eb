import { useCallback, useEffect, useId, useState } from 'react';
import { useDesigner } from '../context.js';
import { formatDateTime, formatNumber } from '../../browser/format.js';
import type { Messages } from '../messages.js';
import type { ScanCounts, TakeUp } from '../types.js';
import { useEditor } from './editor-context.js';
import { ok } from '../api.js';
import { ScanTrial } from './ScanTrial.js';

type Figure = {
  key: keyof Omit<TakeUp, 'process' | 'lastScan' | 'recentErrors'>;
  label: (t: Messages) => string;
  hint?: (t: Messages) => string;
};
const FIGURES: Figure[] = [
  { key: 'eligible', label: (t) => t.tuEligible, hint: (t) => t.tuEligibleHint },
  { key: 'reached', label: (t) => t.tuReached, hint: (t) => t.tuReachedHint },
  { key: 'granted', label: (t) => t.tuGranted },
  { key: 'declined', label: (t) => t.tuDeclined, hint: (t) => t.tuDeclinedHint },
  { key: 'optedOut', label: (t) => t.tuOptedOut, hint: (t) => t.tuOptedOutHint },
  { key: 'open', label: (t) => t.tuOpen },
];
const SCAN: { key: keyof ScanCounts; label: (t: Messages) => string }[] = [
  { key: 'rows', label: (t) => t.scanRows },
  { key: 'invalid', label: (t) => t.scanInvalid },
  { key: 'eligible', label: (t) => t.scanEligible },
  { key: 'started', label: (t) => t.scanStarted },
  { key: 'alreadyServed', label: (t) => t.scanAlreadyServed },
  { key: 'optedOut', label: (t) => t.scanOptedOut },
  { key: 'notEligible', label: (t) => t.scanNotEligible },
  { key: 'errors', label: (t) => t.scanErrors },
];

/**
 * "Bereik" (take-up): for a process with triggers, who qualified in the last
 * register scan, how many were reached, granted, did not get it, opted out,
 * and are still open (`GET /api/processes/:key/take-up`), with the last scan's date and counts.
 */
export function TakeUpPanel() {
  const { t, api, lang } = useDesigner();
  const { processKey } = useEditor();
  const [data, setData] = useState<TakeUp | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [request, setRequest] = useState(0);
  const headId = useId();

  useEffect(() => {
    const abort = new AbortController();
    setLoading(true);
    setFailure(null);
    ok(api.GET('/api/processes/{key}/take-up', { params: { path: { key: processKey } }, signal: abort.signal })).then(
      (r) => {
        setData(r);
        setLoading(false);
      },
      (e: Error) => {
        if (e.name !== 'AbortError') {
          setFailure(e.message);
          setLoading(false);
        }
      },
    );
    return () => abort.abort();
  }, [api, processKey, request]);
  const refresh = useCallback(() => setRequest((n) => n + 1), []);

  return (
    <div className="ontwerp-take-up" data-testid="take-up">
      <h2 className="utrecht-heading-2 ontwerp-panel-title">{t.takeUp}</h2>
      <p className="utrecht-form-field-description ontwerp-hint">{t.takeUpHint}</p>
      <div className="utrecht-button-group ontwerp-button-row">
        <button
          type="button"
          className="utrecht-button utrecht-button--secondary-action"
          onClick={() => {
            if (!loading) refresh();
          }}
          aria-disabled={loading || undefined}
        >
          {t.takeUpRefresh}
        </button>
        <span role="status" className={loading ? 'ontwerp-hint' : 'omslag-visually-hidden'}>
          {loading ? t.loading : ''}
        </span>
      </div>
      {failure && (
        <p className="utrecht-alert utrecht-alert--error ontwerp-alert" role="alert">
          {t.takeUpFailed(failure)}
        </p>
      )}
      {data && (
        <>
          <section aria-labelledby={`${headId}-f`}>
            <h3 id={`${headId}-f`} className="utrecht-heading-3 omslag-visually-hidden">
              {t.takeUpFigures}
            </h3>
            <dl className="ontwerp-figures">
              {FIGURES.map((f) => (
                <div key={f.key} className="ontwerp-figures__row">
                  <dt>{f.label(t)}</dt>
                  <dd data-testid={`take-up-${f.key}`}>{formatNumber(data[f.key], lang)}</dd>
                  {f.hint && <dd className="utrecht-form-field-description ontwerp-hint">{f.hint(t)}</dd>}
                </div>
              ))}
            </dl>
          </section>
          <section aria-labelledby={`${headId}-s`} className="ontwerp-section">
            <h3 className="utrecht-heading-3" id={`${headId}-s`}>
              {t.lastScan}
            </h3>
            {data.lastScan ? (
              <>
                <p data-testid="take-up-scan-at">{t.lastScanAt(formatDateTime(data.lastScan.at, lang))}</p>
                <dl className="ontwerp-figures">
                  {SCAN.map((c) => (
                    <div key={c.key} className="ontwerp-figures__row">
                      <dt>{c.label(t)}</dt>
                      <dd data-testid={`take-up-scan-${c.key}`}>{formatNumber(data.lastScan![c.key] ?? 0, lang)}</dd>
                    </div>
                  ))}
                </dl>
              </>
            ) : (
              <p className="utrecht-form-field-description ontwerp-hint" data-testid="take-up-no-scan">
                {t.noScan}
              </p>
            )}
          </section>
          <ScanTrial />
          {data.recentErrors?.length ? (
            <section aria-labelledby={`${headId}-e`} className="ontwerp-section" data-testid="take-up-errors">
              <h3 className="utrecht-heading-3" id={`${headId}-e`}>
                {t.takeUpErrors}
              </h3>
              <p className="utrecht-form-field-description ontwerp-hint">{t.takeUpErrorsHint}</p>
              <ul>
                {data.recentErrors.map((e, i) => (
                  <li key={i}>
                    {formatDateTime(e.at, lang)} · {e.source}: {e.message}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </>
      )}
    </div>
  );
}
