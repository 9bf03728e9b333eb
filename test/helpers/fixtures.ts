/**
 * The purpose-made fixture processes the tests run on, and a helper that
 * publishes only the ones a test names. The examples in processes/ are for
 * people; test/examples/ checks them. Every other test names its fixtures, so
 * an example can change its wording or rules without breaking a test.
 *
 * test/fixtures/processes/ (one behaviour set each):
 * - `toeslag`: two citizen forms (household, then money with a conditional
 *   question), a decision with rules whose norm depends on the household, an
 *   official's review (`beoordeling`, team belastingen, 8 working days) with a
 *   negative outcome that asks a reason, a message, three ends and a withdraw
 *   for the whole application. Answers: {@link toeslagAnswers}.
 * - `ophalen`: one form (postcode, text, multi-choice, a question shown only
 *   for "overig", a date from today) straight to an end whose message names
 *   the date.
 * - `pas`: a form, a decision, and two proactive triggers: an offer
 *   (`inkomen.vastgesteld` when inkomen <= 1500, starting at the `aanbod`
 *   form) and a grant (`bijstand.toegekend`, starting at a message).
 * - `tabeltoets`: one form, a decision by a UNIQUE table with three inputs
 *   (age, years of low income, income as % of the norm), `onError` and
 *   otherwise to an official's review.
 * test/fixtures/counterfactual/ (what would have changed the outcome; its
 * README.md): `cf-inkomen`, `cf-leeftijd`, `cf-woonsituatie`,
 * `cf-combinatie`, `cf-tabel`, `cf-onberekenbaar`.
 * test/fixtures/engine/ (older, found here by name too): `betaling` (a wait
 * for a payment with a timeout), `herhaling` (a wait in a loop), `melding`
 * (two forms, a routed next), `wachttijd` (a wait with a timer, withdrawable).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ProcessService } from '../../runtime/engine/index.js';

// import.meta.dirname, not import.meta.url: in the jsdom project the URL is not a file URL.
export const FIXTURE_PROCESSES = join(import.meta.dirname, '../fixtures/processes');
export const FIXTURE_ENGINE = join(import.meta.dirname, '../fixtures/engine');
export const FIXTURE_COUNTERFACTUAL = join(import.meta.dirname, '../fixtures/counterfactual');

/** The fixture processes by name (the file name, which is also the process key). */
export type FixtureName =
  | 'toeslag'
  | 'ophalen'
  | 'pas'
  | 'tabeltoets'
  | 'betaling'
  | 'herhaling'
  | 'melding'
  | 'wachttijd'
  | CounterfactualFixture;
export type CounterfactualFixture =
  'cf-inkomen' | 'cf-leeftijd' | 'cf-woonsituatie' | 'cf-combinatie' | 'cf-tabel' | 'cf-onberekenbaar';

/** A fresh copy of a fixture process definition, untyped as parsed JSON is: change it freely, or cast it to Process. */
export function fixtureProcess(name: FixtureName): any {
  for (const dir of [FIXTURE_PROCESSES, FIXTURE_ENGINE, FIXTURE_COUNTERFACTUAL]) {
    const file = join(dir, `${name}.json`);
    if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8'));
  }
  throw new Error(`no fixture process ${name}: add test/fixtures/processes/${name}.json`);
}

/**
 * Saves and publishes each named fixture as version 1 (by `by`). A fixture
 * with problems throws, with the problems in the message: fixtures are valid.
 */
export async function publishFixtures(
  processes: Pick<ProcessService, 'saveDraft' | 'publish'>,
  names: readonly FixtureName[],
  by = 'test',
) {
  for (const name of names) {
    const definition = fixtureProcess(name);
    const { problems } = await processes.saveDraft(definition.key, definition, by);
    if (problems.length) throw new Error(`fixture ${name} has problems: ${JSON.stringify(problems)}`);
    await processes.publish(definition.key, by);
  }
}

/** Valid answers for `toeslag`'s first form (living alone: norm 1400). */
export const household = { huishouden: 'alleenstaand', aanslagnummer: '2026-0001234' };
/** Answers for `toeslag`'s second form; inkomen 1450 (within 100 of the norm) goes to an official. */
export const money = (over: Record<string, unknown> = {}) => ({
  inkomen: '1450',
  vermogen: '100',
  heeftAuto: 'nee',
  iban: 'NL91 ABNA 0417 1643 00',
  ...over,
});
export const toeslagAnswers = { household, money };
