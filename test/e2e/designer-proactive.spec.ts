import { expect, test, type Page } from '@playwright/test';
import { accounts, api, expectAccessible, freshBsn } from './support.js';
import { node, typeFeel } from './canvas.js';

// The designer and proactive service in real Chromium: a trigger of the
// stadspas example edited in the process properties (and saved), the
// decision table of individuele-inkomenstoeslag (overlap P026 appears and
// goes with undo, cell syntax, onError), the take-up panel against the API,
// and a simulated proactive start.

test.use({ viewport: { width: 1280, height: 800 } });

async function openProcess(page: Page, key: string) {
  const { name, password } = accounts().designers.dina;
  await page.goto(`/ontwerp/processen/${key}`);
  await page.getByLabel('Naam').fill(name);
  await page.getByLabel('Wachtwoord').fill(password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
}

const panel = (page: Page) => page.getByRole('tabpanel');
const saved = (page: Page) => expect(page.getByTestId('save-state')).toHaveText('Opgeslagen');
const draftOf = async (key: string) => (await api('GET', `/api/processes/${key}`, accounts().designer)).body.draft;

test('edit the triggers of stadspas: condition (signal data, not fields), mode, add and remove; every edit saved and undoable', async ({
  page,
}) => {
  await openProcess(page, 'stadspas');
  const props = panel(page);
  await expect(props.getByRole('heading', { name: 'Het proces' })).toBeVisible();
  const first = props.getByRole('listitem', { name: 'Aanleiding 1' });
  await expect(first.getByLabel('Aanleiding 1: signaal')).toHaveValue('inkomen.vastgesteld');
  await expect(first.getByLabel('Aanbieden')).toBeChecked();
  await expect(first.getByLabel('Aanleiding 1: begint bij')).toHaveValue('aanbod');
  await expect(props.getByRole('listitem', { name: 'Aanleiding 2' }).getByLabel('Toekennen')).toBeChecked();
  await expectAccessible(page);

  // The condition reads the signal's data: a name that is no field of the process is not marked.
  const when = first.locator('[data-feel-label="Aanleiding 1: als (FEEL)"]');
  await typeFeel(page, when, 'inkomen <= 1550 and leeftijd >= 18');
  await saved(page);
  await expect(when.locator('.ontwerp-feel__problems')).toHaveCount(0);
  expect((await draftOf('stadspas')).triggers[0].when).toBe('inkomen <= 1550 and leeftijd >= 18');
  // A syntax error is marked all the same.
  await typeFeel(page, when, 'inkomen <=');
  await expect(when.locator('.ontwerp-feel__problem--error')).toContainText(
    'Deze expressie is geen geldige FEEL: er gaat iets mis bij teken 11 (aan het eind).',
  );
  // The second condition-changing edit.
  await typeFeel(page, when, 'inkomen <= 1600');
  await expect(when.locator('.ontwerp-feel__problems')).toHaveCount(0);
  await saved(page);
  expect((await draftOf('stadspas')).triggers[0].when).toBe('inkomen <= 1600');
  await expect(page.getByRole('button', { name: 'Ongedaan maken' })).toHaveAttribute(
    'title',
    'Ongedaan maken: aanleiding wijzigen (Ctrl+Z)',
  );

  // The mode, by keyboard; one command, undone with the button.
  await first.getByLabel('Toekennen').check();
  await saved(page);
  expect((await draftOf('stadspas')).triggers[0].mode).toBe('grant');
  await page.getByRole('button', { name: 'Ongedaan maken' }).click();
  await expect(first.getByLabel('Aanbieden')).toBeChecked();

  // The signal name is checked as it is typed; the reason in Dutch and English.
  await first.getByLabel('Aanleiding 1: signaal').fill('Inkomen Vastgesteld');
  await expect(first.locator('.ontwerp-field-error')).toContainText('Kleine letters');
  await first.getByLabel('Aanleiding 1: signaal').fill('inkomen.vastgesteld');
  await first.getByLabel('Aanleiding 1: signaal').press('Enter');
  await expect(first.locator('.ontwerp-field-error')).toHaveCount(0);
  await first
    .getByLabel('Aanleiding 1: waarom de inwoner in aanmerking komt EN', { exact: true })
    .fill('Your income ({{inkomen}} a month) is below € 1,600.');
  await first.getByLabel('Aanleiding 1: waarom de inwoner in aanmerking komt EN', { exact: true }).press('Tab');

  // Add one (an offer starting where the process starts), then remove it.
  await props.getByRole('button', { name: 'Aanleiding toevoegen' }).click();
  const third = props.getByRole('listitem', { name: 'Aanleiding 3' });
  await expect(third.getByLabel('Aanleiding 3: begint bij')).toHaveValue('aanvraag');
  await third.getByLabel('Aanleiding 3: begint bij').selectOption('toegekend');
  await saved(page);
  expect((await draftOf('stadspas')).triggers[2]).toMatchObject({
    signal: 'register.gewijzigd',
    mode: 'offer',
    start: 'toegekend',
  });
  await third.getByRole('button', { name: 'Aanleiding 3 verwijderen' }).click();
  await expect(props.getByRole('listitem', { name: /^Aanleiding/ })).toHaveCount(2);
  await saved(page);

  const draft = await draftOf('stadspas');
  expect(draft.triggers).toHaveLength(2);
  expect(draft.triggers[0]).toMatchObject({
    signal: 'inkomen.vastgesteld',
    when: 'inkomen <= 1600',
    mode: 'offer',
    start: 'aanbod',
  });
  expect(draft.triggers[0].because.en).toBe('Your income ({{inkomen}} a month) is below € 1,600.');
  // The published version is untouched.
  expect((await api('GET', '/api/processes/stadspas', accounts().designer)).body.definition.triggers[0].when).toBe(
    'inkomen <= 1500',
  );
});

test('a decision table: an overlapping cell gives P026 and undo takes it away; cell syntax and onError', async ({
  page,
}) => {
  await openProcess(page, 'individuele-inkomenstoeslag');
  await node(page, 'toets').click();
  const props = panel(page);
  await expect(props.getByRole('heading', { level: 2 })).toContainText('Toets op de voorwaarden');
  const problem = (code: string) => page.locator(`.ontwerp-problem[data-code="${code}"]`);
  await expect(page.getByTestId('problem-count')).toHaveText('0');

  const cell = props.getByLabel('Rij 1: Leeftijd', { exact: true });
  await expect(cell).toHaveValue('< 21');
  await cell.fill('< 22');
  await cell.press('Enter');
  await expect(problem('P026').first()).toBeVisible();
  await expect(problem('P026').first()).toContainText('kunnen rij 1 en rij 2 allebei passen');
  await page.getByRole('button', { name: 'Ongedaan maken' }).click();
  await expect(cell).toHaveValue('< 21');
  await expect(problem('P026')).toHaveCount(0);
  await expect(page.getByTestId('problem-count')).toHaveText('0');

  // A cell's syntax error shows at the cell while typing.
  const years = props.getByLabel('Rij 2: Jaren laag inkomen', { exact: true });
  await years.fill('< ');
  await expect(years).toHaveAttribute('aria-invalid', 'true');
  await expect(props.locator('.ontwerp-field-error', { hasText: 'Syntaxfout' })).toBeVisible();
  await years.fill('< 3');
  await years.press('Enter');
  await expect(years).not.toHaveAttribute('aria-invalid', 'true');

  // onError: where a UNIQUE table goes when more rows match; without it, P027.
  const onError = props.getByLabel('Als meer dan één rij klopt: ga naar');
  await expect(onError).toHaveValue('beoordeling');
  await onError.selectOption('');
  await expect(problem('P027')).toBeVisible();
  await onError.selectOption('beoordeling');
  await expect(problem('P027')).toHaveCount(0);
  await saved(page);
  const draft = await draftOf('individuele-inkomenstoeslag');
  expect(draft.steps.toets.onError).toBe('beoordeling');
  expect(draft.steps.toets.table.rows[0].tests[0]).toBe('< 21');
});

test('the take-up panel of stadspas shows the figures of the API', async ({ page }) => {
  // A register scan (one eligible, one not, one invalid row) and a grant by signal.
  const eligible = freshBsn();
  const csv = `bsn,inkomen\n${eligible},1100\n${freshBsn()},2600\n12345,900\n`;
  const scan = await fetch(`http://127.0.0.1:${process.env.E2E_PORT ?? 3199}/api/processes/stadspas/scan`, {
    method: 'POST',
    headers: { authorization: `Bearer ${accounts().admin}`, 'content-type': 'text/csv' },
    body: csv,
  });
  expect(scan.status).toBe(200);
  const signal = await api('POST', '/api/signals', accounts().admin, {
    type: 'bijstand.toegekend',
    subject: freshBsn(),
    data: {},
  });
  expect(signal.body.started).toEqual([{ process: 'stadspas', caseId: expect.any(String) }]);
  const figures = (await api('GET', '/api/processes/stadspas/take-up', accounts().designer)).body;
  expect(figures.lastScan).toMatchObject({ rows: 3, invalid: 1, eligible: 1, started: 1, notEligible: 1 });
  expect(figures.granted).toBeGreaterThanOrEqual(1);

  await openProcess(page, 'stadspas');
  await page.getByRole('tab', { name: 'Bereik' }).click();
  const takeUp = page.getByTestId('take-up');
  for (const key of ['eligible', 'reached', 'granted', 'declined', 'optedOut', 'open'] as const) {
    await expect(takeUp.getByTestId(`take-up-${key}`), key).toHaveText(String(figures[key]));
  }
  for (const key of ['rows', 'invalid', 'eligible', 'started', 'alreadyServed', 'optedOut', 'notEligible'] as const) {
    await expect(takeUp.getByTestId(`take-up-scan-${key}`), key).toHaveText(String(figures.lastScan[key]));
  }
  await expect(takeUp.getByTestId('take-up-scan-at')).toContainText(
    String(new Date(figures.lastScan.at).getFullYear()),
  );
  await expectAccessible(page);

  // New cases show after a refresh.
  await api('POST', '/api/signals', accounts().admin, { type: 'bijstand.toegekend', subject: freshBsn(), data: {} });
  await takeUp.getByRole('button', { name: 'Vernieuwen' }).click();
  await expect(takeUp.getByTestId('take-up-reached')).toHaveText(String(figures.reached + 1));
  await expect(takeUp.getByTestId('take-up-granted')).toHaveText(String(figures.granted + 1));

  // A process without triggers has no take-up tab.
  await page.goto('/ontwerp/processen/kwijtschelding');
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Versies' })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Bereik' })).toHaveCount(0);
});

test('simulate a proactive start of stadspas via a trigger, with the facts as JSON', async ({ page }) => {
  await openProcess(page, 'stadspas');
  await page.getByRole('tab', { name: 'Simuleren' }).click();
  const sim = panel(page);
  await sim.getByLabel('Aanleiding', { exact: true }).selectOption({ index: 0 });
  const facts = sim.getByLabel('Gegevens van het signaal (JSON)');
  await expect(facts).toHaveValue(/"inkomen": 0/);
  await facts.fill('{ inkomen: 1200 }');
  await expect(sim.getByText('Geen geldige JSON', { exact: false })).toBeVisible();
  await facts.fill('{ "inkomen": 1200 }');
  await sim.getByRole('button', { name: 'Start via aanleiding 1' }).click();
  await expect(sim.getByTestId('sim-step')).toContainText('Wilt u de Stadspas?');
  await expect(node(page, 'aanbod').locator('.ontwerp-node')).toHaveClass(/is-active/);
  await expect(sim.getByTestId('sim-explanations')).toContainText('Uw inkomen (€ 1.200,00 per maand)');
  await expect(sim.getByTestId('sim-log')).toContainText('gestart via aanleiding 1 (inkomen.vastgesteld)');
  await sim.getByLabel('Ja').check();
  await sim.getByRole('button', { name: 'Antwoorden versturen' }).click();
  await expect(sim.getByTestId('sim-outcome')).toHaveText('Uitkomst: Toegekend');

  // Facts for which the condition does not hold: said, and started anyway.
  await facts.fill('{ "inkomen": 2600 }');
  await sim.getByRole('button', { name: 'Start via aanleiding 1' }).click();
  await expect(sim.getByText('De voorwaarde van deze aanleiding klopt niet')).toBeVisible();

  // A grant decides and ends on its own.
  await sim.getByLabel('Aanleiding', { exact: true }).selectOption({ index: 1 });
  await sim.getByRole('button', { name: 'Start via aanleiding 2' }).click();
  await expect(sim.getByTestId('sim-outcome')).toHaveText('Uitkomst: Toegekend');
  await expect(sim.getByTestId('sim-explanations')).toContainText('U krijgt een bijstandsuitkering');
});
