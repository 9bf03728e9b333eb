/**
 * The problems panel: the count, a status line for screen readers, each
 * problem with its code and node; choosing one selects its step (or group)
 * and brings it into view, and a problem of the whole process clears the
 * selection.
 */
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ProblemsPanel } from '../../designer/editor/ProblemsPanel.js';
import type { Problem, Process } from '../../runtime/model/index.js';
import { renderInEditor } from '../helpers/dom.js';
import { fixtureProcess } from '../helpers/fixtures.js';

const def = fixtureProcess('toeslag') as Process;
const problems: Problem[] = [
  { code: 'P004', message: 'De beslissing heeft geen "anders".', node: 'toets' },
  { code: 'P099', message: 'Een groep zonder stappen.', node: 'aanvraag' },
  { code: 'P001', message: 'Het proces heeft geen titel.' },
];

function setUp(list: Problem[]) {
  const onFocus = vi.fn<(node: string) => void>();
  const view = renderInEditor(() => <ProblemsPanel onFocus={onFocus} />, def, { editor: { problems: list } });
  return { ...view, onFocus };
}

describe('ProblemsPanel', () => {
  it('says there are none, in the panel and to screen readers', () => {
    setUp([]);
    const panel = screen.getByRole('region', { name: /problemen/i });
    expect(within(panel).getByText(/geen problemen: dit proces kan worden gepubliceerd/i)).not.toBeNull();
    expect(
      within(panel)
        .queryAllByRole('button')
        .map((b) => b.getAttribute('aria-label')),
    ).toEqual(['Problemen inklappen']);
    expect(screen.getByRole('status').textContent).toMatch(/geen problemen/i);
    expect(screen.getByRole('heading', { name: /problemen/i }).textContent).toContain('0');
  });

  it('lists each problem with its code, the title of its step or group and its message, and counts them', () => {
    setUp(problems);
    const panel = screen.getByRole('region', { name: /problemen/i });
    const buttons = within(within(panel).getByRole('list')).getAllByRole('button');
    expect(buttons).toHaveLength(3);
    expect(buttons.map((b) => b.textContent)).toEqual([
      expect.stringMatching(/^P004Toets op inkomen en vermogen.*geen "anders"/),
      expect.stringMatching(/^P099Aanvraag.*zonder stappen/),
      expect.stringMatching(/^P001proces.*geen titel/),
    ]);
    expect(screen.getByRole('status').textContent).toBe('3 problemen');
    expect(screen.getByRole('heading', { name: /problemen/i }).textContent).toContain('3');
  });

  it('folds down to its title and count, and unfolds again; the choice is kept for the next visit', () => {
    setUp(problems);
    const panel = screen.getByRole('region', { name: /problemen/i });
    fireEvent.click(within(panel).getByRole('button', { name: 'Problemen inklappen' }));
    expect(within(panel).queryByRole('list')).toBeNull();
    expect(screen.getByRole('heading', { name: /problemen/i }).textContent).toContain('3');
    expect(localStorage.getItem('omslag.ontwerp.problems')).toBe('folded');
    const unfold = within(panel).getByRole('button', { name: 'Problemen uitklappen' });
    expect(unfold.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(unfold);
    expect(within(within(panel).getByRole('list')).getAllByRole('button')).toHaveLength(3);
    expect(localStorage.getItem('omslag.ontwerp.problems')).toBeNull();
  });

  it('selects the step of a problem and brings it into view', () => {
    const { selections, onFocus } = setUp(problems);
    fireEvent.click(screen.getByRole('button', { name: /P004/ }));
    expect(selections).toEqual([['toets']]);
    expect(onFocus).toHaveBeenCalledWith('toets');
  });

  it('selects a group as a group', () => {
    const { selections, onFocus } = setUp(problems);
    fireEvent.click(screen.getByRole('button', { name: /P099/ }));
    expect(selections).toEqual([['group:aanvraag']]);
    expect(onFocus).toHaveBeenCalledWith('aanvraag');
  });

  it('clears the selection for a problem of the whole process, and moves nothing into view', () => {
    const { selections, onFocus } = setUp(problems);
    fireEvent.click(screen.getByRole('button', { name: /P001/ }));
    expect(selections).toEqual([[]]);
    expect(onFocus).not.toHaveBeenCalled();
  });
});
