// The workspace reaches the API through the shared client of browser/.
export { ApiError, type Api, type ApiResult, type FieldErrors } from '../browser/api/http.js';
