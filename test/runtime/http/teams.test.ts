/**
 * Teams are a managed list (GET/POST/DELETE /api/teams): a task is only
 * moved to a team of the list that officials work in, a draft naming a team
 * that does not exist or has nobody in it has a coded problem (P032, P033)
 * and is not published, and a team with open tasks is not removed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureProcess } from '../../helpers/fixtures.js';
import { startTestServer, type TestServer } from '../../helpers/server.js';
import { atReview, expectStatus, refused } from './support.js';

describe('teams as a managed list, over a real server', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer({ fixtures: ['toeslag'] });
  });
  afterAll(async () => {
    await s.close();
  });

  it('refuses to move a task to an unknown team or one without officials (422 saying what to fix, nl and en)', async () => {
    const { task } = await atReview(s);
    const unknown = await refused(s, 422, 'unknown-team', 'POST', `/api/tasks/${task.id}/assign`, {
      as: 'official',
      body: { team: 'inkomn' },
    });
    expect(unknown.body.error.message).toBe(
      'team ‘inkomn’ bestaat niet; kies een team uit de lijst van teams (GET /api/teams)',
    );
    expect(unknown.body.error.details).toEqual({ team: ['not a team: choose one of GET /api/teams'] });
    const english = await refused(s, 422, 'unknown-team', 'POST', `/api/tasks/${task.id}/assign?lang=en`, {
      as: 'official',
      body: { team: 'inkomn' },
    });
    expect(english.body.error.message).toBe(
      'team ‘inkomn’ does not exist; choose a team from the list of teams (GET /api/teams)',
    );

    expectStatus(await s.api('POST', '/api/teams', { as: 'admin', body: { id: 'leeg', name: 'Leeg team' } }), 201);
    const empty = await refused(s, 422, 'invalid-request', 'POST', `/api/tasks/${task.id}/assign`, {
      as: 'official',
      body: { team: 'leeg' },
    });
    expect(empty.body.error.message).toMatch(/in team 'leeg' werkt geen medewerker/);

    // A team of the list with an official in it: the task moves.
    expect(
      expectStatus(
        await s.api('POST', `/api/tasks/${task.id}/assign`, { as: 'official', body: { team: 'afval' } }),
        200,
      ),
    ).toMatchObject({ team: 'afval', status: 'open' });
  });

  it('does not remove a team while it has open tasks (409), and does once they are done', async () => {
    const { task } = await atReview(s);
    expectStatus(await s.api('POST', '/api/teams', { as: 'admin', body: { id: 'tijdelijk', name: 'Tijdelijk' } }), 201);
    expectStatus(
      await s.api('PUT', '/api/users/tim', { as: 'admin', body: { role: 'official', teams: ['tijdelijk'] } }),
      201,
    );
    expectStatus(
      await s.api('POST', `/api/tasks/${task.id}/assign`, { as: 'official', body: { team: 'tijdelijk' } }),
      200,
    );
    // Tim leaves the team: no users, but its task is still open.
    expectStatus(await s.api('PUT', '/api/users/tim', { as: 'admin', body: { role: 'official', teams: [] } }), 200);
    const open = await refused(s, 409, 'team-in-use', 'DELETE', '/api/teams/tijdelijk', { as: 'admin' });
    expect(open.body.error.message).toBe(
      'team ‘tijdelijk’ heeft nog 1 open taak: rond ze af of geef ze eerst aan een ander team',
    );
    await s.store.tasks.escalate(task.id, s.clock.now().toISOString(), 'belastingen');
    expect((await s.api('DELETE', '/api/teams/tijdelijk', { as: 'admin' })).status).toBe(204);
    expect((await s.store.teams.get('tijdelijk')) ?? null).toBeNull();
  });

  it('a draft naming a team that does not exist or has nobody in it has P032/P033 in Dutch, and is not published', async () => {
    const def = fixtureProcess('toeslag') as any;
    const handoff = Object.entries(def.steps).find(([, st]: [string, any]) => st.kind === 'handoff')!;
    const [stepId, step] = handoff as [string, any];
    step.team = 'inkomn';
    step.escalate = { team: 'leeg' };
    const saved = expectStatus(await s.api('PUT', '/api/processes/toeslag/draft', { as: 'designer', body: def }), 200);
    const expected = [
      {
        code: 'P032',
        params: { team: 'inkomn' },
        node: stepId,
        path: `steps.${stepId}.team`,
        message:
          'Team ‘inkomn’ bestaat niet. Kies een team uit de lijst van teams, of vraag een beheerder om het team aan te maken.',
      },
      {
        code: 'P033',
        params: { team: 'leeg' },
        node: stepId,
        path: `steps.${stepId}.escalate.team`,
        message: expect.stringMatching(/^In team ‘leeg’ werkt nog geen medewerker/),
      },
    ];
    expect(saved.problems).toEqual(expected);
    const shown = expectStatus(await s.api('GET', '/api/processes/toeslag', { as: 'designer' }), 200);
    expect(shown.problems).toEqual(expected);
    const english = expectStatus(await s.api('GET', '/api/processes/toeslag?lang=en', { as: 'designer' }), 200);
    expect(english.problems[0].message).toMatch(/^Team ‘inkomn’ does not exist/);
    const before = (await s.store.processes.latest('toeslag'))!.version;
    const refusedPublish = await refused(s, 422, 'draft-has-problems', 'POST', '/api/processes/toeslag/publish', {
      as: 'designer',
    });
    expect(refusedPublish.body.error.details.problems.map((p: any) => p.code)).toEqual(['P032', 'P033']);
    expect((await s.store.processes.latest('toeslag'))!.version).toBe(before);

    // The right team, with officials in it: published.
    step.team = 'belastingen';
    step.escalate = { team: 'afval' };
    expect(
      expectStatus(await s.api('PUT', '/api/processes/toeslag/draft', { as: 'designer', body: def }), 200).problems,
    ).toEqual([]);
    expect(expectStatus(await s.api('POST', '/api/processes/toeslag/publish', { as: 'designer' }), 201).version).toBe(
      before + 1,
    );
    // Now a published process names 'afval': the team stays until a version names another.
    const named = await refused(s, 409, 'team-in-use', 'DELETE', '/api/teams/afval', { as: 'admin' });
    expect(named.body.error.message).toMatch(/in team ‘afval’ zit nog 1 gebruiker/);
  });
});
