import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { accounts, api, expectAccessible } from './support.js';

// The learning loop in the designer, in real Chromium: live figures on the
// canvas (edge counts equal the API's transitions), moving running cases to
// a later version through the dialog (dry run, mapping, run), and import
// and export.

test.use({ viewport: { width: 1280, height: 800 } });

const citizen = () => (accounts() as unknown as { citizen: string }).citizen;
const designer = () => accounts().designer;
const example = (name: string) =>
  JSON.parse(readFileSync(join(import.meta.dirname, `../../processes/${name}.json`), 'utf8')) as Record<string, any>;

/** Valid answers for kwijtschelding's first form, and for the second (1450 living alone goes to an official). */
const household = { huishouden: 'alleenstaand', aanslagnummer: '2026-0001234' };
const money = (over: Record<string, unknown> = {}) => ({
  inkomen: '1450',
  vermogen: '100',
  heeftAuto: 'nee',
  iban: 'NL91 ABNA 0417 1643 00',
  ...over,
});

async function ok(res: Promise<{ status: number; body: any }>, status = 200) {
  const r = await res;
  expect(r.status, JSON.stringify(r.body)).toBe(status);
  return r.body;
}

/** A citizen starts a case of `key` through the API and sends the events; returns the case's view after the last one. */
async function caseOf(key: string, events: Record<string, unknown>[]) {
  let view = await ok(api('POST', `/api/processes/${key}/cases`, citizen(), {}), 201);
  for (const event of events) view = await ok(api('POST', `/api/cases/${view.id}/events`, citizen(), event));
  return view;
}
const submit = (data: Record<string, unknown>) => ({ type: 'submit', data });

async function signInDesigner(page: Page, path: string) {
  const dina = accounts().designers.dina;
  await page.goto(path);
  await page.getByLabel('Naam').fill(dina.name);
  await page.getByLabel('Wachtwoord').fill(dina.password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
}

test("live figures: steps coloured with their figure as text, edges labelled with the API's transition counts", async ({
  page,
}) => {
  // Cases of kwijtschelding through the API: at the second form, at the official, granted, rejected, withdrawn at the official.
  const atMoney = await caseOf('kwijtschelding', [submit(household)]);
  expect(atMoney.step.id).toBe('geldzaken');
  expect((await caseOf('kwijtschelding', [submit(household), submit(money())])).step.id).toBe('beoordeling');
  expect(
    (await caseOf('kwijtschelding', [submit(household), submit(money({ inkomen: '1000' }))])).outcome.outcome,
  ).toBe('granted');
  expect(
    (await caseOf('kwijtschelding', [submit(household), submit(money({ vermogen: '5000' }))])).outcome.outcome,
  ).toBe('rejected');
  expect(
    (await caseOf('kwijtschelding', [submit(household), submit(money()), { type: 'withdraw' }])).outcome.outcome,
  ).toBe('withdrawn');

  const figures = await ok(api('GET', '/api/processes/kwijtschelding/insights?version=1', designer()));
  expect(figures.transitions.length).toBeGreaterThan(4);

  await signInDesigner(page, '/ontwerp/processen/kwijtschelding');
  await expect(page.locator('.react-flow__node[data-id="huishouden"]')).toBeVisible();
  await expect(page.getByTestId('edge-count')).toHaveCount(0);
  const toggle = page.getByRole('button', { name: 'Cijfers' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  const bar = page.getByRole('region', { name: 'Cijfers op de plaat' });
  await expect(bar.getByLabel('Versie')).toHaveValue('1');
  const finished = Object.values(figures.cases.finished as Record<string, number>).reduce((n, x) => n + x, 0);
  await expect(bar.getByTestId('figures-summary')).toHaveText(
    `${figures.cases.started} zaken gestart, ${finished} afgerond, ${figures.cases.active} lopend`,
  );
  await expect(bar.getByRole('group', { name: /Legenda/ })).toContainText('Mediane tijd in de stap');
  await expectAccessible(page);

  // Every edge carries a count; per pair of steps (or group and step) it is the API's transitions between them.
  const edges = page.getByTestId('edge-count');
  await expect(edges.first()).toBeVisible();
  const shown = await edges.evaluateAll((els) =>
    els.map((el) => ({
      source: el.getAttribute('data-source')!,
      target: el.getAttribute('data-target')!,
      count: Number(el.getAttribute('data-count')),
      text: el.textContent ?? '',
    })),
  );
  // One count per pair of steps: lines between the same two steps (two rules to one end) share it, drawn once.
  const edgeIds = await page
    .locator('.react-flow__edge')
    .evaluateAll((els) => els.map((el) => (el.getAttribute('data-testid') ?? '').replace(/^rf__edge-/, '')));
  // An edge's id is `source->target:slot` (a source may be `group:…`).
  const linePairs = edgeIds.map((id) => {
    const [source, rest] = id.split('->');
    return `${source}->${rest.split(':')[0]}`;
  });
  expect(linePairs.length).toBeGreaterThan(new Set(linePairs).size); // kwijtschelding has parallel lines
  const pairs = new Set(shown.map((e) => `${e.source}->${e.target}`));
  expect(shown.length).toBe(pairs.size);
  expect([...pairs].sort()).toEqual([...new Set(linePairs)].sort());
  const expected = new Map<string, number>();
  for (const tr of figures.transitions as { from: string; to: string; count: number }[]) {
    // A withdrawal is drawn from the group the step is in ("aanvraag"), not from the step.
    const pair = pairs.has(`${tr.from}->${tr.to}`) ? `${tr.from}->${tr.to}` : `group:aanvraag->${tr.to}`;
    expect(pairs.has(pair), `an edge for ${tr.from} → ${tr.to}`).toBe(true);
    expected.set(pair, (expected.get(pair) ?? 0) + tr.count);
  }
  for (const e of shown) {
    expect(e.count, `${e.source} → ${e.target}`).toBe(expected.get(`${e.source}->${e.target}`) ?? 0);
    expect(e.text).toContain(String(e.count));
  }
  expect(expected.get('huishouden->geldzaken')).toBeGreaterThanOrEqual(5);
  expect(expected.get('group:aanvraag->ingetrokken')).toBeGreaterThanOrEqual(1);

  // The figure is on the node as text too (colour is not the only carrier), and follows the chosen measure.
  const step = figures.steps.find((s: { step: string }) => s.step === 'geldzaken');
  const figure = page.locator('.react-flow__node[data-id="geldzaken"]').getByTestId('step-figure');
  await expect(figure).toHaveText(new RegExp(`^mediaan .+ · uitval ${step.dropOff}`));
  await bar.getByLabel('Kleur naar').selectOption({ label: 'Uitval' });
  await expect(figure).toHaveText(new RegExp(`^uitval ${step.dropOff}.* · mediaan `));
  await expect(bar.getByRole('group', { name: /Legenda/ })).toContainText('Uitval in de stap');

  // A period in the future has no cases: every step says so, every edge counts 0.
  await bar.getByLabel('Van', { exact: true }).fill('2999-01-01');
  await expect(bar.getByTestId('figures-summary')).toHaveText('0 zaken gestart, 0 afgerond, 0 lopend');
  await expect(figure).toHaveText('geen zaken');
  expect(await edges.evaluateAll((els) => els.every((el) => el.getAttribute('data-count') === '0'))).toBe(true);

  // Off again: the canvas as it was.
  await toggle.click();
  await expect(page.getByTestId('edge-count')).toHaveCount(0);
  await expect(page.getByTestId('step-figure')).toHaveCount(0);
});

test('moving cases to a later version: a dry run lists who can move and why not, a mapping, then the move', async ({
  page,
}) => {
  const key = `kwijt-over-${Date.now().toString(36)}`;
  const v1: Record<string, any> = { ...example('kwijtschelding'), key };
  await ok(api('PUT', `/api/processes/${key}/draft`, designer(), v1));
  expect((await ok(api('POST', `/api/processes/${key}/publish`, designer()), 201)).version).toBe(1);
  // Two cases at the second form, one at the official's review.
  await caseOf(key, [submit(household)]);
  await caseOf(key, [submit(household)]);
  await caseOf(key, [submit(household), submit(money())]);
  // Version 2 renames the review: its cases cannot move as they are.
  const v2 = structuredClone(v1);
  v2.steps.herbeoordeling = v2.steps.beoordeling;
  delete v2.steps.beoordeling;
  v2.steps.toets.otherwise.goto = 'herbeoordeling';
  if (v2.layout?.beoordeling) {
    v2.layout.herbeoordeling = v2.layout.beoordeling;
    delete v2.layout.beoordeling;
  }
  expect((await ok(api('PUT', `/api/processes/${key}/draft`, designer(), v2))).problems).toEqual([]);
  expect((await ok(api('POST', `/api/processes/${key}/publish`, designer()), 201)).version).toBe(2);
  const dry = await ok(api('POST', `/api/processes/${key}/migrate`, designer(), { from: 1, to: 2, dryRun: true }));
  expect([dry.movable.length, dry.blocked.length]).toEqual([2, 1]);

  await signInDesigner(page, `/ontwerp/processen/${key}`);
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  await page.getByRole('tab', { name: 'Versies' }).click();
  await page.getByRole('button', { name: 'Zaken van versie 1 overzetten…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Lopende zaken van versie 1 overzetten' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Naar versie')).toHaveValue('2');
  await expect(dialog.getByTestId('migrate-movable')).toHaveText(`${dry.movable.length} zaken kunnen over`);
  await expect(dialog.getByTestId('migrate-blocked')).toHaveText('1 zaak kan niet over');
  await expect(dialog).toContainText(
    'Stap beoordeling bestaat niet in de nieuwe versie; koppel hem aan een stap die wel bestaat.',
  );
  // Designers do not read case data: the dry run and the dialog name steps and counts, never which cases.
  expect(JSON.stringify(dry)).not.toMatch(/OMS-|caseId|reference/);
  await expect(dialog.getByRole('row').filter({ hasText: dry.movable[0].step }).first()).toContainText(
    String(dry.movable.length),
  );
  await expectAccessible(page);

  // Map the review to its new name: the dry run again, now all three can move.
  await dialog.getByLabel('Zaken bij beoordeling (1) naar').selectOption('herbeoordeling');
  await expect(dialog.getByTestId('migrate-movable')).toHaveText('3 zaken kunnen over');
  await expect(dialog.getByTestId('migrate-blocked')).toHaveCount(0);
  await dialog.getByRole('button', { name: '3 zaken overzetten naar versie 2' }).click();
  await expect(dialog.getByTestId('migrate-done')).toHaveText('3 zaken overgezet naar versie 2.');
  await expect(dialog.getByTestId('migrate-summary')).toHaveText('Geen lopende zaken in deze versie.');
  const after = await ok(api('POST', `/api/processes/${key}/migrate`, designer(), { from: 1, to: 2, dryRun: true }));
  expect([after.movable.length, after.blocked.length]).toEqual([0, 0]);
  await dialog.getByRole('button', { name: 'Sluiten' }).click();
  await expect(dialog).toBeHidden();

  // Comparing the versions: their figures side by side (the moved cases count with version 2 now), and what changed in the design.
  const versions = page.getByRole('tabpanel');
  await versions.getByLabel('Van', { exact: true }).selectOption({ label: 'Versie 1' });
  await versions.getByLabel('Naar', { exact: true }).selectOption({ label: 'Versie 2' });
  const process = versions.getByTestId('compare-process');
  await expect(process.locator('[data-row="started"]')).toHaveText(/^Zaken gestart\s*0\s*3$/);
  await expect(versions.getByTestId('compare-steps').locator('[data-row="herbeoordeling"]')).toContainText(
    'niet in deze versie',
  );
  await expect(versions.getByTestId('diff')).toContainText('herbeoordeling');
});

test('import a definition (JSON, asking a key when taken) and a BPMN model (what was not mapped); export a version', async ({
  page,
}) => {
  await signInDesigner(page, '/ontwerp/');
  await expect(page.getByRole('heading', { level: 1, name: 'Processen' })).toBeVisible();
  const importing = page.getByTestId('import');

  // JSON whose key exists already: the key is asked for; the draft opens in the editor.
  const key = `import-${Date.now().toString(36)}`;
  await importing.getByLabel('Definitie (JSON-bestand)').setInputFiles({
    name: 'grofvuil.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(example('grofvuil'))),
  });
  await expect(importing.getByLabel('Sleutel van het nieuwe proces')).toHaveValue('grofvuil-2');
  await expectAccessible(page);
  await importing.getByLabel('Sleutel van het nieuwe proces').fill(key);
  await importing.getByRole('button', { name: 'Importeren' }).click();
  await expect(page).toHaveURL(new RegExp(`/ontwerp/processen/${key}$`));
  await expect(page.locator('.react-flow__node[data-id="ophaalverzoek"]')).toBeVisible();
  expect((await ok(api('GET', `/api/processes/${key}`, designer()))).draft.steps.ophaalverzoek.kind).toBe('form');

  // BPMN: what could not be carried over is listed, with the draft to open.
  await page.goto('/ontwerp/');
  const bpmnKey = `melding-${Date.now().toString(36)}`;
  await importing
    .getByLabel('BPMN 2.0-model (.bpmn of .xml)')
    .setInputFiles(join(import.meta.dirname, '../fixtures/bpmn/melding-servicetaak.bpmn'));
  await expect(importing.getByLabel('Sleutel van het nieuwe proces')).toHaveValue('melding-servicetaak');
  await importing.getByLabel('Sleutel van het nieuwe proces').fill(bpmnKey);
  await importing.getByRole('button', { name: 'Importeren' }).click();
  const result = importing.getByTestId('import-result');
  await expect(result).toContainText(`Geïmporteerd als concept ${bpmnKey}.`);
  await expect(result.getByTestId('import-unmapped')).toContainText('bpmn:ServiceTask');
  await result.getByRole('link', { name: `Concept ${bpmnKey} openen` }).click();
  await expect(page).toHaveURL(new RegExp(`/ontwerp/processen/${bpmnKey}$`));
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  // The JUEL condition came over as it was written, and is a problem that names what FEEL writes instead.
  const juel = page.locator('.ontwerp-problem[data-code="P034"]');
  await expect(juel).toHaveCount(1);
  await expect(juel).toContainText('Spoed?');
  await expect(juel).toContainText('is in JavaScript of JUEL geschreven, niet in FEEL');
  await expect(juel).toContainText('Schrijf alleen de voorwaarde zelf.');

  // Export of a published version: the definition, the XState machine (the server's), and Mermaid.
  await page.goto('/ontwerp/processen/kwijtschelding/versies/1');
  await expect(page.getByTestId('read-only')).toBeVisible();
  const exportFile = async (label: string) => {
    await page.getByRole('button', { name: 'Exporteren' }).click();
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: label }).click(),
    ]);
    return { name: file.suggestedFilename(), text: readFileSync((await file.path())!, 'utf8') };
  };
  const definition = await exportFile('Definitie (JSON)');
  expect(definition.name).toBe('kwijtschelding-versie-1.json');
  expect(JSON.parse(definition.text).steps.huishouden.kind).toBe('form');
  const machine = await exportFile('XState-machine (JSON)');
  expect(machine.name).toBe('kwijtschelding-versie-1.xstate.json');
  expect(JSON.parse(machine.text)).toEqual(
    await ok(api('GET', '/api/processes/kwijtschelding/versions/1/xstate', designer())),
  );
  const mermaid = await exportFile('Mermaid-diagram (.mmd)');
  expect(mermaid.name).toBe('kwijtschelding-versie-1.mmd');
  expect(mermaid.text).toMatch(/^stateDiagram-v2/);
  expect(mermaid.text).toContain('huishouden');
});

/** The Monday (YYYY-MM-DD) of this week in Dutch time, and a date some days from it. */
function dutchMonday(): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
}
const plusDays = (date: string, days: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

test('figures as charts: cases per week, choosing the period on the chart by mouse and keyboard, steps and versions as bars', async ({
  page,
}) => {
  const key = `kwijt-grafiek-${Date.now().toString(36)}`;
  const def: Record<string, any> = { ...example('kwijtschelding'), key };
  await ok(api('PUT', `/api/processes/${key}/draft`, designer(), def));
  await ok(api('POST', `/api/processes/${key}/publish`, designer()), 201);
  // This week: three cases start, one of them is withdrawn (finished).
  await caseOf(key, [submit(household)]);
  await caseOf(key, [submit(household), submit(money())]);
  await caseOf(key, [submit(household), submit(money()), { type: 'withdraw' }]);
  const figures = await ok(api('GET', `/api/processes/${key}/insights?version=1`, designer()));
  const monday = dutchMonday();
  expect(figures.weeks.at(-1)).toEqual({ week: monday, started: 3, finished: 1 });

  await signInDesigner(page, `/ontwerp/processen/${key}`);
  await expect(page.locator('.react-flow__node[data-id="huishouden"]')).toBeVisible();
  await page.getByRole('button', { name: 'Cijfers' }).click();
  const bar = page.getByRole('region', { name: 'Cijfers op de plaat' });
  const charts = bar.getByRole('button', { name: 'Grafieken' });
  await expect(charts).toHaveAttribute('aria-expanded', 'false');
  await charts.click();
  await expect(charts).toHaveAttribute('aria-expanded', 'true');

  // The weekly chart: twelve weeks up to this one, each a button that says its figures; this week 3 and 1.
  const weekly = bar.getByTestId('chart-weeks');
  await expect(bar.getByRole('figure', { name: 'Zaken per week: gestart en afgerond' })).toBeVisible();
  await expect(weekly).toContainText('Week (begint op maandag)');
  const weeks = weekly.locator('button[data-week]');
  await expect(weeks).toHaveCount(12);
  const thisWeek = weekly.locator(`button[data-week="${monday}"]`);
  await expect(thisWeek).toHaveAccessibleName(/3 gestart, 1 afgerond$/);
  await expect(thisWeek).toHaveAttribute('aria-pressed', 'false');
  const lastWeek = weekly.locator(`button[data-week="${plusDays(monday, -7)}"]`);
  await expect(lastWeek).toHaveAccessibleName(/0 gestart, 0 afgerond$/);
  await expectAccessible(page);

  // Click last week: the period is that week (Monday to Sunday), the figures follow: nothing then.
  await lastWeek.click();
  await expect(bar.getByLabel('Van', { exact: true })).toHaveValue(plusDays(monday, -7));
  await expect(bar.getByLabel('Tot en met', { exact: true })).toHaveValue(plusDays(monday, -1));
  await expect(bar.getByTestId('figures-summary')).toHaveText('0 zaken gestart, 0 afgerond, 0 lopend');
  await expect(lastWeek).toHaveAttribute('aria-pressed', 'true');
  await expect(weekly).toContainText('Klik op de laatste week van de periode');
  // By keyboard, the second week: the period runs to the end of this week, the figures count this week's cases.
  await thisWeek.focus();
  await page.keyboard.press('Enter');
  await expect(bar.getByLabel('Van', { exact: true })).toHaveValue(plusDays(monday, -7));
  await expect(bar.getByLabel('Tot en met', { exact: true })).toHaveValue(plusDays(monday, 6));
  await expect(bar.getByTestId('figures-summary')).toHaveText('3 zaken gestart, 1 afgerond, 2 lopend');
  await expect(thisWeek).toHaveAttribute('aria-pressed', 'true');
  await expect(lastWeek).toHaveAttribute('aria-pressed', 'true');
  // The chart stays put while the period changes: still twelve weeks.
  await expect(weeks).toHaveCount(12);

  // The same figures as a table, shown on request (screen readers always have it).
  const table = weekly.getByTestId('chart-weeks-table');
  await expect(table).not.toBeInViewport();
  await weekly.getByRole('button', { name: 'Toon als tabel' }).click();
  await expect(table).toBeVisible();
  await expect(table.locator(`[data-row="${monday}"]`)).toHaveText(/^\d+ \w+ \d{4}\s*3\s*1$/);

  // Per step: drop-off and time as bars, with the figures as text.
  const dropOff = bar.getByTestId('chart-dropoff');
  await expect(dropOff).toContainText('Uitval per stap');
  const money2 = figures.steps.find((s: { step: string }) => s.step === 'beoordeling');
  await expect(dropOff.getByTestId('chart-dropoff-table').locator('[data-row="beoordeling"]')).toContainText(
    `${money2.dropOff} (`,
  );
  await expect(bar.getByTestId('chart-time')).toContainText('Tijd per stap');
  await expect(dropOff.locator('svg rect').first()).toBeAttached();
  await expectAccessible(page);

  // "Hele periode" clears the period: the figures of all time again.
  await weekly.getByRole('button', { name: 'Hele periode' }).click();
  await expect(bar.getByLabel('Van', { exact: true })).toHaveValue('');
  await expect(bar.getByLabel('Tot en met', { exact: true })).toHaveValue('');

  // Version against version: a second version with one case, as bars side by side.
  await ok(api('PUT', `/api/processes/${key}/draft`, designer(), { ...def, title: { nl: 'Kwijtschelding 2' } }));
  await ok(api('POST', `/api/processes/${key}/publish`, designer()), 201);
  await caseOf(key, [submit(household)]);
  await page.reload();
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  await page.getByRole('tab', { name: 'Versies' }).click();
  const versions = page.getByRole('tabpanel');
  await versions.getByLabel('Van', { exact: true }).selectOption({ label: 'Versie 1' });
  await versions.getByLabel('Naar', { exact: true }).selectOption({ label: 'Versie 2' });
  const cases = versions.getByTestId('compare-chart-cases');
  await expect(cases).toContainText('Zaken per versie');
  await expect(cases.locator('.ontwerp-chart__legend')).toContainText('Versie 1');
  await expect(cases.getByTestId('compare-chart-cases-table').locator('[data-row="started"]')).toHaveText(
    /^Zaken gestart\s*3\s*1$/,
  );
  await expect(versions.getByTestId('compare-chart-dropoff')).toContainText('Uitval per stap, per versie');
  await expectAccessible(page);
});

test('a trial scan in the designer shows its progress as it runs: rows read of the total, eligible, would start, time left', async ({
  page,
}) => {
  // 450 numbers that pass the elfproef, each earning under stadspas's norm: the scan reports after 0, 200, 400, 450 rows.
  const subjects: string[] = [];
  for (let n = 200_000_000 + Math.floor(Math.random() * 1e6) * 100; subjects.length < 450; n++) {
    const d = String(n);
    const sum = [...d.slice(0, 8)].reduce((s, c, i) => s + Number(c) * (9 - i), 0) - Number(d[8]);
    if (sum % 11 === 0) subjects.push(d);
  }
  const csv = `bsn,inkomen\n${subjects.map((b) => `${b},900`).join('\n')}\n`;
  const before = (await ok(api('GET', '/api/processes/stadspas/take-up', designer()))).lastScan;

  await signInDesigner(page, '/ontwerp/processen/stadspas');
  await page.getByRole('tab', { name: 'Bereik' }).click();
  const trial = page.getByTestId('scan-trial');
  await expect(trial.getByRole('heading', { name: 'Proefscan' })).toBeVisible();
  await trial.getByLabel('Registerbestand').setInputFiles({
    name: 'inkomens.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(csv),
  });
  await trial.getByRole('button', { name: 'Proefscan starten' }).click();
  const text = trial.getByTestId('scan-progress-text');
  await expect(text).toHaveText(/^450 van 450 rijen gelezen · 450 in aanmerking · \d+ zouden starten · klaar in /);
  await expect(trial.getByLabel('Voortgang van de scan')).toHaveJSProperty('value', 450);
  await expect(trial.getByLabel('Voortgang van de scan')).toHaveJSProperty('max', 450);
  // It came as it ran: a report at the start, after each batch and at the end.
  expect(Number(await trial.getByTestId('scan-progress').getAttribute('data-reports'))).toBeGreaterThanOrEqual(5);
  await expect(trial.getByTestId('scan-trial-rows')).toHaveText('450');
  await expect(trial.getByTestId('scan-trial-eligible')).toHaveText('450');
  await expectAccessible(page);
  // A trial writes nothing: the last scan is the one before.
  expect((await ok(api('GET', '/api/processes/stadspas/take-up', designer()))).lastScan).toEqual(before);
});
