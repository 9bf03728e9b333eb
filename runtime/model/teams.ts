import type { Lang } from '../i18n/index.js';
import type { Problem } from './checks.js';
import type { Process } from './schema.js';
import { stepKind } from './steps/index.js';
import { say } from './steps/words.js';

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
 * would reach no official. The messages are in `lang` (the designer shows
 * them as they are).
 */
export function checkTeams(process: Process, known: KnownTeams, lang: Lang = 'nl'): Problem[] {
  const words = say(lang);
  const problems: Problem[] = [];
  for (const { team, node, path } of teamsNamed(process)) {
    const members = known.get(team);
    if (members === undefined)
      problems.push({ code: 'P032', message: words('teamProblems.unknown', { team }), node, path });
    else if (members === 0) problems.push({ code: 'P033', message: words('teamProblems.empty', { team }), node, path });
  }
  return problems;
}
