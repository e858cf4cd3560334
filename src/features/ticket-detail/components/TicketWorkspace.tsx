import { GitMerge, Link2, Scissors } from 'lucide-react';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert } from '../../../components/ui/Alert.tsx';
import { Button } from '../../../components/ui/Button.tsx';
import { useCan, useCurrentOrg } from '../../../hooks/use-current-org.ts';
import { useUserId } from '../../../hooks/use-session.ts';
import { usePeopleDirectory } from '../api/reference-data-queries.ts';
import type { Ticket } from '../api/ticket-query.ts';
import { useTicketLive, type LiveEvent } from '../api/use-ticket-live.ts';
import { Composer } from './Composer.tsx';
import { ConversationThread } from './ConversationThread.tsx';
import { LinkDialog } from './LinkDialog.tsx';
import { LinksSection } from './LinksSection.tsx';
import { MergeDialog } from './MergeDialog.tsx';
import { PropertiesPanel } from './PropertiesPanel.tsx';
import { SlaChips } from './SlaChips.tsx';
import { SplitDialog } from './SplitDialog.tsx';
import { StatusControl } from './StatusControl.tsx';
import { SubjectEditor } from './SubjectEditor.tsx';
import { Tabs } from './Tabs.tsx';
import { TimelineTab } from './TimelineTab.tsx';

const LIVE_WHAT: Record<LiveEvent, string> = {
  ticket_changed: 'changed the ticket',
  comment_changed: 'added to the conversation',
  attachment_changed: 'attached a file',
  link_changed: 'changed the links',
};

type DialogName = 'merge' | 'split' | 'link' | null;

/** Everything about one ticket: header, conversation or timeline, composer and properties, kept live. */
export function TicketWorkspace({ ticket }: { ticket: Ticket }) {
  const { org } = useCurrentOrg();
  const userId = useUserId();
  const staff = useCan('tickets.view');
  const canManage = useCan('tickets.manage');
  const canDelete = useCan('tickets.delete');
  const directory = usePeopleDirectory(org.id);
  const [cue, setCue] = useState<{ text: string; at: number } | null>(null);
  const [tab, setTab] = useState('conversation');
  const [dialog, setDialog] = useState<DialogName>(null);
  const { nameOf } = directory;
  const onRemoteChange = useCallback((actorId: string, event: LiveEvent) => setCue({ text: `Updated by ${nameOf(actorId)}: ${LIVE_WHAT[event]}`, at: Date.now() }), [nameOf]);
  useTicketLive(ticket, { staff, userId, onRemoteChange });
  useEffect(() => {
    if (!cue) return;
    const timer = setTimeout(() => setCue(null), 10_000);
    return () => clearTimeout(timer);
  }, [cue]);

  const closed = ticket.status_category === 'closed';
  const isRequester = ticket.requester_id === userId;
  const close = () => setDialog(null);

  return (
    <div className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_20rem]">
      <div className="min-w-0 space-y-4">
        <nav aria-label="Breadcrumb" className="text-sm text-slate-600 dark:text-slate-400">
          <Link to={`/o/${org.slug}/tickets`} className="underline-offset-2 hover:underline">
            Tickets
          </Link>
          <span aria-hidden> / </span>
          <span aria-current="page" className="font-mono">
            {ticket.number}
          </span>
        </nav>
        <header className="space-y-3">
          <SubjectEditor ticket={ticket} editable={canManage && !closed} />
          <div className="flex flex-wrap items-center gap-3">
            <StatusControl ticket={ticket} isRequester={isRequester} />
            {staff && <SlaChips ticket={ticket} />}
            {canManage && !closed && (
              <div className="ml-auto flex flex-wrap gap-2">
                <Button variant="secondary" size="sm" onClick={() => setDialog('link')}>
                  <Link2 aria-hidden className="h-4 w-4" /> Link
                </Button>
                {canDelete && (
                  <>
                    <Button variant="secondary" size="sm" onClick={() => setDialog('split')}>
                      <Scissors aria-hidden className="h-4 w-4" /> Split
                    </Button>
                    <Button variant="secondary" size="sm" onClick={() => setDialog('merge')}>
                      <GitMerge aria-hidden className="h-4 w-4" /> Merge
                    </Button>
                  </>
                )}
              </div>
            )}
          </div>
        </header>
        <div role="status" aria-live="polite" className="min-h-0">
          {cue && (
            <p className="flex items-center justify-between gap-3 rounded-md border border-sky-300 bg-sky-50 px-3 py-2 text-sm text-sky-900 dark:border-sky-800 dark:bg-sky-950 dark:text-sky-100">
              <span>{cue.text}</span>
              <button type="button" className="text-xs font-medium underline" onClick={() => setCue(null)}>
                Dismiss
              </button>
            </p>
          )}
        </div>
        {ticket.merged_into_id && <MergedNotice ticket={ticket} />}
        {ticket.description && (
          <section aria-label="Description" className="whitespace-pre-wrap break-words rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-800 dark:border-slate-800 dark:bg-slate-900 dark:text-slate-200">
            {ticket.description}
          </section>
        )}
        <Tabs
          label="Ticket views"
          selected={tab}
          onSelect={setTab}
          tabs={[
            { id: 'conversation', label: 'Conversation', panel: <ConversationThread ticket={ticket} directory={directory} /> },
            ...(staff ? [{ id: 'timeline', label: 'Timeline', panel: <TimelineTab ticket={ticket} directory={directory} /> }] : []),
          ]}
        />
        {closed ? (
          <Alert tone="info">This ticket is closed: it takes no more replies.</Alert>
        ) : (
          <Composer ticket={ticket} directory={directory} staff={canManage} />
        )}
      </div>
      <aside aria-label="Ticket details" className="space-y-4">
        <PropertiesPanel ticket={ticket} directory={directory} />
        {staff && <LinksSection ticket={ticket} onAdd={canManage && !closed ? () => setDialog('link') : undefined} />}
      </aside>
      {canManage && (
        <>
          <LinkDialog open={dialog === 'link'} ticket={ticket} onClose={close} />
          <SplitDialog open={dialog === 'split'} ticket={ticket} directory={directory} onClose={close} />
          <MergeDialog open={dialog === 'merge'} ticket={ticket} onClose={close} />
        </>
      )}
    </div>
  );
}

function MergedNotice({ ticket }: { ticket: Ticket }) {
  const { org } = useCurrentOrg();
  return (
    <Alert tone="info">
      This ticket was merged.{' '}
      <Link className="font-medium underline" to={`/o/${org.slug}/tickets/${ticket.merged_into_id}`}>
        Open the ticket it was merged into
      </Link>
    </Alert>
  );
}
