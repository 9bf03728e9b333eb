import { HttpError } from './errors.js';

/** The deepest a JSON body may nest objects and arrays (a definition nests about 8 deep). */
export const MAX_JSON_DEPTH = 64;

/**
 * body-parser's `verify`: refuses a JSON body nesting deeper than `max`
 * before it is parsed. A body of 100,000 `[` parses, but every recursive walk
 * over it afterwards (a schema, a fingerprint, a copy) overflows the stack.
 * One pass over the bytes, skipping strings.
 */
export function jsonDepthGuard(max = MAX_JSON_DEPTH) {
  return (_req: unknown, _res: unknown, buf: Buffer) => {
    let depth = 0;
    let inString = false;
    for (let i = 0; i < buf.length; i++) {
      const c = buf[i];
      if (inString) {
        if (c === 0x5c)
          i++; // a backslash escapes the next byte
        else if (c === 0x22) inString = false;
      } else if (c === 0x22) inString = true;
      else if (c === 0x5b || c === 0x7b) {
        if (++depth > max) throw new HttpError(422, 'json-too-deep', ['jsonTooDeep', { max }]);
      } else if (c === 0x5d || c === 0x7d) depth--;
    }
  };
}
