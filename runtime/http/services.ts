import type { Clock, Engine, ProcessService } from '../engine/index.js';
import type { LetterService } from '../letters/index.js';
import type { Store } from '../store/index.js';

/**
 * What the HTTP layer is wired with (main.ts builds it; tests build their
 * own). `letters`: the decision letters in the organisation's style; without
 * it they are made in the default style (runtime/letters).
 */
export type Services = {
  store: Store;
  engine: Engine;
  processes: ProcessService;
  clock: Clock;
  letters?: LetterService;
};
