import type { Like } from '../../translate.js';
import type nl from './nl.js';

// The API's own error messages, in English.
export default {
  badRequest: 'the request could not be read',
  forbidden: 'the request is not allowed',
  notFound: 'not found',
  payloadTooLarge: 'the request body is too large',
  unsupportedMediaType: 'the request body has a type or encoding this route does not take',
  notHandled: 'the request could not be handled',
  staleCase: 'the case changed meanwhile; reload and try again',
  expressionFailed: 'a rule of this process cannot be evaluated for this input; nothing was changed; ask for a person',
  tooManyFields: 'the form has too many fields',
  invalidJson: 'the request body is not valid JSON',
  unsupportedEncoding: 'the Content-Encoding is not one of gzip, deflate, br or identity',
  unsupportedCharset: 'the body must be UTF-8',
  invalidLength: 'the body is not as long as its Content-Length says',
  requestAborted: 'the request ended before its body did',
  invalidContentEncoding: 'the body is not encoded as its Content-Encoding says',
  invalidUrl: 'the URL is malformed (a bad %-escape)',
  internal: 'something went wrong on our side; the request changed nothing',
  numberParam: '{name} is {integer, select, yes {a whole number} other {a number}} from {min} to {max}',
  ifMatch: 'If-Match takes the revision from the ETag, like "3"',
  repeatedQuery: 'a query parameter was given more than once',
  csrf: 'send the X-CSRF-Token header from GET /api/session',
  unauthenticated: 'send a bearer token: Authorization: Bearer <token>',
  needsRole: 'this needs the role {roles}',
  reservedWord: 'the request body uses a reserved word as a name',
  bodyNeedsCorrecting: 'the request body needs correcting',
  idempotencyKeyTooLong: 'an Idempotency-Key has at most 200 characters',
  idempotencyKeyReused: 'this Idempotency-Key was used for a different request',
  jsonTooDeep: 'the JSON body nests deeper than {max} levels; send a flatter document',
  thingNotFound: '{what} not found',
  apiTakesJson: 'the API takes JSON (see /api/openapi.json); forms and uploads are not read',
  noRoute: 'no route {method} {url}',
  tooMany:
    'too many {scope, select, signin {failed sign-ins} other {requests with an unknown token}} from your address ' +
    '({limit} in {minutes} min); try again in {seconds} seconds',
  signInLocked:
    '{failedNow, select, yes {name or password is not right, and that was } other {}}too many failed sign-ins with ' +
    'this name: signing in with it is locked for {seconds} seconds (until {until}), even with the right password',
  invalidCredentials: 'name or password is not right',
  issues: {
    number: '{integer, select, yes {a whole number} other {a number}} from {min} to {max}',
  },
} satisfies Like<typeof nl>;
