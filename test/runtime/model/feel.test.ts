import { evaluate } from 'feelin';
import { describe, expect, it } from 'vitest';
import { compileFeel, evaluateFeel, feelHolds, FeelSyntaxError } from '../../../runtime/model/index.js';

describe('compileFeel', () => {
  it('caches: the same expression compiles to the same object', () => {
    const first = compileFeel('inkomen > 1400 + 100');
    expect(compileFeel('inkomen > 1400 + 100')).toBe(first);
    expect(compileFeel('inkomen > 1400 + 101')).not.toBe(first);
    expect(first.expr).toBe('inkomen > 1400 + 100');
  });

  it('evaluates a cached expression against fresh data every time', () => {
    const compiled = compileFeel('a * 2');
    expect(compiled.evaluate({ a: 2 })).toBe(4);
    expect(compiled.evaluate({ a: 5 })).toBe(10);
    expect(compiled.evaluate({})).toBeNull();
    expect(evaluateFeel('a * 2', { a: 7 })).toBe(14);
  });

  describe('names', () => {
    it.each([
      ['vermogen > 2500', ['vermogen']],
      ['heeftAuto = true and autoWaarde > 3000', ['heeftAuto', 'autoWaarde']],
      ['inkomen > (if huishouden = "samen" then 1900 else 1400) + 100', ['inkomen', 'huishouden']],
      ['a + a * b', ['a', 'b']],
      ['1 + 2', []],
      ['"tekst met naam"', []],
    ])('%s reads %j', (expr, names) => {
      expect(compileFeel(expr).names).toEqual(names);
    });

    it('leaves out names of invoked functions', () => {
      expect(compileFeel('list contains(spullen, "overig")').names).toEqual(['spullen']);
      expect(compileFeel('upper case(naam) = "JAN"').names).toEqual(['naam']);
      expect(compileFeel('string length(naam) > count(kinderen)').names).toEqual(['naam', 'kinderen']);
      expect(compileFeel('date(geboortedatum) < today()').names).toEqual(['geboortedatum']);
      expect(compileFeel('substring(string: naam, start position: 2)').names).toEqual(['naam']);
    });

    it('leaves out names bound by for, some and every', () => {
      expect(compileFeel('for x in bedragen return x * factor').names).toEqual(['bedragen', 'factor']);
      expect(compileFeel('some k in kinderen satisfies k.leeftijd < grens').names).toEqual(['kinderen', 'grens']);
      expect(compileFeel('every k in kinderen satisfies k > 0').names).toEqual(['kinderen']);
      expect(compileFeel('some x in xs, y in x satisfies y = doel').names).toEqual(['xs', 'doel']);
      expect(compileFeel('for i in 1..n return if i = 1 then 1 else partial[-1] + i').names).toEqual(['n']);
    });

    it('leaves out function parameters, filter items and earlier context entries', () => {
      expect(compileFeel('(function(a, b) a + b + c)(1, d)').names).toEqual(['c', 'd']);
      expect(compileFeel('count(bedragen[item > drempel])').names).toEqual(['bedragen', 'drempel']);
      expect(compileFeel('{ basis: 10, totaal: basis + extra }.totaal').names).toEqual(['extra']);
      expect(compileFeel('x.y.z > 1').names).toEqual(['x']);
    });

    // Regression: a bound name used to be dropped everywhere in the expression,
    // so an unknown field with that name was never reported (P005).
    it('keeps a name that is bound only elsewhere in the expression', () => {
      expect(compileFeel('(for a in xs return a) = a').names).toEqual(['xs', 'a']);
      expect(compileFeel('{ a: 1 }.a + a').names).toEqual(['a']);
      expect(compileFeel('item > 1').names).toEqual(['item']);
    });

    // Regression: the type in `instance of` used to be reported as a field.
    it('leaves out type names', () => {
      expect(compileFeel('bedrag instance of number').names).toEqual(['bedrag']);
      expect(compileFeel('lijst instance of list<string>').names).toEqual(['lijst']);
    });
  });

  describe('syntax errors', () => {
    it.each([
      ['a +* 3', 3],
      ['soort >', 7],
      ['(soort', 6],
      ['soort = "a" )', 12],
      ['if a then 1', 11],
      ['"open', 0],
    ])('%j throws FeelSyntaxError at %i', (expr, from) => {
      let error: unknown;
      try {
        compileFeel(expr);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(FeelSyntaxError);
      const e = error as FeelSyntaxError;
      expect(e.expr).toBe(expr);
      expect(e.from).toBe(from);
      expect(e.to).toBeGreaterThanOrEqual(e.from);
      expect(e.message).toContain(`position ${from + 1}`);
    });

    it('rejects an empty expression', () => {
      expect(() => compileFeel('')).toThrow(FeelSyntaxError);
      expect(() => compileFeel('   ')).toThrow(FeelSyntaxError);
    });

    it('does not cache a failed compile', () => {
      expect(() => compileFeel('x >')).toThrow(FeelSyntaxError);
      expect(() => compileFeel('x >')).toThrow(FeelSyntaxError);
    });
  });
});

describe('compiled evaluation matches feelin', () => {
  const data = {
    a: 5,
    b: 2.5,
    nul: null,
    waar: true,
    onwaar: false,
    naam: 'Jan de Vries',
    huishouden: 'samen',
    spullen: ['matras', 'overig'],
    bedragen: [10, 20, 30],
    adres: { postcode: '1234 AB', huisnummer: 12 },
    datum: '2025-06-15',
  };

  const expressions = [
    // arithmetic
    '1 + 2 * 3',
    'a - b',
    'a / 2',
    'a ** 2',
    '-a',
    '(a + 1) * b',
    'a / 0',
    '10 / 3',
    // comparisons and logic
    'a > 3',
    'a <= b',
    'a = 5',
    'a != 5',
    'naam = "Jan de Vries"',
    'waar and onwaar',
    'waar or onwaar',
    'not(onwaar)',
    'a between 1 and 10',
    'a in [1..5]',
    'a in (1..5)',
    'huishouden in ["samen", "alleen"]',
    // if-then-else
    'if a > 3 then "groot" else "klein"',
    'if huishouden = "samen" then 1900 else if huishouden = "alleenstaande-ouder" then 1600 else 1400',
    'if nul then 1 else 2',
    // lists
    'list contains(spullen, "overig")',
    'list contains(spullen, "kast")',
    'count(spullen)',
    'sum(bedragen)',
    'max(bedragen)',
    'bedragen[item > 15]',
    'bedragen[1]',
    'bedragen[-1]',
    'for x in bedragen return x * 2',
    'some x in bedragen satisfies x > 25',
    'every x in bedragen satisfies x > 5',
    'append(spullen, "kast")',
    'index of(spullen, "overig")',
    // strings
    'upper case(naam)',
    'lower case(naam)',
    'substring(naam, 1, 3)',
    'string length(naam)',
    'contains(naam, "Vries")',
    'starts with(naam, "Jan")',
    'naam + "!"',
    'string(a)',
    'split(naam, " ")',
    'replace(naam, "Jan", "Piet")',
    // contexts and paths
    'adres.postcode',
    'adres.huisnummer + 1',
    '{ x: a, y: x + 1 }.y',
    // dates and durations
    'date(datum) + duration("P1D")',
    'date(datum) > date("2025-01-01")',
    'date(datum).year',
    // null handling
    'nul = null',
    'onbekend = null',
    'onbekend + 1',
    'nul > 1',
    'a > nul',
    'get value(adres, "postcode")',
    'string join(spullen, ", ")',
    'count(onbekend)',
    'if onbekend > 3 then "ja" else "nee"',
    'onbekend and waar',
    'onbekend or waar',
  ];

  it.each(expressions)('%s', (expr) => {
    const expected = evaluate(expr, data).value;
    expect(compileFeel(expr).evaluate(data)).toEqual(expected);
  });

  it.each([
    ['1 + 2 * 3', 7],
    ['if a > 3 then "groot" else "klein"', 'groot'],
    ['list contains(spullen, "overig")', true],
    ['upper case(naam)', 'JAN DE VRIES'],
    ['bedragen[item > 15]', [20, 30]],
    ['onbekend + 1', null],
    ['nul > 1', null],
    ['onbekend or waar', true],
    ['{ x: a, y: x + 1 }.y', 6],
  ] as const)('%s gives %j', (expr, expected) => {
    expect(compileFeel(expr).evaluate(data)).toEqual(expected);
  });

  it('gives the same result for many data sets with one compiled form', () => {
    const expr =
      'inkomen > (if huishouden = "samen" then 1900 else if huishouden = "alleenstaande-ouder" then 1600 else 1400) + 100';
    const compiled = compileFeel(expr);
    for (const huishouden of ['samen', 'alleenstaande-ouder', 'alleenstaand', undefined]) {
      for (const inkomen of [0, 1499, 1500, 1501, 1701, 2001, null]) {
        const d = { huishouden, inkomen };
        expect(compiled.evaluate(d)).toEqual(evaluate(expr, d).value);
      }
    }
  });

  it('does not carry warnings or state from one evaluation into the next', () => {
    const compiled = compileFeel('onbekend + a');
    expect(compiled.evaluate({})).toBeNull();
    expect(compiled.evaluate({ onbekend: 1, a: 2 })).toBe(3);
    expect(compiled.evaluate({})).toBeNull();
  });
});

describe('feelHolds', () => {
  it('holds only for exactly true', () => {
    expect(feelHolds('a > 1', { a: 2 })).toBe(true);
    expect(feelHolds('a > 1', { a: 0 })).toBe(false);
    // null (unknown) is not true: a guard over a missing answer does not hold
    expect(feelHolds('a > 1', {})).toBe(false);
    expect(feelHolds('a', { a: 'true' })).toBe(false);
    expect(feelHolds('a', { a: 1 })).toBe(false);
  });

  it('evaluates no JavaScript from the expression', () => {
    const g = globalThis as { omslagPwned?: boolean };
    expect(evaluateFeel('constructor.constructor("globalThis.omslagPwned = true")()', {})).toBeNull();
    expect(g.omslagPwned).toBeUndefined();
  });
});

describe('comparisons of mismatched types (finding 4 of issue 11)', () => {
  it('finding 4: "abc" <= 1500 does not match: a comparison across types is null, as DMN defines', () => {
    for (const inkomen of ['abc', '', '1200', [], true, { a: 1 }]) {
      expect(evaluateFeel('inkomen <= 1500', { inkomen }), JSON.stringify(inkomen)).toBeNull();
      expect(feelHolds('inkomen <= 1500', { inkomen })).toBe(false);
      expect(feelHolds('inkomen > 1500', { inkomen })).toBe(false);
    }
    expect(evaluateFeel('true < 5', {})).toBeNull();
    expect(evaluateFeel('"b" > 1', {})).toBeNull();
  });

  it('comparisons within one type still work: numbers, texts, dates and durations', () => {
    expect(feelHolds('inkomen <= 1500', { inkomen: 1200 })).toBe(true);
    expect(feelHolds('inkomen <= 1500', { inkomen: 1500 })).toBe(true);
    expect(feelHolds('inkomen < 1500', { inkomen: 1600 })).toBe(false);
    expect(feelHolds('naam < "m"', { naam: 'anna' })).toBe(true);
    expect(feelHolds('date(d) >= date("2026-01-01")', { d: '2026-03-02' })).toBe(true);
    expect(feelHolds('duration("P2D") > duration("P1D")', {})).toBe(true);
    expect(feelHolds('x in [1..10]', { x: 5 })).toBe(true);
    expect(evaluateFeel('x in [1..10]', { x: 'vijf' })).toBeNull();
  });
});

describe('names of Object.prototype members in FEEL (finding 3 of issue 11; found by the fuzz suite)', () => {
  it('finding 3: hasOwnProperty(x), constructor(1), toString() compile and evaluate to null, never a TypeError', () => {
    for (const expr of [
      'hasOwnProperty(inkomen)',
      'constructor(1)',
      'toString()',
      'valueOf(x)',
      'isPrototypeOf(1)',
      'x.constructor',
      'x.__proto__',
    ]) {
      expect(() => compileFeel(expr), expr).not.toThrow();
      expect(evaluateFeel(expr, { inkomen: 1, x: { a: 1 } }), expr).toBeNull();
    }
  });
});
