import { ConfirmDialog } from '../../../components/ui/ConfirmDialog.tsx';
import { useCan, useCurrentOrg } from '../../../hooks/use-current-org.ts';
import { useDeleteTeamMutation } from '../api/team-mutations.ts';
import { useTeamTicketCountQuery } from '../api/teams-query.ts';
import { deletionConsequence, type Team } from '../teams.utils.ts';

/** Asks before deleting a team, saying what becomes of its tickets (team_id is set to null). */
export function DeleteTeamDialog({ team, onClose }: { team: Team; onClose: () => void }) {
  const { org } = useCurrentOrg();
  const remove = useDeleteTeamMutation(org.id);
  const tickets = useTeamTicketCountQuery(team.id, useCan('tickets.view'));
  return (
    <ConfirmDialog
      open
      title={`Delete the ${team.name} team?`}
      confirmLabel={remove.isPending ? 'Deleting…' : 'Delete team'}
      busy={remove.isPending}
      onClose={onClose}
      onConfirm={() => remove.mutate(team.id, { onSuccess: onClose })}
    >
      <p>{deletionConsequence(tickets.data)}</p>
      <p className="mt-2">Its members stay in {org.name}. This cannot be undone.</p>
    </ConfirmDialog>
  );
}
