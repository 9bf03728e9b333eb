/**
 * The store's own suites of test/runtime/store once more, on PostgreSQL (the
 * postgres project: every store they open is a fresh PostgreSQL database).
 * durability.test.ts is not among them: it checks SQLite's pragmas.
 */
import '../runtime/store/repositories.test.js';
import '../runtime/store/audit.test.js';
