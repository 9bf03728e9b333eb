import type { Clock, Engine, ProcessService } from '../engine/index.js';
import type { Store } from '../store/index.js';

/** What the HTTP layer is wired with (main.ts builds it; tests build their own). */
export type Services = { store: Store; engine: Engine; processes: ProcessService; clock: Clock };
