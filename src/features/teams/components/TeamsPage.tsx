import { Plus, UsersRound } from 'lucide-react';
import { useState } from 'react';
import { Alert } from '../../../components/ui/Alert.tsx';
import { Button } from '../../../components/ui/Button.tsx';
import { PageHeader } from '../../../components/ui/Card.tsx';
import { EmptyState } from '../../../components/ui/EmptyState.tsx';
import { SkeletonRows } from '../../../components/ui/Skeleton.tsx';
import { useCan, useCurrentOrg } from '../../../hooks/use-current-org.ts';
import { toAppError } from '../../../lib/errors.ts';
import { usePeopleQuery, useTeamsQuery } from '../api/teams-query.ts';
import { useAvailabilityLive } from '../api/use-availability-live.ts';
import type { Team } from '../teams.utils.ts';
import { TeamCard } from './TeamCard.tsx';
import { TeamDialog } from './TeamDialog.tsx';

/** Teams with their members, availability and assignment mode (members.view); changed with teams.manage. */
export function TeamsPage() {
  const { org } = useCurrentOrg();
  const canManage = useCan('teams.manage');
  const teams = useTeamsQuery(org.id);
  const people = usePeopleQuery(org.id);
  useAvailabilityLive(org.id, useCan('conversations.view'));
  const [editing, setEditing] = useState<Team | 'new' | null>(null);
  const error = teams.error ?? people.error;
  const problem = error && toAppError(error);
  const newTeam = canManage && (
    <Button onClick={() => setEditing('new')}>
      <Plus aria-hidden className="h-4 w-4" />
      New team
    </Button>
  );

  return (
    <>
      <PageHeader
        title="Teams"
        description="Group agents so that tickets reach the right people. Each team chooses how its new tickets find an agent."
        actions={teams.data?.length ? newTeam : undefined}
      />
      {(teams.isPending || people.isPending) && !error && <SkeletonRows rows={3} label="teams" />}
      {problem && (
        <Alert title="The teams could not be loaded">
          {problem.message} {problem.hint}
        </Alert>
      )}
      {!canManage && teams.data && people.data && (
        <div className="mb-4">
          <Alert tone="info">You can see the teams. People who manage teams can change them.</Alert>
        </div>
      )}
      {teams.data?.length === 0 && people.data && (
        <EmptyState icon={UsersRound} title="No teams yet" titleAs="h2" action={newTeam}>
          {canManage
            ? 'Create a team such as “Billing” or “Tier 1”, add its agents and choose whether its new tickets are assigned automatically.'
            : 'People who manage teams can create them.'}
        </EmptyState>
      )}
      {!!teams.data?.length && people.data && (
        <div className="space-y-6">
          {teams.data.map((team) => (
            <TeamCard key={team.id} team={team} people={people.data} canManage={canManage} onEdit={() => setEditing(team)} />
          ))}
        </div>
      )}
      {editing && teams.data && (
        <TeamDialog
          team={editing === 'new' ? null : editing}
          takenNames={teams.data.filter((team) => editing === 'new' || team.id !== editing.id).map((team) => team.name)}
          onClose={() => setEditing(null)}
        />
      )}
    </>
  );
}
