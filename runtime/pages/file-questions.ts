import type { Field, Lang } from '../model/index.js';
import { formParts } from './fields.js';
import { byteSize, msg } from './i18n.js';
import type { ReceiveOptions, ReceivedForm } from './uploads.js';

/** The largest file any question takes, whatever its `max` says. */
export const MAX_UPLOAD = 20 * 1024 * 1024;
/** A file question without `max`: the model's default (runtime/model/fields/file-kind.ts). */
const DEFAULT_MAX = 10 * 1024 * 1024;
/** The most bytes one text answer may have in a multipart form. */
const FIELD_SIZE = 64 * 1024;

export const maxBytes = (field: Field) =>
  Math.min(typeof field.max === 'number' && field.max > 0 ? field.max : DEFAULT_MAX, MAX_UPLOAD);

/**
 * The limits for reading one page's multipart form: one file per file
 * question, each with its own size; as many text parts as the page's other
 * questions can send (a date sends three, a multi-choice one per option).
 */
export function uploadOptions(
  fileFields: Field[],
  page: Field[],
  token: (sent: string) => boolean,
  dir: string,
): ReceiveOptions {
  return {
    files: Object.fromEntries(fileFields.map((f) => [f.id, maxBytes(f)])),
    token,
    dir,
    // The token, the page's answers, and a few for what a browser may add.
    maxFields: 1 + page.reduce((n, f) => n + formParts(f), 0) + 4,
    fieldSize: FIELD_SIZE,
  };
}

/** What to tell the citizen next to a file question: too large, more than one file, or not a kind of file we take. */
export function uploadErrors(
  fileFields: Field[],
  received: ReceivedForm | undefined,
  lang: Lang,
): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  if (!received) return errors;
  for (const f of fileFields) {
    const problem = received.problems.get(f.id);
    if (problem?.code === 'too-large')
      errors[f.id] = [msg('uploadTooLarge', lang, { max: byteSize(problem.max, lang) })];
    else if (problem?.code === 'one-file') errors[f.id] = [msg('uploadOne', lang)];
    else if (received.files.get(f.id)?.type === null) errors[f.id] = [msg('uploadType', lang)];
  }
  return errors;
}
