// The designer reaches the API through the shared client of browser/.
export { ApiError, type Api, type ApiResult } from '../browser/api/http.js';
