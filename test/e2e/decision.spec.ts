// After a decision, on the citizen's status page: why it was decided (the
// official's reason, when an official decided), and what to do when the
// citizen disagrees, by when (bezwaar: six weeks, Awb art. 6:7), as one press
// on "Bezwaar maken". The objection reaches the official with the number to
// call. Also without JavaScript at 320 px; axe-core finds nothing (with script).
import { expect, test, type Browser, type Page } from '@playwright/test';
import { objectionDeadline } from '../../runtime/engine/index.js';
import { longDate } from '../../runtime/i18n/index.js';
import {
  accounts,
  api,
  expectAccessible,
  expectNoHorizontalScroll,
  freshBsn,
  sentKwijtschelding,
  signIn,
} from './support.js';

async function person(browser: Browser, javaScriptEnabled = true): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, javaScriptEnabled });
  return context.newPage();
}

async function signInOfficial(page: Page) {
  const ann = accounts().officials.ann;
  await page.goto('/werkplek/');
  await page.getByLabel('Naam').fill(ann.name);
  await page.getByLabel('Wachtwoord').fill(ann.password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Werkvoorraad');
}

/** The open task of `team` on the case, through the API. */
async function taskOf(caseId: string, team: string) {
  const tasks = (await api('GET', `/api/tasks?team=${team}&status=active`, accounts().official)).body as {
    id: string;
    caseId: string;
    request?: Record<string, unknown>;
  }[];
  return tasks.find((t) => t.caseId === caseId);
}

test("the status page after a rejection shows the official's reason, and the way to object, until when", async ({
  browser,
}) => {
  // The citizen's application is close to the norm: the rules hand it to an official.
  const citizen = await person(browser);
  await signIn(citizen, freshBsn());
  const caseId = await sentKwijtschelding(citizen);

  // The official rejects it in the workspace, with a reason for the citizen.
  const ann = await person(browser);
  await signInOfficial(ann);
  await ann.goto(`/werkplek/taken/${(await taskOf(caseId, 'belastingen'))!.id}`);
  await ann.getByRole('button', { name: 'Oppakken' }).click();
  await ann.getByLabel('Afwijzen').check();
  await ann.getByLabel('Reden voor de inwoner').fill('Uw auto is meer waard dan de norm voor vermogen.');
  await ann.getByRole('button', { name: 'Besluit vastleggen' }).click();
  await expect(ann.getByRole('status').filter({ hasText: 'De taak is afgerond: Afwijzen.' })).toBeVisible();

  // The citizen reads why: the official's reason first; the referral only as what the automated check did.
  await citizen.goto(`/zaken/${caseId}/status`);
  await expect(citizen.getByRole('heading', { name: /Uitkomst: Kwijtschelding afgewezen/ })).toBeVisible();
  const why = citizen.getByRole('heading', { name: 'Waarom is dit besloten?', level: 2 });
  const firstAfterWhy = why.locator('xpath=following-sibling::*[1]');
  await expect(firstAfterWhy).toHaveText('Een medewerker heeft uw aanvraag beoordeeld. De reden van de medewerker:');
  await expect(why.locator('xpath=following-sibling::*[2]')).toHaveText(
    'Uw auto is meer waard dan de norm voor vermogen.',
  );
  await expect(why.locator('xpath=following-sibling::*[3]')).toHaveText('Eerder bekeken door de automatische toets');
  await expect(why.locator('xpath=following-sibling::*[4]')).toContainText('Uw inkomen ligt dicht bij de norm');

  // What to do when the citizen disagrees, and by when: six weeks after the decision, in Dutch.
  const objection = citizen.getByRole('region', { name: 'Bent u het niet eens met dit besluit?' });
  const until = longDate(objectionDeadline(new Date()).toISOString(), 'nl');
  await expect(objection).toContainText(`Dan kunt u bezwaar maken. Dat kan tot en met ${until}.`);
  await expect(objection).toContainText(
    /tot en met \d{1,2} (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december) \d{4}\./,
  );
  await expectAccessible(citizen);
  await expectNoHorizontalScroll(citizen);

  // One press leads to the objection: the contact request, as an objection.
  await objection.getByRole('link', { name: 'Bezwaar maken' }).click();
  await expect(citizen.getByRole('heading', { level: 1 })).toHaveText('Bezwaar maken');
  await expect(citizen.getByLabel('Bezwaar tegen een besluit')).toBeChecked();
  await expectAccessible(citizen);
  await citizen
    .getByLabel('Waarom bent u het niet eens met het besluit?')
    .fill('Mijn auto heb ik nodig voor mijn werk.');
  await citizen.getByRole('group', { name: 'Hoe wilt u dat wij contact opnemen?' }).getByLabel('Telefoon').check();
  await citizen.getByRole('button', { name: 'Bezwaar versturen' }).click();
  // Phone chosen without a number: asked for, at the field and in the summary.
  await expect(citizen.getByRole('alert').getByRole('link')).toHaveText([
    'Vul uw telefoonnummer in. Dan kunnen wij u bellen.',
  ]);
  await expect(citizen.getByLabel('Telefoonnummer')).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(citizen);
  await citizen.getByLabel('Telefoonnummer').fill('06 1234 5678');
  await citizen.getByRole('button', { name: 'Bezwaar versturen' }).click();
  await expect(citizen.getByRole('status')).toContainText(
    /^Uw bezwaar is verstuurd\. Een medewerker neemt uiterlijk .+ contact met u op\.$/,
  );
  await expect(objection).toContainText('Wilt u bezwaar maken? Zeg dat dan tegen de medewerker');

  // The official sees the objection on the contact task, with the number to call.
  await ann.goto(`/werkplek/taken/${(await taskOf(caseId, 'klantcontact'))!.id}`);
  const request = ann.getByRole('region', { name: 'Contactverzoek van de inwoner' });
  await expect(request).toContainText('Bezwaar tegen een besluit');
  await expect(request).toContainText('Mijn auto heb ik nodig voor mijn werk.');
  await expect(request.locator('.werkplek-reach')).toHaveText('06 1234 5678');
  await expectAccessible(ann);
});

test('without JavaScript at 320 px: the contact request shows both fields and checks the one of the chosen way', async ({
  browser,
}) => {
  const page = await person(browser, false);
  await page.setViewportSize({ width: 320, height: 640 });
  await signIn(page, freshBsn());
  const caseId = await sentKwijtschelding(page);
  await page.goto(`/zaken/${caseId}/medewerker`);
  await expect(page.getByLabel('Telefoonnummer')).toHaveAccessibleDescription(
    'Alleen als u gebeld wilt worden. Bijvoorbeeld 06 12345678.',
  );
  await expect(page.getByLabel('E-mailadres')).toHaveAccessibleDescription('Alleen als u een e-mail wilt krijgen.');
  await expectNoHorizontalScroll(page);

  // Email chosen, nothing filled in: the errors in page order; the phone field is not asked for.
  await page.getByRole('group', { name: 'Hoe wilt u dat wij contact opnemen?' }).getByLabel('E-mail').check();
  await page.getByLabel('Telefoonnummer').fill('12');
  await page.getByRole('button', { name: 'Vraag versturen' }).click();
  await expect(page).toHaveTitle(/^Fout:/);
  await expect(page.getByRole('alert').getByRole('link')).toHaveText([
    'Vertel waarmee wij u kunnen helpen.',
    'Vul uw e-mailadres in. Dan kunnen wij u mailen.',
  ]);
  await expect(page.getByRole('alert').getByRole('link').nth(1)).toHaveAttribute('href', '#f-email');
  // (axe-core needs script in the page: accessibility.spec.ts checks this page with the same errors.)
  await expectNoHorizontalScroll(page);

  await page.getByLabel('Waarmee kunnen wij u helpen?').fill('Wanneer hoor ik iets?');
  await page.getByLabel('E-mailadres').fill('inwoner@voorbeeld');
  await page.getByRole('button', { name: 'Vraag versturen' }).click();
  await expect(page.getByRole('alert').getByRole('link')).toHaveText([
    'Vul een e-mailadres in zoals naam@voorbeeld.nl.',
  ]);
  await expect(page.getByLabel('E-mailadres')).toHaveValue('inwoner@voorbeeld');
  await page.getByLabel('E-mailadres').fill('inwoner@voorbeeld.nl');
  await page.getByRole('button', { name: 'Vraag versturen' }).click();
  await expect(page.getByRole('status')).toContainText('Uw vraag is verstuurd.');
  expect((await taskOf(caseId, 'klantcontact'))!.request).toMatchObject({
    channel: 'email',
    reach: 'inwoner@voorbeeld.nl',
  });
});
