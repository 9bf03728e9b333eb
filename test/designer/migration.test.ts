import { describe, expect, it } from 'vitest';
import {
  blockedSteps,
  cleanMapping,
  laterVersions,
  mappingOptions,
  reasonText,
} from '../../designer/model/migration.js';
import { keyFrom } from '../../designer/editor/new-process.js';
import type { Process } from '../../runtime/model/index.js';
import { fixtureProcess } from '../helpers/fixtures.js';

const toeslag = (): Process => fixtureProcess('toeslag') as Process;

describe('moving cases to a later version', () => {
  const blocked = [
    {
      caseId: 'a',
      reference: 'Z-1',
      step: 'beoordeling',
      reason: "step 'beoordeling' does not exist in the new version (map it to a step that does)",
    },
    {
      caseId: 'b',
      reference: 'Z-2',
      step: 'geldzaken',
      reason: "step 'geldzaken' is a decision in the new version, not a form",
    },
    {
      caseId: 'c',
      reference: 'Z-3',
      step: 'beoordeling',
      reason: "step 'beoordeling' does not exist in the new version (map it to a step that does)",
    },
    { caseId: 'd', reference: 'Z-4', step: null, reason: 'the case is not at a step' },
  ];

  it('groups the blocked cases per step (cases not at a step have nothing to map)', () => {
    expect(blockedSteps({ blocked })).toEqual([
      { step: 'beoordeling', count: 2, reason: blocked[0].reason },
      { step: 'geldzaken', count: 1, reason: blocked[1].reason },
    ]);
  });

  it('offers the steps of the new version of the same kind, the step itself first when it is still there', () => {
    const source = toeslag();
    const target = structuredClone(source);
    target.steps.herbeoordeling = { ...target.steps.beoordeling };
    delete target.steps.beoordeling;
    expect(mappingOptions(source, target, 'beoordeling')).toEqual(['herbeoordeling']);
    expect(mappingOptions(source, target, 'geldzaken')).toEqual(['geldzaken', 'huishouden']);
    expect(mappingOptions(source, target, 'bestaat-niet')).toEqual(Object.keys(target.steps).sort());
  });

  it('sends only real mappings', () => {
    expect(cleanMapping({ beoordeling: 'herbeoordeling', geldzaken: '', huishouden: 'huishouden' })).toEqual({
      beoordeling: 'herbeoordeling',
    });
  });

  it("says the server's reasons in the designer's words", () => {
    const words = {
      notAtStep: 'Niet bij een stap.',
      missing: (s: string) => `${s} ontbreekt.`,
      kind: (s: string, now: string, was: string) => `${s}: nu ${now}, was ${was}.`,
    };
    const kinds: Record<string, string> = { decision: 'Besluit', form: 'Formulier' };
    expect(blocked.map((b) => reasonText(b.reason, words, (k) => kinds[k] ?? k))).toEqual([
      'beoordeling ontbreekt.',
      'geldzaken: nu Besluit, was Formulier.',
      'beoordeling ontbreekt.',
      'Niet bij een stap.',
    ]);
    expect(reasonText("step 'x' is an end in the new version, not a form", words)).toBe('x: nu end, was form.');
    expect(reasonText('something new', words)).toBe('something new');
  });

  it('moves only to later versions, newest first', () => {
    expect(laterVersions([1, 2, 3, 4], 2)).toEqual([4, 3]);
    expect(laterVersions([1, 2], 2)).toEqual([]);
  });
});

describe('import', () => {
  it('makes a key from a file name', () => {
    expect(keyFrom('Factuur goedkeuren.bpmn')).toBe('factuur-goedkeuren');
    expect(keyFrom('Één_Aanvraag (v2).json')).toBe('een-aanvraag-v2');
    expect(keyFrom('---.xml')).toBe('');
  });
});
