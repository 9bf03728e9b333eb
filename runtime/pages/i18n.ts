import {
  type Lang,
  type MessageKey as KeyOf,
  type Params,
  byteSize,
  longDate,
  pagesCatalogues,
  translate,
} from '../i18n/index.js';

/** The page chrome's messages: runtime/i18n/catalogues/pages. Process texts come from the definition. */
export type MessageKey = KeyOf<(typeof pagesCatalogues)['nl']>;

/** A chrome text in a language, with `{name}` parameters filled (ICU MessageFormat). */
export function msg(key: MessageKey, lang: Lang, params: Params = {}): string {
  return translate(pagesCatalogues, lang, key, params);
}

export { byteSize, longDate };
