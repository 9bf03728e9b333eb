import { apiCatalogues } from './api/index.js';
import { counterfactualCatalogues } from './counterfactual/index.js';
import { designerCatalogues } from './designer/index.js';
import { engineCatalogues } from './engine/index.js';
import { fieldsCatalogues } from './fields/index.js';
import { learningCatalogues } from './learning/index.js';
import { lettersCatalogues } from './letters/index.js';
import { mandatesCatalogues } from './mandates/index.js';
import { notifyCatalogues } from './notify/index.js';
import { pagesCatalogues } from './pages/index.js';
import { problemsCatalogues } from './problems/index.js';
import { readsCatalogues } from './reads/index.js';
import { shellCatalogues } from './shell/index.js';
import { signinCatalogues } from './signin/index.js';
import { workspaceCatalogues } from './workspace/index.js';

export {
  apiCatalogues,
  counterfactualCatalogues,
  designerCatalogues,
  engineCatalogues,
  fieldsCatalogues,
  learningCatalogues,
  lettersCatalogues,
  mandatesCatalogues,
  notifyCatalogues,
  pagesCatalogues,
  problemsCatalogues,
  readsCatalogues,
  shellCatalogues,
  signinCatalogues,
  workspaceCatalogues,
};
