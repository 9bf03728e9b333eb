/**
 * The process language: schema, static checks, compiler to XState, FEEL and
 * field validation. Pure TypeScript: the designer runs it in the browser.
 */
export * from './text.js';
export * from './ids.js';
export * from './reserved.js';
export * from './feel.js';
export * from './fields/index.js';
export * from './steps/index.js';
export * from './schema.js';
export * from './checks.js';
export { worded, placeWords, pathWords, type NameFormat, type ValueType, type Who } from './problems.js';
export * from './compile.js';
export * from './diff.js';
export * from './decision-table.js';
export * from './counterfactual.js';
export * from './mermaid.js';
export * from './bpmn-import.js';
export * from './today.js';
export * from './journey/index.js';
export * from './negative.js';
export * from './teams.js';
