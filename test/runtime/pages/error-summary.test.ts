// The error summary's order: the fields on the page, top to bottom, whatever order the errors were found in.
import { describe, expect, it } from 'vitest';
import { errorSummary, errorsInPageOrder } from '../../../runtime/pages/layout.js';

describe('errorsInPageOrder', () => {
  it('lists the errors in the order of the fields on the page, unknown ids last, empty lists left out', () => {
    const errors = { iban: ['Geen IBAN.'], bestand: ['Te groot.'], later: ['?'], inkomen: ['Vul dit in.'], leeg: [] };
    const list = errorsInPageOrder(errors, ['inkomen', 'bestand', 'iban', 'leeg'], (id, m) => `${id}: ${m}`);
    expect(list).toEqual([
      { href: '#f-inkomen', text: 'inkomen: Vul dit in.' },
      { href: '#f-bestand', text: 'bestand: Te groot.' },
      { href: '#f-iban', text: 'iban: Geen IBAN.' },
      { href: '#f-later', text: 'later: ?' },
    ]);
  });

  it('makes the links and the lines as asked, and the summary shows them in that order', () => {
    const list = errorsInPageOrder(
      { b: ['2'], a: ['1'] },
      ['a', 'b'],
      (_id, m) => m,
      (id) => `#veld-${id}`,
    );
    expect(list).toEqual([
      { href: '#veld-a', text: '1' },
      { href: '#veld-b', text: '2' },
    ]);
    const html = errorSummary(list, 'nl').value;
    expect(html.indexOf('#veld-a')).toBeLessThan(html.indexOf('#veld-b'));
  });
});
