/** The teams a process names, checked against a list that is passed in (the process language reads no store). */
import { describe, expect, it } from 'vitest';
import { checkTeams, teamsNamed, type Process } from '../../../runtime/model/index.js';

const process = {
  key: 'p',
  title: 'P',
  start: 'h',
  contact: { team: 'klantcontact' },
  steps: {
    h: { kind: 'handoff', title: 'H', team: 'inkomn', due: 'P5D', escalate: { team: 'leeg' }, outcomes: [] },
    f: { kind: 'form', title: 'F', fields: [], next: 'h' },
  },
} as unknown as Process;

describe('checkTeams', () => {
  it('names every team of the process with where it is', () => {
    expect(teamsNamed(process)).toEqual([
      { team: 'klantcontact', path: 'contact.team' },
      { team: 'inkomn', node: 'h', path: 'steps.h.team' },
      { team: 'leeg', node: 'h', path: 'steps.h.escalate.team' },
    ]);
  });

  it('P032 for a team not in the list, P033 for one nobody works in; none for a team with officials', () => {
    const known = new Map([
      ['klantcontact', 2],
      ['leeg', 0],
    ]);
    expect(checkTeams(process, known).map((p) => [p.code, p.node, p.path, p.message])).toEqual([
      [
        'P032',
        'h',
        'steps.h.team',
        'Team ‘inkomn’ bestaat niet. Kies een team uit de lijst van teams, of vraag een beheerder om het team aan te maken.',
      ],
      ['P033', 'h', 'steps.h.escalate.team', expect.stringMatching(/^In team ‘leeg’ werkt nog geen medewerker/)],
    ]);
    expect(checkTeams(process, known, 'en')[0].message).toBe(
      'Team ‘inkomn’ does not exist. Choose a team from the list of teams, or ask an admin to create it.',
    );
    expect(
      checkTeams(
        process,
        new Map([
          ['klantcontact', 1],
          ['inkomn', 3],
          ['leeg', 1],
        ]),
      ),
    ).toEqual([]);
  });
});
