import { SearchX } from 'lucide-react';
import { useParams } from 'react-router-dom';
import { Alert } from '../../../components/ui/Alert.tsx';
import { ButtonLink } from '../../../components/ui/Button.tsx';
import { EmptyState } from '../../../components/ui/EmptyState.tsx';
import { Spinner } from '../../../components/ui/Spinner.tsx';
import { useCurrentOrg } from '../../../hooks/use-current-org.ts';
import { useTicketQuery } from '../api/ticket-query.ts';
import { TicketWorkspace } from './TicketWorkspace.tsx';

/** `/o/:slug/tickets/:ticketRef`: the ticket by its number (or id), or why it cannot be shown. */
export function TicketDetailPage() {
  const { ticketRef = '' } = useParams();
  const { org } = useCurrentOrg();
  const ticket = useTicketQuery(org.id, ticketRef);
  if (ticket.isPending) return <Spinner label="Loading the ticket" />;
  if (ticket.isError) {
    return (
      <Alert title="The ticket could not be loaded">
        {ticket.error.message}{' '}
        <button type="button" className="font-medium underline" onClick={() => void ticket.refetch()}>
          Try again
        </button>
      </Alert>
    );
  }
  if (!ticket.data) {
    return (
      <EmptyState icon={SearchX} title={`Ticket ${ticketRef} was not found`} titleAs="h1" action={<ButtonLink to={`/o/${org.slug}/tickets`} variant="secondary">Back to tickets</ButtonLink>}>
        It does not exist in {org.name}, or you cannot see it.
      </EmptyState>
    );
  }
  return <TicketWorkspace key={ticket.data.id} ticket={ticket.data} />;
}
