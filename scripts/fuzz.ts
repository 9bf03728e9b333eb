/**
 * The fuzz suite at any size (issue 11, Build item 12):
 *
 *   npm run fuzz -- --runs 20000            # 20,000 API requests, 6,667 page requests, 3,333 definitions
 *   npm run fuzz -- --only definitions --definitions 1000 --seed 7
 *   npm run fuzz -- --strict                # stop each property at its first failure, like npm test
 *
 * Prints the requests per route and every distinct failure with one
 * request that shows it, as a curl line; exits 1 when there was any.
 * The same properties run in `npm test` at a small size (test/fuzz/*.test.ts).
 */
import { parseArgs, runFuzz } from '../test/fuzz/run.js';

let opts;
try {
  opts = parseArgs(process.argv.slice(2));
} catch (e) {
  console.error((e as Error).message);
  process.exit(2);
}
const failures = await runFuzz(opts);
process.exit(failures ? 1 : 0);
