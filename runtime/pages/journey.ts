import {
  citizenFields,
  compileFeel,
  fieldKind,
  isShown,
  own,
  type Field,
  type Lang,
  type Process,
} from '../model/index.js';
import { simpleCondition } from './fields.js';

/**
 * Which questions a page asks. Where the citizen is and what comes next is
 * the journey service's (runtime/engine/journey.ts), over the journey
 * simulator; this file only decides what one page shows.
 */

/** The questions of a step the citizen answers, or undefined when the citizen does not act there. */
export const formFields = (process: Process, step: string): Field[] | undefined => citizenFields(process, step);

/** Whether a question is answered with a file (the page is then sent as multipart). */
export const isUpload = (field: Field): boolean => !!fieldKind(field.type).upload;

/** Whether a step asks each question on a page of its own. */
export function onePerPage(process: Process, step: string): boolean {
  const s = own(process.steps, step);
  return !!s && 'onePerPage' in s && !!s.onePerPage;
}

/** The questions of a step that apply, given what is known; for one-per-page steps, over the answers so far. */
export function questions(process: Process, step: string, known: Record<string, unknown>, lang: Lang): Field[] {
  const fields = formFields(process, step)!;
  const pageIds = new Set(fields.map((f) => f.id));
  if (onePerPage(process, step)) return fields.filter((f) => isShown(f, known));
  return fields.filter(
    (f) =>
      isShown(f, known) || (f.showIf && simpleCondition(f, fields, lang)) || (f.showIf && dependsOnPage(f, pageIds)),
  );
}

/** Whether a question's condition reads an answer on the same page (then the page shows it and the browser decides). */
function dependsOnPage(field: Field, pageIds: Set<string>): boolean {
  if (!field.showIf) return false;
  try {
    return compileFeel(field.showIf).names.some((n) => pageIds.has(n));
  } catch {
    return false;
  }
}
