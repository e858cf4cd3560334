import { useState } from 'react';
import { Badge } from '../../../components/ui/Badge.tsx';
import { EditDeleteButtons } from '../../../components/ui/EditDeleteButtons.tsx';
import { ConfirmDialog } from '../../../components/ui/ConfirmDialog.tsx';
import { useCurrentOrg } from '../../../hooks/use-current-org.ts';
import { useDeleteRoleMutation } from '../api/role-delete-mutation.ts';
import type { Role } from '../role.utils.ts';

/** A role, its seniority and its permissions. */
export function RoleCard({ role, canManage, onEdit }: { role: Role; canManage: boolean; onEdit?: () => void }) {
  const { org } = useCurrentOrg();
  const remove = useDeleteRoleMutation(org.id);
  const [confirming, setConfirming] = useState(false);
  return (
    <article className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <h3 className="flex items-center gap-2 font-semibold text-slate-900 dark:text-slate-50">
            {role.name}
            <Badge tone={role.builtIn ? 'neutral' : 'brand'}>{role.builtIn ? 'Built-in' : 'Custom'}</Badge>
          </h3>
          <p className="text-xs text-slate-600 dark:text-slate-400">Seniority {role.rank}</p>
        </div>
        {canManage && <EditDeleteButtons name={role.name} onEdit={onEdit} onDelete={() => setConfirming(true)} />}
      </div>
      {role.description && <p className="mt-2 text-sm text-slate-700 dark:text-slate-300">{role.description}</p>}
      <p className="sr-only">Permissions:</p>
      <ul className="mt-3 flex flex-wrap gap-1.5">
        {role.permissions.length === 0 && <li className="text-sm text-slate-600 dark:text-slate-400">No permissions</li>}
        {role.permissions.map((permission) => (
          <li key={permission}>
            <code className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-800 dark:bg-slate-800 dark:text-slate-200">{permission}</code>
          </li>
        ))}
      </ul>
      <ConfirmDialog
        open={confirming}
        title={`Delete the ${role.name} role?`}
        confirmLabel="Delete role"
        busy={remove.isPending}
        onClose={() => setConfirming(false)}
        onConfirm={() => remove.mutate(role.id, { onSettled: () => setConfirming(false) })}
      >
        Members who still hold it must get another role first.
      </ConfirmDialog>
    </article>
  );
}
