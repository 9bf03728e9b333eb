/**
 * A request the engine refuses. `kind` maps to an HTTP status in one place
 * (runtime/http/errors.ts); `code` is stable and kebab-case.
 */
export type EngineErrorKind = 'invalid' | 'not-found' | 'conflict' | 'forbidden';

export class EngineError extends Error {
  constructor(readonly kind: EngineErrorKind, readonly code: string, message: string, readonly details?: unknown) {
    super(message);
  }
}

export const notFound = (what: string) => new EngineError('not-found', 'not-found', `${what} not found`);
export const conflict = (code: string, message: string, details?: unknown) => new EngineError('conflict', code, message, details);
export const invalid = (code: string, message: string, details?: unknown) => new EngineError('invalid', code, message, details);
