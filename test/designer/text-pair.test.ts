import { describe, expect, it } from 'vitest';
import { joinText, moveItem, splitText, uniqueId, withKey } from '../../designer/properties/text-pair.js';

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
