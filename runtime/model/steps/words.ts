import { createTranslator, designerCatalogues, type Lang, type Translate } from '../../i18n/index.js';

/** The designer's words for what a step shows on the canvas (runtime/i18n/catalogues/designer). */
export const say = (lang: Lang): Translate<(typeof designerCatalogues)['nl']> =>
  createTranslator(designerCatalogues, lang);
