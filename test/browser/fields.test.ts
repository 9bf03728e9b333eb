import { describe, expect, it } from 'vitest';
import { fieldInput, fieldInputs } from '../../browser/fields/registry.js';
import { fieldTypes } from '../../runtime/model/index.js';

describe('the shared field-input registry', () => {
  it('has an input for every registered field type', () => {
    expect(Object.keys(fieldInputs).sort()).toEqual([...fieldTypes].sort());
  });

  it('gives a text box for a type this browser does not know', () => {
    expect(fieldInput('kenteken')).toBe(fieldInputs.text);
    expect(fieldInput('yes-no')).toBe(fieldInputs['yes-no']);
  });

  it('groups the inputs one picks from (a fieldset with a legend), and starts a multi-choice empty', () => {
    expect(fieldTypes.filter((type) => fieldInputs[type].group)).toEqual(['choice', 'multi-choice', 'yes-no']);
    expect(fieldInputs['multi-choice'].empty).toEqual([]);
  });
});
