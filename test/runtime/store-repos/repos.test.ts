/** The ported repositories on SQLite; the same body runs on PostgreSQL in test/postgres/repos.test.ts. */
import { describe } from 'vitest';
import { reposSuite } from '../../helpers/repos-suite.js';

describe('repositories on SQLite', () => reposSuite('sqlite'));
