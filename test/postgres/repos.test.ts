/** The ported repositories on PostgreSQL (the postgres project); the same body runs on SQLite in test/runtime/store-repos. */
import { describe } from 'vitest';
import { reposSuite } from '../helpers/repos-suite.js';

describe('repositories on PostgreSQL', () => reposSuite('postgres'));
