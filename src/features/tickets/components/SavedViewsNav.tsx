import { Eye, Inbox, Trash2, Users } from 'lucide-react';
import { useState } from 'react';
import { ConfirmDialog } from '../../../components/ui/ConfirmDialog.tsx';
import { useCan, useCurrentOrg } from '../../../hooks/use-current-org.ts';
import { useDeleteViewMutation } from '../api/saved-view-delete-mutation.ts';
import type { SavedView } from '../api/saved-views-query.ts';

interface SavedViewsNavProps {
  views: SavedView[];
  /** The view the list shows now (none: all tickets or a search of its own). */
  currentId?: string;
  allCurrent: boolean;
  onOpen: (view: SavedView | null) => void;
}

const ITEM = 'flex items-center gap-1.5 whitespace-nowrap rounded-full border border-slate-200 px-3 py-1 text-sm hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800';
const CURRENT = 'border-brand-300 bg-brand-50 font-medium text-brand-700 dark:border-brand-700 dark:bg-brand-900 dark:text-brand-100';

/** Shared views, then the user's own; opening one puts its search in the URL. */
export function SavedViewsNav({ views, currentId, allCurrent, onOpen }: SavedViewsNavProps) {
  const { org } = useCurrentOrg();
  const canManageShared = useCan('tickets.manage');
  const remove = useDeleteViewMutation();
  const [deleting, setDeleting] = useState<SavedView | null>(null);
  const groups = [
    { label: 'Shared views', icon: Users, items: views.filter((view) => view.user_id === null) },
    { label: 'Your views', icon: Eye, items: views.filter((view) => view.user_id !== null) },
  ];
  return (
    <nav aria-label="Ticket views" className="mb-4 flex flex-wrap items-center gap-x-4 gap-y-2">
      <button type="button" aria-current={allCurrent ? 'page' : undefined} onClick={() => onOpen(null)}
        className={`${ITEM} ${allCurrent ? CURRENT : 'text-slate-700 dark:text-slate-200'}`}>
        <Inbox aria-hidden className="h-4 w-4 shrink-0" />
        All tickets
      </button>
      {groups.map(({ label, icon: Icon, items }) => (
        <section key={label} aria-label={label} className="flex flex-wrap items-center gap-2">
          <h2 className="text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400">{label}</h2>
          {items.length === 0 && <p className="text-xs text-slate-600 dark:text-slate-400">None yet: save a search to keep it here.</p>}
          <ul className="flex flex-wrap gap-2">
            {items.map((view) => (
              <li key={view.id} className="group flex items-center">
                <button type="button" aria-current={view.id === currentId ? 'page' : undefined} onClick={() => onOpen(view)}
                  className={`${ITEM} ${view.id === currentId ? CURRENT : 'text-slate-700 dark:text-slate-200'}`}>
                  <Icon aria-hidden className="h-3.5 w-3.5 shrink-0" />
                  <span className="max-w-[14rem] truncate">{view.name}</span>
                </button>
                {(view.user_id !== null || canManageShared) && (
                  <button type="button" onClick={() => setDeleting(view)}
                    className="ml-0.5 rounded p-1 text-slate-500 hover:bg-slate-100 hover:text-red-700 dark:text-slate-400 dark:hover:bg-slate-800">
                    <Trash2 aria-hidden className="h-3.5 w-3.5" />
                    <span className="sr-only">Delete the view {view.name}</span>
                  </button>
                )}
              </li>
            ))}
          </ul>
        </section>
      ))}
      <ConfirmDialog open={deleting !== null} title="Delete this view?" confirmLabel="Delete view" busy={remove.isPending}
        onClose={() => setDeleting(null)}
        onConfirm={() => deleting && remove.mutate({ orgId: org.id, viewId: deleting.id }, { onSuccess: () => setDeleting(null) })}>
        {deleting?.user_id === null ? `“${deleting.name}” is shared: it disappears for everyone.` : `“${deleting?.name ?? ''}” will no longer be in your views.`}
      </ConfirmDialog>
    </nav>
  );
}
