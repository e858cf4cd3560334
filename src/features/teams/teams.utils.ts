import { Constants, type Database } from '../../types/database.ts';

export type AssignmentMode = Database['public']['Enums']['team_assignment_mode'];
export type Availability = 'online' | 'away' | 'offline';

/** How a team's new unassigned tickets find an agent (private.pick_team_assignee). */
export const ASSIGNMENT_MODES: Record<AssignmentMode, { label: string; explanation: string }> = {
  manual: { label: 'Manual', explanation: 'Nobody is picked: someone who assigns tickets chooses the agent.' },
  round_robin: { label: 'Round robin', explanation: 'The team’s online agents take turns, one new ticket each.' },
  least_loaded: { label: 'Least loaded', explanation: 'The online agent with the fewest unresolved tickets gets the new ticket.' },
};
export const ASSIGNMENT_MODE_ORDER: readonly AssignmentMode[] = Constants.public.Enums.team_assignment_mode;

export const AVAILABILITY: Record<Availability, { label: string; tone: 'success' | 'warning' | 'neutral' }> = {
  online: { label: 'Online', tone: 'success' },
  away: { label: 'Away', tone: 'warning' },
  offline: { label: 'Offline', tone: 'neutral' },
};

export interface Person {
  userId: string;
  name: string;
  email: string | null;
  avatarUrl: string | null;
  roleName: string;
  availability: Availability;
  /** Holds tickets.view: the only members assignment may pick (and the assignee check accepts). */
  worksTickets: boolean;
}

export interface Team {
  id: string;
  name: string;
  description: string;
  assignmentMode: AssignmentMode;
  memberIds: string[];
}

export interface RosterEntry {
  person: Person;
  /** Whether automatic assignment would pick this member right now. */
  takesTickets: boolean;
}

/** The team's members with their details (members who left the organization drop out), by name. */
export function teamRoster(team: Team, people: readonly Person[]): RosterEntry[] {
  const ids = new Set(team.memberIds);
  return people
    .filter((person) => ids.has(person.userId))
    .map((person) => ({ person, takesTickets: person.worksTickets && person.availability === 'online' }))
    .sort((a, b) => a.person.name.localeCompare(b.person.name));
}

/** Agents who could join the team: they work tickets and are not in it yet, by name. */
export function teamCandidates(team: Team, people: readonly Person[]): Person[] {
  const ids = new Set(team.memberIds);
  return people.filter((person) => person.worksTickets && !ids.has(person.userId)).sort((a, b) => a.name.localeCompare(b.name));
}

/** One sentence on who would receive the team's next ticket, or null in manual mode. */
export function routingSummary(mode: AssignmentMode, roster: readonly RosterEntry[]): { tone: 'info' | 'warning'; text: string } | null {
  if (mode === 'manual') return null;
  const ready = roster.filter((entry) => entry.takesTickets).length;
  if (ready === 0) {
    return {
      tone: 'warning',
      text: roster.length
        ? 'No member is online to take tickets: new tickets of this team stay unassigned until someone assigns them.'
        : 'The team has no members yet: new tickets of this team stay unassigned until you add agents.',
    };
  }
  const who = ready === 1 ? '1 online agent takes' : `${ready} online agents share`;
  return { tone: 'info', text: `${who} the team’s new tickets; members who are away or offline are skipped.` };
}

/** The team with a member added or removed (for an optimistic update). */
export function withMember(team: Team, userId: string, present: boolean): Team {
  const others = team.memberIds.filter((id) => id !== userId);
  return { ...team, memberIds: present ? [...others, userId] : others };
}

/** What deleting a team does to its tickets and chats (their team_id is set to null), given how many tickets it has. */
export function deletionConsequence(ticketCount: number | undefined): string {
  const rest = 'keep their status and assignee but no longer belong to a team, and nothing new is routed to it.';
  if (ticketCount === undefined) return `Its tickets and chats ${rest}`;
  if (ticketCount === 0) return `No ticket belongs to it. Its chats ${rest}`;
  return `Its ${ticketCount} ${ticketCount === 1 ? 'ticket' : 'tickets'} and its chats ${rest}`;
}
