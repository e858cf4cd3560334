import { useId, useState, type FormEvent } from 'react';
import { toast } from 'sonner';
import { Avatar } from '../../../components/ui/Avatar.tsx';
import { Badge } from '../../../components/ui/Badge.tsx';
import { Button } from '../../../components/ui/Button.tsx';
import { HINT_CLASSES } from '../../../components/ui/field-styles.ts';
import { SelectField } from '../../../components/ui/SelectField.tsx';
import { TextLink } from '../../../components/ui/TextLink.tsx';
import { useCurrentOrg } from '../../../hooks/use-current-org.ts';
import { useTeamMemberMutation } from '../api/team-mutations.ts';
import { AVAILABILITY, teamCandidates, type Person, type RosterEntry, type Team } from '../teams.utils.ts';

interface TeamMembersProps {
  team: Team;
  roster: RosterEntry[];
  people: Person[];
  canManage: boolean;
}

/** The team's members with their availability, removable; and the agents who could join. */
export function TeamMembers({ team, roster, people, canManage }: TeamMembersProps) {
  const { org } = useCurrentOrg();
  const change = useTeamMemberMutation(org.id);
  const setMember = (person: Person, present: boolean) =>
    change.mutate(
      { teamId: team.id, userId: person.userId, present },
      { onSuccess: () => toast.success(present ? `${person.name} joined ${team.name}` : `${person.name} left ${team.name}`) },
    );

  return (
    <section aria-label={`Members of ${team.name}`}>
      <h3 className="text-sm font-medium text-slate-700 dark:text-slate-200">
        Members <span className="font-normal text-slate-600 dark:text-slate-400">({roster.length})</span>
      </h3>
      {roster.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">{canManage ? 'No members yet: add the agents who handle this team’s tickets.' : 'No members yet.'}</p>
      ) : (
        <ul className="mt-1 divide-y divide-slate-200 dark:divide-slate-800">
          {roster.map(({ person }) => (
            <MemberRow key={person.userId} person={person} teamName={team.name} onRemove={canManage ? () => setMember(person, false) : undefined} />
          ))}
        </ul>
      )}
      {canManage && <AddMemberForm team={team} candidates={teamCandidates(team, people)} onAdd={(person) => setMember(person, true)} />}
    </section>
  );
}

function MemberRow({ person, teamName, onRemove }: { person: Person; teamName: string; onRemove?: () => void }) {
  const availability = AVAILABILITY[person.availability];
  return (
    <li className="flex flex-wrap items-center gap-3 py-2">
      <Avatar name={person.name} url={person.avatarUrl} size="sm" />
      <div className="min-w-0 flex-1">
        <p className="truncate text-sm font-medium text-slate-900 dark:text-slate-50">{person.name}</p>
        <p className="truncate text-xs text-slate-600 dark:text-slate-400">
          {person.roleName}
          {!person.worksTickets && ' · cannot hold tickets, so never assigned automatically'}
        </p>
      </div>
      <Badge tone={person.worksTickets ? availability.tone : 'neutral'}>
        <span className="sr-only">Availability: </span>
        {availability.label}
      </Badge>
      {onRemove && (
        <Button variant="ghost" size="sm" onClick={onRemove}>
          Remove<span className="sr-only"> {person.name} from {teamName}</span>
        </Button>
      )}
    </li>
  );
}

function AddMemberForm({ team, candidates, onAdd }: { team: Team; candidates: Person[]; onAdd: (person: Person) => void }) {
  const { org } = useCurrentOrg();
  const hintId = useId();
  const [chosen, setChosen] = useState('');
  const person = candidates.find((candidate) => candidate.userId === chosen) ?? candidates[0];

  if (!person) {
    return (
      <p className="mt-3 border-t border-slate-200 pt-3 text-sm text-slate-600 dark:border-slate-800 dark:text-slate-400">
        Every agent is in this team. <TextLink to={`/o/${org.slug}/settings/members`}>Invite more agents</TextLink> to add them.
      </p>
    );
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onAdd(person);
    setChosen('');
  };
  return (
    <form onSubmit={submit} className="mt-3 border-t border-slate-200 pt-3 dark:border-slate-800">
      <div className="flex flex-wrap items-end gap-2">
        <SelectField
          label={`Add an agent to ${team.name}`}
          className="min-w-[14rem] flex-1 sm:max-w-sm"
          aria-describedby={hintId}
          value={person.userId}
          onChange={(event) => setChosen(event.target.value)}
        >
          {candidates.map((candidate) => (
            <option key={candidate.userId} value={candidate.userId}>
              {candidate.name} ({AVAILABILITY[candidate.availability].label.toLowerCase()})
            </option>
          ))}
        </SelectField>
        <Button type="submit" variant="secondary">
          Add to team
        </Button>
      </div>
      <p id={hintId} className={`mt-1 ${HINT_CLASSES}`}>
        Only members who work tickets are listed: tickets can be assigned to them alone.
      </p>
    </form>
  );
}
