// The properties editors per step kind are registered with the kind's other designer parts in designer/kinds.ts.
export { designerKinds } from '../kinds.js';
