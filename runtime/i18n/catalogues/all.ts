import type { Catalogue, Catalogues } from '../translate.js';
import * as every from './index.js';
import { jsonCatalogues } from './json/index.js';

/**
 * Every feature's catalogues, the code view's JSON checks too (kept out of index.ts so the designer loads them
 * only with the code view), by the name of their folder: what the completeness test walks.
 */
export const allCatalogues: Record<string, Catalogues<Catalogue>> = {
  designer: every.designerCatalogues,
  learning: every.learningCatalogues,
  workspace: every.workspaceCatalogues,
  pages: every.pagesCatalogues,
  problems: every.problemsCatalogues,
  shell: every.shellCatalogues,
  fields: every.fieldsCatalogues,
  engine: every.engineCatalogues,
  api: every.apiCatalogues,
  signin: every.signinCatalogues,
  mandates: every.mandatesCatalogues,
  reads: every.readsCatalogues,
  letters: every.lettersCatalogues,
  counterfactual: every.counterfactualCatalogues,
  notify: every.notifyCatalogues,
  json: jsonCatalogues,
};
