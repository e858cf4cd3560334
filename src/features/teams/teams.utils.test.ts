import { describe, expect, it } from 'vitest';
import { deletionConsequence, routingSummary, teamCandidates, teamRoster, withMember, type Person, type Team } from './teams.utils.ts';

const person = (userId: string, name: string, changes: Partial<Person> = {}): Person => ({
  userId,
  name,
  email: null,
  avatarUrl: null,
  roleName: 'Agent',
  availability: 'online',
  worksTickets: true,
  ...changes,
});

const ari = person('a', 'Ari');
const bo = person('b', 'Bo', { availability: 'away' });
const cy = person('c', 'Cy', { worksTickets: false, roleName: 'Requester' });
const dee = person('d', 'Dee', { availability: 'offline' });
const people = [dee, cy, bo, ari];
const team: Team = { id: 't', name: 'Billing', description: '', assignmentMode: 'round_robin', memberIds: ['c', 'a', 'b', 'gone'] };

describe('teamRoster', () => {
  it('lists the members by name, marking those auto-assignment would pick (online agents)', () => {
    expect(teamRoster(team, people).map(({ person: p, takesTickets }) => [p.name, takesTickets])).toEqual([
      ['Ari', true],
      ['Bo', false],
      ['Cy', false],
    ]);
  });
});

describe('teamCandidates', () => {
  it('offers the agents not in the team yet, whatever their availability', () => {
    expect(teamCandidates(team, people).map((p) => p.name)).toEqual(['Dee']);
    expect(teamCandidates({ ...team, memberIds: [] }, people).map((p) => p.name)).toEqual(['Ari', 'Bo', 'Dee']);
  });
});

describe('routingSummary', () => {
  it('says nothing in manual mode', () => {
    expect(routingSummary('manual', teamRoster(team, people))).toBeNull();
  });
  it('counts the online agents who share new tickets', () => {
    expect(routingSummary('least_loaded', teamRoster(team, people))).toEqual({
      tone: 'info',
      text: '1 online agent takes the team’s new tickets; members who are away or offline are skipped.',
    });
    expect(routingSummary('round_robin', teamRoster({ ...team, memberIds: ['a', 'a2'] }, [...people, person('a2', 'Al')]))?.text).toMatch(/^2 online agents share/);
  });
  it('warns when nobody would receive a ticket', () => {
    expect(routingSummary('round_robin', teamRoster({ ...team, memberIds: ['b', 'c', 'd'] }, people))?.tone).toBe('warning');
    expect(routingSummary('round_robin', [])?.text).toMatch(/no members yet/);
  });
});

describe('withMember', () => {
  it('adds or removes one member, once', () => {
    expect(withMember(team, 'd', true).memberIds).toEqual(['c', 'a', 'b', 'gone', 'd']);
    expect(withMember(team, 'a', true).memberIds).toEqual(['c', 'b', 'gone', 'a']);
    expect(withMember(team, 'a', false).memberIds).toEqual(['c', 'b', 'gone']);
  });
});

describe('deletionConsequence', () => {
  it.each([
    [undefined, /^Its tickets and chats keep/],
    [0, /^No ticket belongs to it\. Its chats keep/],
    [1, /^Its 1 ticket and its chats keep/],
    [12, /^Its 12 tickets and its chats keep/],
  ])('%s tickets', (count, expected) => {
    expect(deletionConsequence(count)).toMatch(expected);
  });
});
