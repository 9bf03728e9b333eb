// "Een medewerker spreken" from a form step: a contact task for team
// klantcontact, visible to the citizen; once answered, the citizen continues
// where they left off with their answers intact.
import { expect, test } from '@playwright/test';
import {
  accounts,
  answerGeldzaken,
  answerHuishouden,
  api,
  freshBsn,
  send,
  signIn,
  startKwijtschelding,
} from './support.js';

type Task = {
  id: string;
  caseId: string;
  kind: string;
  team: string;
  status: string;
  request: Record<string, unknown>;
};

test('asking for a person from a form step, then continuing where the citizen left off', async ({ page }) => {
  await signIn(page, freshBsn());
  const caseId = await startKwijtschelding(page);
  await answerHuishouden(page);

  // The help box on the form page leads to the question form of this case.
  const help = page.getByRole('complementary', { name: 'Hulp nodig?' });
  await help.getByRole('link', { name: 'Een medewerker spreken' }).click();
  await expect(page).toHaveURL(new RegExp(`/zaken/${caseId}/medewerker$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Een medewerker spreken');
  await page.getByLabel('Waarmee kunnen wij u helpen?').fill('Telt mijn studieschuld mee bij het vermogen?');
  await page.getByRole('group', { name: 'Hoe wilt u dat wij contact opnemen?' }).getByLabel('E-mail').check();
  await page.getByLabel('E-mailadres').fill('inwoner@example.nl');
  await page.getByRole('button', { name: 'Vraag versturen' }).click();

  // The status page says the question is in, by when, and the timeline has it.
  await expect(page).toHaveURL(new RegExp(`/zaken/${caseId}/status$`));
  await expect(page.getByRole('status')).toContainText(
    /Uw vraag is verstuurd\. Een medewerker neemt uiterlijk .+ contact met u op\./,
  );
  await expect(
    page.getByText(/^U heeft gevraagd om contact\. Een medewerker neemt uiterlijk .+ contact met u op\.$/),
  ).toBeVisible();
  await expect(page.locator('.omslag-timeline')).toContainText('U heeft gevraagd om contact met een medewerker');
  // The confirmation is shown once; the open request stays on the page.
  await page.reload();
  await expect(page.getByRole('status')).toHaveCount(0);
  await expect(page.getByText(/^U heeft gevraagd om contact\./)).toBeVisible();

  // Team klantcontact has the task, with the question.
  const { official } = accounts();
  const tasks = (await api('GET', '/api/tasks?team=klantcontact', official)).body as Task[];
  const task = tasks.find((t) => t.caseId === caseId);
  expect(task).toMatchObject({ kind: 'contact', team: 'klantcontact', status: 'open' });
  expect(task!.request).toMatchObject({
    question: 'Telt mijn studieschuld mee bij het vermogen?',
    channel: 'email',
    reach: 'inwoner@example.nl',
  });

  // The official answers it.
  expect((await api('POST', `/api/tasks/${task!.id}/complete`, official, { outcome: 'answered' })).status).toBe(200);
  await page.reload();
  await expect(page.getByText(/^U heeft gevraagd om contact\./)).toHaveCount(0);
  await expect(page.locator('.omslag-timeline')).toContainText('Een medewerker heeft uw vraag beantwoord');

  // Back at the step they left, the answers of the step before still there.
  await page.goto(`/zaken/${caseId}`);
  await expect(page).toHaveURL(new RegExp(`/zaken/${caseId}/stap/geldzaken$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Inkomen en vermogen');
  await page.getByRole('link', { name: 'Terug' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Uw huishouden');
  await expect(page.getByLabel('Met partner')).toBeChecked();
  await expect(page.getByLabel('Aanslagnummer')).toHaveValue('2026-0042');
  await page.getByRole('button', { name: 'Volgende' }).click();

  // And the application can be finished and sent.
  await answerGeldzaken(page);
  await expect(page.getByText('2026-0042')).toBeVisible();
  await send(page);
});

test('asking for a person about a service before any case starts a case with the question', async ({ page }) => {
  await signIn(page, freshBsn());
  await page.goto('/diensten/grofvuil');
  await page
    .getByRole('complementary', { name: 'Hulp nodig?' })
    .getByRole('link', { name: 'Een medewerker spreken' })
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Een medewerker spreken');
  // Sent without a question: the form says what to fix and keeps the choice.
  await page.getByLabel('Een afspraak op het stadskantoor').check();
  await page.getByRole('button', { name: 'Vraag versturen' }).click();
  await expect(page.getByRole('alert')).toContainText('Vertel waarmee wij u kunnen helpen.');
  await expect(page.getByLabel('Waarmee kunnen wij u helpen?')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Een afspraak op het stadskantoor')).toBeChecked();
  await page.getByLabel('Waarmee kunnen wij u helpen?').fill('Mag een piano bij het grofvuil?');
  await page.getByRole('button', { name: 'Vraag versturen' }).click();
  await expect(page.getByRole('status')).toContainText('Uw vraag is verstuurd.');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Grofvuil laten ophalen');
  const caseId = new URL(page.url()).pathname.split('/')[2];
  const tasks = (await api('GET', '/api/tasks?team=klantcontact', accounts().official)).body as Task[];
  expect(tasks.find((t) => t.caseId === caseId)).toMatchObject({
    kind: 'contact',
    status: 'open',
    request: { question: 'Mag een piano bij het grofvuil?', channel: 'visit' },
  });
});
