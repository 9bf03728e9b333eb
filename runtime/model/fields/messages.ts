import { fieldsCatalogues, translate, type Lang, type MessageKey } from '../../i18n/index.js';
import type { FieldIssue } from './field-kind.js';

type IssueCode = MessageKey<(typeof fieldsCatalogues)['nl']>;

/**
 * A field issue as text in the reader's language (runtime/i18n/catalogues/fields). The model keeps
 * issues as codes with parameters; whoever shows them (API, pages, workspace, designer) renders them here.
 */
export function issueMessage(issue: FieldIssue, lang: Lang): string {
  return translate(fieldsCatalogues, lang, issue.code as IssueCode, issue.params as Record<string, string | number>);
}

/** Every issue of a step's answers as text, keyed by field id: `{ fieldId: ["message"] }`. */
export function issueMessages(issues: Record<string, FieldIssue>, lang: Lang): Record<string, string[]> {
  const out: Record<string, string[]> = Object.create(null);
  for (const [id, issue] of Object.entries(issues)) out[id] = [issueMessage(issue, lang)];
  return out;
}
