import { describe, expect, test } from 'vitest';
import { personClaims } from '../../../runtime/auth/index.js';

describe("a citizen's name and address from the sign-in's claims", () => {
  test('name whole, or from its parts with a tussenvoegsel; the address formatted, or from its parts', () => {
    expect(personClaims({ name: ' Jan  Jansen ' })).toEqual({ name: 'Jan Jansen', address: null });
    expect(personClaims({ given_name: 'Kees', middle_name: 'van', family_name: 'Dijk' }).name).toBe('Kees van Dijk');
    expect(personClaims({ given_name: 'Kees', name: 'K. van Dijk' }).name).toBe('K. van Dijk');
    expect(personClaims({ address: { formatted: 'Dorpsstraat 1\n1234 AB Utrecht' } }).address).toBe(
      'Dorpsstraat 1, 1234 AB Utrecht',
    );
    expect(
      personClaims({ address: { street_address: 'Dorpsstraat 1', postal_code: '1234 AB', locality: 'Utrecht' } })
        .address,
    ).toBe('Dorpsstraat 1, 1234 AB Utrecht');
    expect(personClaims({ address: { locality: 'Utrecht' } }).address).toBe('Utrecht');
  });

  test('anything odd is left out: not text, control characters, too long, arrays, empty', () => {
    expect(personClaims({})).toEqual({ name: null, address: null });
    expect(personClaims({ name: 42, address: ['Dorpsstraat 1'] })).toEqual({ name: null, address: null });
    expect(personClaims({ name: 'Jan\u0000\u0007Jansen' }).name).toBe('Jan Jansen');
    expect(personClaims({ name: 'x'.repeat(301) }).name).toBeNull();
    expect(personClaims({ name: '   ', given_name: '', address: { formatted: '' } })).toEqual({
      name: null,
      address: null,
    });
  });
});
