// What any citizen page must look like at any width, measured in the browser: nothing wider than its box,
// no heading word split over two lines, labels above their inputs, buttons clear of the fields above them.
// Each check returns the problems it finds (empty: none), so a walk over many pages reports them all at once.
import type { Page } from '@playwright/test';

/** The least room between a button and a form control above it, in CSS pixels. */
export const BUTTON_GAP = 12;

/** The problems on the page as it is drawn now, each a line naming the element. */
export function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate((gap) => {
    const problems: string[] = [];
    const name = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.classList.length ? `.${[...el.classList].join('.')}` : ''} "${(el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40)}"`;
    const shown = (el: Element) => {
      const box = el.getBoundingClientRect();
      return box.width > 1 && box.height > 1 && getComputedStyle(el).visibility !== 'hidden';
    };

    // 1. Nothing scrolls sideways: not the document, and no element holds content wider than itself.
    const doc = document.documentElement;
    if (doc.scrollWidth > doc.clientWidth)
      problems.push(`the page scrolls sideways (${doc.scrollWidth} > ${doc.clientWidth})`);
    for (const el of document.body.querySelectorAll('*')) {
      // Inputs scroll their own value; a visually hidden text is clipped to 1 px on purpose.
      if (el.matches('input, textarea, select, script, style') || !shown(el)) continue;
      if (el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0)
        problems.push(`${name(el)} is wider than its box (${el.scrollWidth} > ${el.clientWidth})`);
    }

    // 2. A word in a heading (or a case reference, or on a button) stays on one line.
    for (const el of document.querySelectorAll('h1, h2, h3, h4, legend, .omslag-reference, button, .utrecht-button')) {
      if (!shown(el)) continue;
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        for (const word of text.matchAll(/\S+/g)) {
          const range = document.createRange();
          range.setStart(node, word.index);
          range.setEnd(node, word.index + word[0].length);
          const lines = new Set(
            [...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top + r.height / 2)),
          );
          if (lines.size > 1) problems.push(`"${word[0]}" is split over ${lines.size} lines in ${name(el)}`);
        }
      }
    }

    // 3. A label stands above the text box it names (not beside it).
    for (const label of document.querySelectorAll('label[for]')) {
      const input = document.getElementById(label.getAttribute('for')!);
      if (
        !input ||
        !shown(label) ||
        !shown(input) ||
        !input.matches('textarea, select, input:not([type=radio], [type=checkbox])')
      )
        continue;
      if (label.getBoundingClientRect().bottom > input.getBoundingClientRect().top + 1)
        problems.push(`${name(label)} is not above its ${input.tagName.toLowerCase()}`);
    }

    // 4. A button does not touch the form controls above it.
    for (const button of document.querySelectorAll('form button, form .utrecht-button')) {
      if (!shown(button) || button.classList.contains('omslag-link-button')) continue;
      const b = button.getBoundingClientRect();
      const form = button.closest('form')!;
      for (const control of form.querySelectorAll('input:not([type=hidden]), textarea, select')) {
        if (!shown(control) || !(control.compareDocumentPosition(button) & Node.DOCUMENT_POSITION_FOLLOWING)) continue;
        const c = control.getBoundingClientRect();
        const beside = c.bottom > b.top && c.top < b.bottom;
        if (!beside && b.top - c.bottom < gap)
          problems.push(
            `${name(button)} is ${Math.round(b.top - c.bottom)} px below ${name(control)} (at least ${gap})`,
          );
      }
    }
    return problems;
  }, BUTTON_GAP);
}

/** The widths every citizen page is drawn at: the smallest phones, and a laptop. */
export const WIDTHS = [320, 360, 1280] as const;

/**
 * Opens each page at each width and collects what layoutProblems finds, per page and width. `visit` brings the
 * browser to the page (a link, or a form sent with an error), so pages only a post shows are walked too.
 */
export async function walkLayout(
  page: Page,
  visits: { name: string; visit(page: Page): Promise<unknown> }[],
): Promise<string[]> {
  const found: string[] = [];
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 800 });
    for (const { name, visit } of visits) {
      await visit(page);
      for (const problem of await layoutProblems(page)) found.push(`${name} at ${width} px: ${problem}`);
    }
  }
  return found;
}
