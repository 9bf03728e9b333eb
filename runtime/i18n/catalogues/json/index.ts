import { defineCatalogues } from '../../translate.js';
import en from './en.js';
import nl from './nl.js';

export const jsonCatalogues = defineCatalogues<typeof nl>({ nl, en });
