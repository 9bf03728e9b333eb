// The workspace reaches the API through the generated client of browser/api.
export { ApiError, answer, ok, type Api, type FieldErrors } from '../browser/api/index.js';
