import type { Process } from '../../runtime/model/index.js';

const KEY = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** Why a new process key cannot be used ('invalid' or 'taken'), or null when it can. */
export function keyProblem(key: string, existing: string[]): 'invalid' | 'taken' | null {
  if (!KEY.test(key)) return 'invalid';
  return existing.includes(key) ? 'taken' : null;
}

/** A key for a new process from a name (a file's, a process id): lowercase words joined by hyphens. */
export function keyFrom(name: string): string {
  return name
    .replace(/\.[a-z0-9]+$/i, '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63)
    .replace(/-+$/, '');
}

/**
 * The draft a new process starts from: a key and a title, no steps yet. Its
 * start points at the first step the designer adds (until then the checks say
 * P010), and there is no contact team until the designer names one (P015).
 */
export function emptyDraft(key: string, titleNl: string, titleEn = ''): Process {
  return { key, title: titleEn ? { nl: titleNl, en: titleEn } : titleNl, start: 'start', steps: {} };
}
