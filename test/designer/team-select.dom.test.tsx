/**
 * Teams are chosen, not typed: a handoff's team, its escalation team and the
 * process's contact team come from the organisation's list of teams (GET
 * /api/teams, here passed in as the editor's `teams`), each with how many
 * officials work in it. A team the draft names that is not on the list stays
 * visible, marked, until another is chosen. Without the list, the name can
 * still be typed.
 */
import { act, fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { handoffEditor } from '../../designer/properties/handoff.js';
import { ProcessEditor } from '../../designer/properties/ProcessEditor.js';
import type { HandoffStep, Process } from '../../runtime/model/index.js';
import { renderInEditor } from '../helpers/dom.js';
import { fixtureProcess } from '../helpers/fixtures.js';

vi.mock('../../designer/monaco/load.js', () => ({ loadMonaco: () => new Promise(() => {}) }));

const teams = new Map([
  ['belastingen', 3],
  ['inkomen', 1],
  ['klantcontact', 0],
]);

function renderHandoff(def: Process, opts: { lang?: 'nl' | 'en'; known?: typeof teams | null } = {}) {
  const { Editor } = handoffEditor;
  return renderInEditor(
    (d, editor) => (
      <Editor
        id="beoordeling"
        step={d.steps.beoordeling as HandoffStep}
        update={(label, next) => editor.edit(label, { ...d, steps: { ...d.steps, beoordeling: next } })}
      />
    ),
    def,
    { lang: opts.lang, editor: { teams: opts.known === undefined ? teams : opts.known } },
  );
}

const options = (select: HTMLElement) => [...(select as HTMLSelectElement).options].map((o) => o.textContent);

describe('choosing a team', () => {
  it('offers the teams with their officials; choosing one is one command', () => {
    const { current, edits } = renderHandoff(fixtureProcess('toeslag') as Process);
    const select = screen.getByLabelText('Team');
    expect(select.tagName).toBe('SELECT');
    expect(options(select)).toEqual([
      'belastingen (3 medewerkers)',
      'inkomen (1 medewerker)',
      'klantcontact (niemand)',
    ]);
    expect((select as HTMLSelectElement).value).toBe('belastingen');
    act(() => {
      fireEvent.change(select, { target: { value: 'inkomen' } });
    });
    expect((current().steps.beoordeling as HandoffStep).team).toBe('inkomen');
    expect(edits).toHaveLength(1);
  });

  it('keeps a team that does not exist visible and marked until another is chosen', () => {
    const def = fixtureProcess('toeslag') as Process;
    (def.steps.beoordeling as HandoffStep).team = 'inkomn';
    renderHandoff(def, { lang: 'en' });
    const select = screen.getByLabelText('Team') as HTMLSelectElement;
    expect(select.value).toBe('inkomn');
    expect(options(select)[0]).toBe('inkomn (does not exist)');
    expect(document.getElementById(select.getAttribute('aria-describedby')!)?.textContent).toMatch(
      /Ask the administrator to add it/,
    );
  });

  it('an escalation team may be none; choosing none leaves the team out', () => {
    const def = fixtureProcess('toeslag') as Process;
    (def.steps.beoordeling as HandoffStep).escalate = { team: 'inkomen' };
    const { current } = renderHandoff(def);
    const select = screen.getByLabelText('Escaleren naar team (mag leeg)');
    expect(options(select)[0]).toBe('— geen —');
    act(() => {
      fireEvent.change(select, { target: { value: '' } });
    });
    expect((current().steps.beoordeling as HandoffStep).escalate).toEqual({});
  });

  it('without the list of teams the name is typed', () => {
    renderHandoff(fixtureProcess('toeslag') as Process, { known: null });
    expect(screen.getByLabelText('Team').tagName).toBe('INPUT');
  });

  it("the process's contact team is chosen the same way; none removes the contact", () => {
    const { current } = renderInEditor(() => <ProcessEditor />, fixtureProcess('toeslag') as Process, {
      editor: { teams },
    });
    const select = screen.getByLabelText('Contactteam');
    expect(select.tagName).toBe('SELECT');
    act(() => {
      fireEvent.change(select, { target: { value: 'belastingen' } });
    });
    expect(current().contact?.team).toBe('belastingen');
    act(() => {
      fireEvent.change(select, { target: { value: '' } });
    });
    expect(current()).not.toHaveProperty('contact');
  });
});
