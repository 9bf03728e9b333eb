import { defineCatalogues } from '../../translate.js';
import en from './en.js';
import nl from './nl.js';

export const notifyCatalogues = defineCatalogues<typeof nl>({ nl, en });
