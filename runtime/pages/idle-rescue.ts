import type { Request } from 'express';
import type { CaseRow } from '../store/index.js';
import type { PagesDeps } from './context.js';
import { readField } from './fields.js';
import { formFields, isUpload, onePerPage, questions } from './journey.js';

/**
 * Keeps what a step's form carried when it arrived on a session that went
 * idle, so that signing in again never loses a half-filled page. Covered: a
 * step page's urlencoded post (`POST /zaken/:id/stap/:step`, also one
 * question of a one-per-page step). Valid answers of a whole step are saved
 * as the page saves them (`saveStep`); anything else (invalid answers, one
 * question of several) is kept as a partial draft as typed, so the page
 * shows it filled in again. A file question keeps what was saved before
 * (a multipart post on an idle session is not read: see router.ts).
 * Returns whether answers were kept.
 */
export async function keepAnswers(deps: PagesDeps, req: Request, row: CaseRow): Promise<boolean> {
  const { journeys } = deps;
  const step = (req.params as Record<string, string>).step;
  if (!step || row.status !== 'active' || req.is('multipart/form-data')) return false;
  const state = await journeys.where(row);
  if (state.next !== step && !state.steps.some((s) => s.step === step)) return false;
  const process = await journeys.process(row);
  const fields = formFields(process, step);
  if (!fields) return false;
  const lang = req.session?.lang ?? 'nl';
  const draft = await journeys.draft(row);
  const known = await journeys.dataBefore(row, step, draft);
  const saved = draft.steps.find((s) => s.step === step)?.values ?? {};
  const single = onePerPage(process, step);
  const all = questions(process, step, single ? { ...known, ...saved } : known, lang);
  const n = Number(req.query.vraag);
  const q = !single
    ? undefined
    : Number.isInteger(n) && n >= 1 && n <= all.length
      ? n - 1
      : Math.max(
          0,
          all.findIndex((f) => !(f.id in saved)),
        );
  const page = (q === undefined ? fields : [all[q]]).filter((f) => f && !isUpload(f));
  if (!page.length) return false;
  const body = (req.body ?? {}) as Record<string, unknown>;
  const raw = Object.fromEntries(page.map((f) => [f.id, readField(f, body)]));
  const result = journeys.validate(page, raw, single ? { ...known, ...saved } : known, lang);
  const valid = !Object.keys(result.errors).length;
  if (valid && q === undefined && !fields.some(isUpload)) {
    await journeys.saveStep(row, step, result.values);
  } else {
    // As typed: the page shows these values again, and its own checks run when it is sent.
    await journeys.savePartial(row, step, { ...saved, ...(valid ? result.values : raw) });
  }
  return true;
}
