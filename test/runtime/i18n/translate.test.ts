import { describe, expect, it } from 'vitest';
import {
  byteSize,
  createTranslator,
  defineCatalogues,
  formatDate,
  formatMessage,
  formatNumber,
  langFromHeader,
  longDate,
  pluralCategory,
  translate,
} from '../../../runtime/i18n/index.js';
import { catalogue as designer } from '../../../designer/messages.js';
import { problemMessage } from '../../../runtime/model/index.js';
import { catalogue as workspace } from '../../../workspace/messages.js';

const demo = defineCatalogues({
  nl: { cases: '{n, plural, one {# zaak} other {# zaken}}', hello: 'Dag {name}', group: { a: 'A' } },
  en: { cases: '{n, plural, one {# case} other {# cases}}', hello: 'Hello {name}', group: { a: 'A (en)' } },
});

describe('translate', () => {
  it('formats ICU plurals with the plural rules of the language', () => {
    const nl = createTranslator(demo, 'nl');
    const en = createTranslator(demo, 'en');
    expect([nl('cases', { n: 1 }), nl('cases', { n: 0 }), nl('cases', { n: 1250 })]).toEqual([
      '1 zaak',
      '0 zaken',
      '1.250 zaken',
    ]);
    expect([en('cases', { n: 1 }), en('cases', { n: 2 }), en('cases', { n: 1250 })]).toEqual([
      '1 case',
      '2 cases',
      '1,250 cases',
    ]);
    expect(en('group.a')).toBe('A (en)');
  });

  it('renders a missing parameter empty and an unknown key as the key, never throwing', () => {
    expect(translate(demo, 'nl', 'hello')).toBe('Dag ');
    expect(translate(demo, 'en', 'nope' as 'hello')).toBe('nope');
  });

  it('keeps literal braces quoted in ICU', () => {
    expect(formatMessage("Met '{{veld}}' zet u een antwoord in de tekst.", 'nl')).toBe(
      'Met {{veld}} zet u een antwoord in de tekst.',
    );
  });

  it('throws on a message that is not ICU (the catalogue test catches this first)', () => {
    expect(() => formatMessage('{n, plural, one {x}', 'nl')).toThrow();
  });
});

describe('Intl formats', () => {
  it('formats numbers, dates and sizes per language, dates in Dutch time', () => {
    expect(formatNumber(1250.5, 'nl')).toBe('1.250,5');
    expect(formatNumber(1250.5, 'en')).toBe('1,250.5');
    expect(longDate('2026-03-12T23:30:00Z', 'nl')).toBe('13 maart 2026');
    expect(longDate('2026-03-12T10:00:00Z', 'en')).toBe('12 March 2026');
    expect(formatDate('2026-03-12T10:00:00Z', 'nl', { hour: '2-digit', minute: '2-digit' })).toBe('11:00');
    expect(byteSize(5 * 1024 * 1024, 'nl')).toBe('5 MB');
    expect(byteSize(1536 * 1024, 'en')).toBe('1.5 MB');
    expect(byteSize(1536 * 1024, 'nl')).toBe('1,5 MB');
    expect([pluralCategory(1, 'nl'), pluralCategory(2, 'en')]).toEqual(['one', 'other']);
  });
});

describe('langFromHeader', () => {
  it('reads Accept-Language by q-value, Dutch by default', () => {
    expect(langFromHeader(undefined)).toBe('nl');
    expect(langFromHeader('en-GB,en;q=0.9')).toBe('en');
    expect(langFromHeader('de-DE, en;q=0.5, nl;q=0.8')).toBe('nl');
    expect(langFromHeader('fr, en;q=0.1')).toBe('en');
    expect(langFromHeader('xx, *')).toBe('nl');
    expect(langFromHeader('en;q=0')).toBe('nl');
  });
});

describe('the designer and workspace views', () => {
  it('keep their call shapes, with ICU plurals where the words were chosen by hand', () => {
    expect(designer.nl.problemCount(1)).toBe('1 probleem');
    expect(designer.en.problemCount(3)).toBe('3 problems');
    expect(designer.nl.publishBlocked(1)).toBe('Publiceren kan nog niet: er is 1 probleem. Los het eerst op.');
    expect(designer.en.publishBlocked(2)).toBe(
      'Publishing is not possible yet: there are 2 problems. Solve them first.',
    );
    expect(designer.nl.addKind(designer.nl.kinds.form)).toBe('Formulier toevoegen');
    expect(designer.en.addKind(designer.en.kinds.form)).toBe('Add form');
    // Problems are worded whole from their code and params (runtime/model/problems.ts), in either language.
    expect(problemMessage({ code: 'P013', params: { case: 'trigger', n: 1, name: 'x' } }, 'nl')).toBe(
      'De reden van aanleiding 1 gebruikt ‘{{x}}’, maar dat gegeven komt niet met het signaal. Voeg het toe bij de gegevens uit het signaal.',
    );
    expect(problemMessage({ code: 'P999', params: {} }, 'en')).toBe('P999');
    expect(designer.en.edgeTakenTogether(4, 2)).toBe(
      'taken 4 times, together with 1 other line between the same steps',
    );
    expect(workspace.nl.newTasks(1, 'Z-1')).toBe('Nieuwe taak: Z-1');
    expect(workspace.en.newTasks(2, 'Z-1, Z-2')).toBe('2 new tasks: Z-1, Z-2');
  });
});
