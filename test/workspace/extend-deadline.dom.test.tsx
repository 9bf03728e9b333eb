/** The one deadline extension in the task view: a date and a reason, then it only shows the reason. */
import { act, fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ExtendDeadline } from '../../workspace/components/ExtendDeadline.js';
import type { TaskDetail } from '../../workspace/types.js';
import { renderInWorkspace } from '../helpers/dom.js';

const task = (extra: Partial<TaskDetail> = {}) =>
  ({ id: 't1', kind: 'handoff', dueAt: '2026-03-12T09:00:00.000Z', extendedAt: null, ...extra }) as TaskDetail;

describe('ExtendDeadline', () => {
  it('sends the new date and the reason for the citizen', async () => {
    const onExtend = vi.fn();
    renderInWorkspace(<ExtendDeadline task={task()} busy={false} onExtend={onExtend} />);
    fireEvent.change(screen.getByLabelText(/nieuwe datum/i), { target: { value: '2026-04-02' } });
    fireEvent.change(screen.getByLabelText(/reden van de verlenging/i), {
      target: { value: ' Wij wachten op een rapport ' },
    });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: /termijn verlengen/i }));
    });
    expect(onExtend).toHaveBeenCalledWith({ until: '2026-04-02', reason: 'Wij wachten op een rapport' });
  });

  it('after the one extension shows its reason instead of the form', () => {
    renderInWorkspace(
      <ExtendDeadline
        task={task({ extendedAt: '2026-03-05T09:00:00.000Z', extensionReason: 'Rapport komt later.' })}
        busy={false}
        onExtend={vi.fn()}
      />,
    );
    expect(screen.getByText(/al een keer verlengd/i).textContent).toContain('Rapport komt later.');
    expect(screen.queryByRole('button')).toBeNull();
  });
});
