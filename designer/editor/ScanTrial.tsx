import { useId, useRef, useState } from 'react';
import { formatNumber } from '../../browser/format.js';
import { ApiError, answer } from '../api.js';
import { useDesigner } from '../context.js';
import { formatDuration } from '../model/figures.js';
import type { ScanCounts } from '../types.js';
import { useEditor } from './editor-context.js';

/** One line of the scan's JSON Lines answer. */
type Progress = {
  rows: number;
  total: number | null;
  eligible: number;
  started: number;
  elapsedMs: number;
  leftMs: number | null;
  done: boolean;
};
type Line =
  | ({ type: 'progress' } & Progress)
  | ({ type: 'result' } & ScanCounts)
  | { type: 'error'; error: { code: string; message: string } };

/** Reads a stream of JSON Lines, one object at a time. */
async function* jsonLines(body: ReadableStream<Uint8Array>): AsyncGenerator<Line> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let rest = '';
  for (;;) {
    const { value, done } = await reader.read();
    rest += decoder.decode(value, { stream: !done });
    let nl: number;
    while ((nl = rest.indexOf('\n')) >= 0) {
      const line = rest.slice(0, nl).trim();
      rest = rest.slice(nl + 1);
      if (line) yield JSON.parse(line) as Line;
    }
    if (done) return;
  }
}

const COUNTS: (keyof ScanCounts)[] = [
  'rows',
  'invalid',
  'eligible',
  'started',
  'alreadyServed',
  'optedOut',
  'notEligible',
];

/**
 * *Proefscan*: a designer tries the process's triggers on a register extract
 * (`POST …/scan?dryRun=true`, counts only, nothing written). The answer is
 * streamed as JSON Lines, so the panel shows the scan's progress as it runs:
 * rows read of the total, eligible, would start, time left.
 */
export function ScanTrial() {
  const { t, api, lang } = useDesigner();
  const { processKey } = useEditor();
  const [progress, setProgress] = useState<Progress | null>(null);
  const [reports, setReports] = useState(0);
  const [result, setResult] = useState<ScanCounts | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [running, setRunning] = useState(false);
  const file = useRef<HTMLInputElement>(null);
  const ids = { file: useId(), head: useId(), bar: useId() };
  const n = (x: number) => formatNumber(x, lang);

  async function run() {
    const chosen = file.current?.files?.[0];
    if (!chosen) return setFailure(t.scanNoFile);
    setRunning(true);
    setFailure(null);
    setResult(null);
    setProgress(null);
    setReports(0);
    try {
      const type = /\.(jsonl|ndjson)$/i.test(chosen.name) ? 'application/x-ndjson' : 'text/csv';
      const { data } = await answer(
        api.POST('/api/processes/{key}/scan', {
          params: { path: { key: processKey }, query: { dryRun: 'true' } },
          body: (await chosen.text()) as never,
          bodySerializer: (b: unknown) => b as string,
          headers: { 'Content-Type': type, Accept: 'application/x-ndjson' },
          parseAs: 'stream',
        }),
      );
      for await (const line of jsonLines(data as unknown as ReadableStream<Uint8Array>)) {
        if (line.type === 'progress') {
          setProgress(line);
          setReports((r) => r + 1);
        } else if (line.type === 'result') setResult(line);
        else setFailure(t.scanTryFailed(line.error.message));
      }
    } catch (e) {
      setFailure(t.scanTryFailed(e instanceof ApiError ? e.message : String((e as Error).message ?? e)));
    } finally {
      setRunning(false);
    }
  }

  const left = (p: Progress) =>
    p.done
      ? t.scanDoneIn(formatDuration(p.elapsedMs, lang))
      : p.leftMs === null
        ? t.scanLeftUnknown
        : t.scanLeft(formatDuration(p.leftMs, lang));
  return (
    <section aria-labelledby={ids.head} className="ontwerp-section" data-testid="scan-trial">
      <h3 className="utrecht-heading-3" id={ids.head}>
        {t.scanTry}
      </h3>
      <p className="utrecht-form-field-description ontwerp-hint">{t.scanTryHint}</p>
      <div className="ontwerp-control">
        <label htmlFor={ids.file} className="utrecht-form-label ontwerp-label-text">
          {t.scanFile}
        </label>
        <input
          id={ids.file}
          ref={file}
          type="file"
          accept=".csv,.jsonl,.ndjson,text/csv,application/x-ndjson"
          className="utrecht-textbox"
        />
      </div>
      <div className="utrecht-button-group ontwerp-button-row">
        <button
          type="button"
          className="utrecht-button utrecht-button--secondary-action"
          aria-disabled={running || undefined}
          onClick={() => {
            if (!running) void run();
          }}
        >
          {running ? t.scanRunning : t.scanRun}
        </button>
      </div>
      {progress && (
        <div className="ontwerp-scan-progress" data-testid="scan-progress" data-reports={reports}>
          <label htmlFor={ids.bar} className="utrecht-form-label ontwerp-label-text">
            {t.scanProgressLabel}
          </label>
          <progress
            id={ids.bar}
            max={progress.total ?? undefined}
            value={progress.total === null ? undefined : progress.rows}
          />
          <p role="status" data-testid="scan-progress-text">
            {t.scanProgress(
              n(progress.rows),
              progress.total === null ? '?' : n(progress.total),
              n(progress.eligible),
              n(progress.started),
              left(progress),
            )}
          </p>
        </div>
      )}
      {failure && (
        <p className="utrecht-alert utrecht-alert--error ontwerp-alert" role="alert">
          {failure}
        </p>
      )}
      {result && (
        <dl className="ontwerp-figures" data-testid="scan-trial-result" aria-label={t.scanTryResult}>
          {COUNTS.map((k) => (
            <div key={k} className="ontwerp-figures__row">
              <dt>{t[`scan${k[0].toUpperCase()}${k.slice(1)}` as 'scanRows']}</dt>
              <dd data-testid={`scan-trial-${k}`}>{n(result[k] ?? 0)}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
