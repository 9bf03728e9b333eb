/**
 * The workspace's case view: each automated decision shows what would have
 * changed its outcome (or that it cannot be calculated), as the API gives it.
 */
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CaseDetails } from '../../workspace/components/CaseDetails.js';
import type { CaseView } from '../../workspace/types.js';
import { renderInWorkspace } from '../helpers/dom.js';

const TEXT =
  'Als ‘Inkomen per maand’ € 1.400,00 of minder (nu: € 1.850,00) was geweest, dan was de uitkomst: Toeslag toegekend.';

function caseView(explanations: CaseView['explanations']): CaseView {
  return {
    id: 'c1',
    reference: 'ZK-1',
    process: { key: 'cf-inkomen', version: 1, title: 'Toeslag op inkomen' },
    status: 'ended',
    rev: 3,
    createdAt: '2026-03-02T09:00:00.000Z',
    updatedAt: '2026-03-02T09:00:00.000Z',
    step: null,
    actions: [],
    answers: [{ id: 'inkomen', label: 'Inkomen per maand', value: 1850, text: '€ 1.850,00' }],
    expectedBy: null,
    tasks: [],
    explanations,
    decision: null,
    timeline: [],
    messages: [],
    outcome: null,
  };
}

describe('CaseDetails', () => {
  it('shows what would have changed the outcome under the decision it belongs to', () => {
    renderInWorkspace(
      <CaseDetails
        error={null}
        caseView={caseView([
          {
            at: '2026-03-02T09:00:00.000Z',
            step: 'toets',
            rule: 'otherwise',
            because: 'Uw inkomen (€ 1.850,00) is hoger dan € 1.400.',
            when: null,
            inputs: { inkomen: 1850 },
            counterfactual: {
              computable: true,
              text: TEXT,
              alternatives: [{ outcome: 'toegekend', changes: [{ field: 'inkomen', from: 1850, to: 1400, op: '<=' }] }],
            },
          },
        ])}
      />,
    );
    const shown = screen.getByText('Wat had de uitkomst veranderd?').closest('p')!;
    expect(shown.textContent).toBe(`Wat had de uitkomst veranderd? ${TEXT}`);
    expect(shown.closest('li')!.textContent).toContain('Uw inkomen (€ 1.850,00) is hoger dan € 1.400.');
  });

  it('shows nothing of it for a decision recorded without one', () => {
    renderInWorkspace(
      <CaseDetails
        error={null}
        caseView={caseView([{ at: '2026-03-02T09:00:00.000Z', step: 'toets', rule: 0, because: 'Omdat.' }])}
      />,
    );
    expect(screen.queryByText('Wat had de uitkomst veranderd?')).toBeNull();
  });
});
