import type { KnownField } from '../editor/editor-context.js';

// The fields of the process being edited, for FEEL completion. Set by the
// editor on every change (without loading Monaco), read by the completion
// provider Monaco calls.
let current: KnownField[] = [];

export function setFeelFields(fields: KnownField[]) {
  current = fields;
}

export function feelFields(): KnownField[] {
  return current;
}
