// The designer reaches the API through the generated client of browser/api.
export { ApiError, answer, ok, type Api } from '../browser/api/index.js';
