/**
 * The journey simulator: one interpretation of a definition's journey, with
 * nothing stored, for the engine, the citizen pages and the designer.
 */
export * from './journey.js';
export * from './records.js';
export * from './person.js';
export * from './draft.js';
export * from './view.js';
export * from './progress.js';
