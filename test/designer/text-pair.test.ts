import { describe, expect, it } from 'vitest';
import {
  derivedId,
  joinText,
  mentions,
  moveItem,
  nameFromText,
  splitText,
  uniqueId,
  withKey,
} from '../../designer/properties/text-pair.js';

describe('texts in Dutch and English side by side', () => {
  it('splits a Text into its two languages', () => {
    expect(splitText(undefined)).toEqual({ nl: '', en: '' });
    expect(splitText('Hallo')).toEqual({ nl: 'Hallo', en: '' });
    expect(splitText({ nl: 'Hallo', en: 'Hello' })).toEqual({ nl: 'Hallo', en: 'Hello' });
  });

  it('joins them back: a plain string without English, an object with it, nothing when both are empty', () => {
    expect(joinText('Hallo', '')).toBe('Hallo');
    expect(joinText('Hallo', 'Hello')).toEqual({ nl: 'Hallo', en: 'Hello' });
    expect(joinText('', '  ')).toBeUndefined();
    // English without Dutch is kept (the checks say the Dutch is missing), nothing typed is lost.
    expect(joinText('', 'Hello')).toEqual({ nl: '', en: 'Hello' });
  });
});

describe('list and object helpers of the properties panel', () => {
  it('moves an item without changing the list it came from', () => {
    const list = ['a', 'b', 'c'];
    expect(moveItem(list, 0, 2)).toEqual(['b', 'c', 'a']);
    expect(moveItem(list, 2, 1)).toEqual(['a', 'c', 'b']);
    expect(list).toEqual(['a', 'b', 'c']);
  });

  it('makes ids that are not taken', () => {
    expect(uniqueId('vraag', [], '')).toBe('vraag1');
    expect(uniqueId('vraag', ['vraag1', 'vraag2'], '')).toBe('vraag3');
    expect(uniqueId('uitkomst', ['uitkomst-1'])).toBe('uitkomst-2');
  });

  it('leaves out an optional property instead of setting it to undefined', () => {
    const field = { id: 'a', hint: 'x' };
    expect(withKey(field, 'hint', undefined)).toEqual({ id: 'a' });
    expect('hint' in withKey(field, 'hint', undefined)).toBe(false);
    expect(withKey(field, 'hint', 'y')).toEqual({ id: 'a', hint: 'y' });
    expect(field).toEqual({ id: 'a', hint: 'x' });
  });
});

describe('ids made from what the designer wrote', () => {
  it('names a field after the words of its question and an option after its label', () => {
    expect(nameFromText('Wat is uw huisnummer?', 'camel')).toBe('huisnummer');
    expect(nameFromText('Heeft u een auto?', 'camel')).toBe('heeftAuto');
    expect(nameFromText('Wat wilt u laten ophalen?', 'camel')).toBe('wiltLatenOphalen');
    expect(nameFromText('Eén persoon', 'kebab')).toBe('een-persoon');
    expect(nameFromText('Is het?', 'camel')).toBe('isHet');
    expect(nameFromText('€ 1.900', 'camel')).toBe('');
    expect(nameFromText('12 maanden', 'kebab')).toBe('12-maanden');
    expect(nameFromText('12 maanden', 'camel')).toBe('maanden');
  });

  it('derives the id while it is still made up and nothing refers to it; keeps a chosen or used one', () => {
    const base = { placeholder: /^vraag\d+$/, style: 'camel' as const, taken: [], referenced: false, oldText: '' };
    expect(derivedId({ ...base, id: 'vraag1', oldText: 'Nieuwe vraag', newText: 'Wat is uw postcode?' })).toBe(
      'postcode',
    );
    // Derived from the old question: follows the new one.
    expect(derivedId({ ...base, id: 'postcode', oldText: 'Uw postcode', newText: 'Uw huisnummer' })).toBe('huisnummer');
    // Chosen by the designer, or referred to elsewhere: stays.
    expect(derivedId({ ...base, id: 'pc', oldText: 'Uw postcode', newText: 'Uw huisnummer' })).toBe('pc');
    expect(derivedId({ ...base, id: 'vraag1', newText: 'Uw huisnummer', referenced: true })).toBe('vraag1');
    // Taken by another field: a number is added.
    expect(derivedId({ ...base, id: 'vraag2', newText: 'Postcode', taken: ['postcode', 'vraag2'] })).toBe('postcode2');
    expect(
      derivedId({
        ...base,
        style: 'kebab',
        placeholder: /^keuze-\d+$/,
        id: 'keuze-1',
        newText: 'Matras',
        taken: ['matras'],
      }),
    ).toBe('matras-2');
  });

  it('counts where a name is used: conditions and placeholders, not words in texts', () => {
    const def = {
      steps: {
        a: {
          fields: [
            { id: 'postcode', label: 'Uw postcode', hint: 'postcode zoals 3511 AB' },
            { id: 'x', label: 'X', showIf: 'postcode != null' },
          ],
        },
        b: { message: { nl: 'Op {{ postcode }}', en: 'At postcode' } },
      },
    };
    expect(mentions(def, 'postcode')).toBe(3);
    expect(mentions(def, 'x')).toBe(1);
    expect(mentions(def, 'post')).toBe(0);
  });
});
