import { useState } from 'react';
import { Alert } from '../../../components/ui/Alert.tsx';
import { EditDeleteButtons } from '../../../components/ui/EditDeleteButtons.tsx';
import { Card } from '../../../components/ui/Card.tsx';
import { routingSummary, teamRoster, type Person, type Team } from '../teams.utils.ts';
import { AssignmentModeField } from './AssignmentModeField.tsx';
import { DeleteTeamDialog } from './DeleteTeamDialog.tsx';
import { TeamMembers } from './TeamMembers.tsx';

/** A team: how it assigns new tickets, who is in it and who of them would get a ticket now. */
export function TeamCard({ team, people, canManage, onEdit }: { team: Team; people: Person[]; canManage: boolean; onEdit: () => void }) {
  const [deleting, setDeleting] = useState(false);
  const roster = teamRoster(team, people);
  const summary = routingSummary(team.assignmentMode, roster);
  const actions = canManage && <EditDeleteButtons name={team.name} onEdit={onEdit} onDelete={() => setDeleting(true)} />;

  return (
    <Card title={team.name} description={team.description || undefined} actions={actions}>
      <div className="space-y-5">
        <AssignmentModeField team={team} canManage={canManage} />
        {summary && <Alert tone={summary.tone === 'warning' ? 'warning' : 'info'}>{summary.text}</Alert>}
        <TeamMembers team={team} roster={roster} people={people} canManage={canManage} />
      </div>
      {deleting && <DeleteTeamDialog team={team} onClose={() => setDeleting(false)} />}
    </Card>
  );
}
