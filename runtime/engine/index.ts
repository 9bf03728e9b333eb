export * from './case-view.js';
export * from './clock.js';
export * from './engine.js';
export * from './errors.js';
export * from './processes.js';
export * from './scheduler.js';
export * from './import.js';
export * from './proactive.js';
