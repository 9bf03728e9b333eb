import {
  engineCatalogues,
  fieldsCatalogues,
  lookup,
  translate,
  type Lang,
  type MessageKey,
  type Params,
} from '../i18n/index.js';

/**
 * A request the engine refuses. `kind` maps to an HTTP status in one place
 * (runtime/http/errors.ts); `code` is stable and kebab-case. The text is a
 * message key with parameters (runtime/i18n/catalogues/engine), rendered where
 * it is shown, in the reader's language; `message` is the English text, for logs.
 */
export type EngineErrorKind = 'invalid' | 'not-found' | 'conflict' | 'forbidden';

export type EngineMessageKey = MessageKey<(typeof engineCatalogues)['nl']>;
/** A message key, or a key with its parameters. */
export type EngineText = EngineMessageKey | readonly [EngineMessageKey, Params];

/** A problem with one field of a request: a field-issue code (…/fields) or an engine issue (…/engine `issues.`). */
export type RequestIssue = { code: string; params?: Params };

export class EngineError extends Error {
  readonly key: EngineMessageKey;
  readonly params: Params;
  /** The details, with the issues rendered in the language the engine was asked in. */
  readonly details?: unknown;
  private readonly baseDetails?: unknown;
  constructor(
    readonly kind: EngineErrorKind,
    readonly code: string,
    text: EngineText,
    details?: unknown,
    /** Per field, what needs correcting: rendered again at the edge, in the reader's language (detailsIn). */
    readonly issues?: Readonly<Record<string, RequestIssue>>,
    /** The language `details` renders the issues in, for callers of the engine itself. */
    lang: Lang = 'nl',
  ) {
    const [key, params = {}] = typeof text === 'string' ? [text] : text;
    super(translate(engineCatalogues, 'en', key, params));
    this.key = key;
    this.params = params;
    this.baseDetails = details;
    this.details = this.detailsIn(lang);
  }

  /** The message in `lang`. */
  messageIn(lang: Lang): string {
    return translate(engineCatalogues, lang, this.key, this.params);
  }

  /** The details in `lang`: the issues as texts per field, over any other details. */
  detailsIn(lang: Lang): unknown {
    if (!this.issues) return this.baseDetails;
    const texts: Record<string, string[]> = {};
    for (const [field, issue] of Object.entries(this.issues)) texts[field] = [issueText(issue, lang)];
    return this.baseDetails === undefined ? texts : { ...(this.baseDetails as object), ...texts };
  }
}

/** A request issue as text: a field issue's message, else the engine's `issues.<code>`. */
export function issueText(issue: RequestIssue, lang: Lang): string {
  if (lookup(fieldsCatalogues.nl, issue.code) !== undefined) {
    return translate(fieldsCatalogues, lang, issue.code as MessageKey<(typeof fieldsCatalogues)['nl']>, issue.params);
  }
  return translate(engineCatalogues, lang, `issues.${issue.code}` as EngineMessageKey, issue.params);
}

type NotFound = keyof (typeof engineCatalogues)['nl']['notFound'];
export const notFound = (what: NotFound, params?: Params) =>
  new EngineError('not-found', 'not-found', [`notFound.${what}`, params ?? {}]);
export const conflict = (code: string, text: EngineText, details?: unknown) =>
  new EngineError('conflict', code, text, details);
export const invalid = (
  code: string,
  text: EngineText,
  details?: unknown,
  issues?: Record<string, RequestIssue>,
  lang?: Lang,
) => new EngineError('invalid', code, text, details, issues, lang);
