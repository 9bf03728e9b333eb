import type { Lang } from '../i18n/index.js';
import { worded, type Finding, type Problem } from './problems.js';
import type { Process } from './schema.js';
import { stepKind } from './steps/index.js';

/** The teams that exist, each with its number of officials: what the server's list of teams says (GET /api/teams). */
export type KnownTeams = ReadonlyMap<string, number>;

/** Every team a process names: the contact team and what its steps name (a handoff's team, its escalation team). */
export function teamsNamed(process: Process): { team: string; node?: string; path: string }[] {
  const named: { team: string; node?: string; path: string }[] = [];
  if (process.contact?.team) named.push({ team: process.contact.team, path: 'contact.team' });
  for (const [id, step] of Object.entries(process.steps))
    for (const { team, path } of stepKind(step.kind).teams?.(step as never) ?? [])
      named.push({ team, node: id, path: `steps.${id}.${path}` });
  return named;
}

/**
 * The problems of the teams a process names, against the list of teams
 * (passed in: the process language reads no store). P032: the team does not
 * exist (a typo, like 'inkomn'); P033: nobody works in it, so its tasks
 * would reach no official. The messages are in `lang`.
 */
export function checkTeams(process: Process, known: KnownTeams, lang: Lang = 'nl'): Problem[] {
  return worded(findTeamProblems(process, known), lang, process);
}

/** The findings of checkTeams, before they are put in words. */
export function findTeamProblems(process: Process, known: KnownTeams): Finding[] {
  const problems: Finding[] = [];
  for (const { team, node, path } of teamsNamed(process)) {
    const members = known.get(team);
    if (members === undefined) problems.push({ code: 'P032', params: { team }, node, path });
    else if (members === 0) problems.push({ code: 'P033', params: { team }, node, path });
  }
  return problems;
}
