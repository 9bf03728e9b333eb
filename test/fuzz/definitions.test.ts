/**
 * The fuzz suite, part 3: generated bad definitions through draft, publish,
 * start and submit (issue 11, Build item 12). Six families of mutations of
 * the example processes, each a fast-check property on its own server (so
 * one family's damage does not hide another's). Size: FUZZ_DEFINITIONS
 * definitions in all (default 200).
 */
import { describe, expect, it } from 'vitest';
import { fuzzConfig } from './config.js';
import { defCaseArb, defExamples, definitionScenario, FAMILIES } from './definitions.js';
import { Fuzz, Recorder } from './harness.js';

const cfg = fuzzConfig();
const families = Object.keys(FAMILIES);
const perFamily = Math.max(1, Math.ceil(cfg.definitions / families.length));
const recorder = new Recorder();

describe('fuzz: bad definitions through draft, publish, start and submit', () => {
  for (const family of families) {
    it(
      family,
      async () => {
        const fz = await Fuzz.start(cfg, { recorder });
        try {
          await fz.property(
            `definitions: ${family}`,
            defCaseArb(family),
            perFamily,
            (c) => definitionScenario(fz, c),
            defExamples(family),
          );
        } finally {
          await fz.close();
        }
      },
      180_000,
    );
  }
  it(`generates ${perFamily * families.length} definitions`, () => {
    expect(perFamily * families.length).toBeGreaterThanOrEqual(cfg.definitions);
    expect(recorder.definitions).toBeGreaterThan(0);
  });
});
