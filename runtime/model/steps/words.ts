import {
  createTranslator,
  designerCatalogues,
  formatMessage,
  lookup,
  type Lang,
  type Translate,
} from '../../i18n/index.js';

/** The designer's words for what a step shows on the canvas (runtime/i18n/catalogues/designer). */
export const say = (lang: Lang): Translate<(typeof designerCatalogues)['nl']> =>
  createTranslator(designerCatalogues, lang);

/** An end's outcome in the designer's words: granted → "Toegekend"; a team's own word stays as it is. */
export function outcomeWord(outcome: string, lang: Lang): string {
  const word = lookup(designerCatalogues[lang], `outcomes4.${outcome}`);
  return word ? formatMessage(word, lang) : outcome;
}
