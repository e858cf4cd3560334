import { Plus, ShieldPlus } from 'lucide-react';
import { useState } from 'react';
import { Alert } from '../../../components/ui/Alert.tsx';
import { Button } from '../../../components/ui/Button.tsx';
import { PageHeader } from '../../../components/ui/Card.tsx';
import { EmptyState } from '../../../components/ui/EmptyState.tsx';
import { SkeletonRows } from '../../../components/ui/Skeleton.tsx';
import { useCan, useCurrentOrg } from '../../../hooks/use-current-org.ts';
import { useRolesQuery } from '../api/roles-query.ts';
import type { Role } from '../role.utils.ts';
import { RoleCard } from './RoleCard.tsx';
import { RoleEditorDialog } from './RoleEditorDialog.tsx';

/** Built-in and custom roles with their permissions; custom ones editable with roles.manage. */
export function RolesPage() {
  const { org } = useCurrentOrg();
  const canManage = useCan('roles.manage');
  const roles = useRolesQuery(org.id);
  const [editing, setEditing] = useState<Role | 'new' | null>(null);
  const builtIn = roles.data?.filter((role) => role.builtIn) ?? [];
  const custom = roles.data?.filter((role) => !role.builtIn) ?? [];
  const newRole = canManage && (
    <Button onClick={() => setEditing('new')}>
      <Plus aria-hidden className="h-4 w-4" />
      New role
    </Button>
  );

  return (
    <>
      <PageHeader title="Roles" description="A role is a set of permissions. Everyone in the organization has exactly one." actions={newRole} />
      {roles.isPending && <SkeletonRows rows={4} label="roles" />}
      {roles.isError && <Alert>{roles.error.message}</Alert>}
      {roles.data && (
        <div className="space-y-8">
          <section aria-labelledby="custom-roles">
            <h2 id="custom-roles" className="mb-3 text-lg font-semibold">
              Custom roles
            </h2>
            {custom.length === 0 ? (
              <EmptyState icon={ShieldPlus} title="No custom roles yet" action={newRole}>
                {canManage ? 'Create one when the built-in roles do not fit, for example a read-only auditor.' : 'People who manage roles can create them.'}
              </EmptyState>
            ) : (
              <div className="grid gap-4 lg:grid-cols-2">
                {custom.map((role) => (
                  <RoleCard key={role.id} role={role} canManage={canManage} onEdit={() => setEditing(role)} />
                ))}
              </div>
            )}
          </section>
          <section aria-labelledby="builtin-roles">
            <h2 id="builtin-roles" className="mb-3 text-lg font-semibold">
              Built-in roles
            </h2>
            <div className="grid gap-4 lg:grid-cols-2">
              {builtIn.map((role) => (
                <RoleCard key={role.id} role={role} canManage={false} />
              ))}
            </div>
          </section>
        </div>
      )}
      {editing && roles.data && (
        <RoleEditorDialog role={editing === 'new' ? null : editing} takenKeys={roles.data.map((role) => role.key)} onClose={() => setEditing(null)} />
      )}
    </>
  );
}
