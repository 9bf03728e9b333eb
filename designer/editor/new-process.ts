import type { Process } from '../../runtime/model/index.js';

const KEY = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** Why a new process key cannot be used ('invalid' or 'taken'), or null when it can. */
export function keyProblem(key: string, existing: string[]): 'invalid' | 'taken' | null {
  if (!KEY.test(key)) return 'invalid';
  return existing.includes(key) ? 'taken' : null;
}

/**
 * The draft a new process starts from: a key and a title, no steps yet. Its
 * start points at the first step the designer adds (until then the checks say
 * P010), and there is no contact team until the designer names one (P015).
 */
export function emptyDraft(key: string, titleNl: string, titleEn = ''): Process {
  return { key, title: titleEn ? { nl: titleNl, en: titleEn } : titleNl, start: 'start', steps: {} };
}
