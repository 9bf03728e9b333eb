// What the designer's browser tests do on the canvas, as a designer would: find a step,
// drag a connection from a slot to a step, type into a FEEL editor.
import { expect, type Locator, type Page } from '@playwright/test';

/** A step (or group) on the canvas by its id. */
export const node = (page: Page, step: string) => page.locator(`.react-flow__node[data-id="${step}"]`);

/** Drags from a slot's handle of one step to the target handle of another, as a designer connects on the canvas. */
export async function connect(page: Page, from: string, slot: string, to: string) {
  const source = node(page, from).locator(`[data-slot="${slot}"] .react-flow__handle`);
  const target = node(page, to).locator('.react-flow__handle.target');
  const a = (await source.boundingBox())!;
  const b = (await target.boundingBox())!;
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 5 });
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 5 });
  await page.mouse.up();
}

/** Types into a FEEL input (a Monaco editor once loaded) and leaves it, so the change is committed. */
export async function typeFeel(page: Page, container: Locator, text: string) {
  const editor = container.locator('.ontwerp-feel__editor:not(.is-loading) .monaco-editor');
  await expect(editor).toBeVisible();
  await editor.locator('.view-lines').click();
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText(text);
  await page.locator('.ontwerp-properties h2').first().click();
}
