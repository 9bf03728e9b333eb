export type FieldErrors = Record<string, string[]>;

/** A refused request: the HTTP status and the API's stable code (`network` with status 0 when nothing came back). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
  /** Field errors of a 422, keyed by field id (`data.reden` is read as `reden`). */
  fieldErrors(): FieldErrors {
    const out: FieldErrors = {};
    if (!this.details || typeof this.details !== 'object') return out;
    for (const [key, value] of Object.entries(this.details as Record<string, unknown>)) {
      const list = Array.isArray(value) ? value.map(String) : [String(value)];
      (out[key.replace(/^data\./, '')] ??= []).push(...list);
    }
    return out;
  }
}
