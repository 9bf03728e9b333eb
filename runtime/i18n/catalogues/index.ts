import type { Catalogue, Catalogues } from '../translate.js';
import { apiCatalogues } from './api/index.js';
import { designerCatalogues } from './designer/index.js';
import { engineCatalogues } from './engine/index.js';
import { fieldsCatalogues } from './fields/index.js';
import { learningCatalogues } from './learning/index.js';
import { pagesCatalogues } from './pages/index.js';
import { workspaceCatalogues } from './workspace/index.js';

export {
  apiCatalogues,
  designerCatalogues,
  engineCatalogues,
  fieldsCatalogues,
  learningCatalogues,
  pagesCatalogues,
  workspaceCatalogues,
};

/** Every feature's catalogues, by the name of their folder: what the completeness test walks. */
export const allCatalogues: Record<string, Catalogues<Catalogue>> = {
  designer: designerCatalogues,
  learning: learningCatalogues,
  workspace: workspaceCatalogues,
  pages: pagesCatalogues,
  fields: fieldsCatalogues,
  engine: engineCatalogues,
  api: apiCatalogues,
};
