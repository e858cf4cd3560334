import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { Alert } from '../../../components/ui/Alert.tsx';
import { Button } from '../../../components/ui/Button.tsx';
import { Checkbox } from '../../../components/ui/Checkbox.tsx';
import { Dialog } from '../../../components/ui/Dialog.tsx';
import { TextField } from '../../../components/ui/TextField.tsx';
import { useCurrentOrg, useCan } from '../../../hooks/use-current-org.ts';
import { useSaveViewMutation } from '../api/saved-view-save-mutation.ts';
import { saveViewSchema, type SaveViewValues } from '../saved-view.schema.ts';
import { searchFilters, searchSort, type ListState } from '../tickets.utils.ts';

/** Saves what the list shows now (search, filters, sort) under a name. */
export function SaveViewDialog({ open, state, position, onClose, onSaved }: {
  open: boolean;
  state: ListState;
  position: number;
  onClose: () => void;
  onSaved: (viewId: string) => void;
}) {
  const { org } = useCurrentOrg();
  const canShare = useCan('tickets.manage');
  const save = useSaveViewMutation();
  const form = useForm<SaveViewValues>({ resolver: zodResolver(saveViewSchema), defaultValues: { name: '', shared: false } });
  const submit = form.handleSubmit(async (values) => {
    const view = await save.mutateAsync({
      orgId: org.id, name: values.name, shared: values.shared, query: state.query, filters: searchFilters(state.filters),
      sort: searchSort(state), position,
    }).catch(() => null);
    if (!view) return;
    form.reset();
    onSaved(view.id);
  });
  return (
    <Dialog open={open} title="Save this view" description="Keeps the search, filters and sort under a name in the sidebar." onClose={onClose}>
      <form onSubmit={(event) => void submit(event)} noValidate className="space-y-4">
        <TextField label="Name" autoFocus maxLength={60} error={form.formState.errors.name?.message} {...form.register('name')} />
        {canShare && <Checkbox label="Share with the organization" description="Everyone who sees tickets gets this view." {...form.register('shared')} />}
        {save.error && <Alert>{save.error.message}</Alert>}
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose}>Cancel</Button>
          <Button type="submit" disabled={save.isPending}>{save.isPending ? 'Saving…' : 'Save view'}</Button>
        </div>
      </form>
    </Dialog>
  );
}
