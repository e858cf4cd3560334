import { zodResolver } from '@hookform/resolvers/zod';
import { useRef } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { Alert } from '../../../components/ui/Alert.tsx';
import { Dialog, DialogFormActions } from '../../../components/ui/Dialog.tsx';
import { TextArea } from '../../../components/ui/TextArea.tsx';
import { TextField } from '../../../components/ui/TextField.tsx';
import { useCan, useCurrentOrg } from '../../../hooks/use-current-org.ts';
import { useUserId } from '../../../hooks/use-session.ts';
import { toAppError } from '../../../lib/errors.ts';
import type { SavedReply } from '../api/saved-replies-query.ts';
import { useCreateSavedReplyMutation, useUpdateSavedReplyMutation } from '../api/saved-reply-mutations.ts';
import { insertAt } from '../saved-replies.utils.ts';
import { savedReplySchema, type SavedReplyValues } from '../saved-reply.schema.ts';
import { ScopeField } from './ScopeField.tsx';
import { TemplatePreview } from './TemplatePreview.tsx';
import { VariableButtons } from './VariableButtons.tsx';

/** Writes a saved reply: title, text with {{variables}} (inserted at the caret), who may use it, and a live preview. */
export function SavedReplyDialog({ reply, agentName, onClose }: { reply: SavedReply | null; agentName: string; onClose: () => void }) {
  const { org } = useCurrentOrg();
  const userId = useUserId();
  const canShare = useCan('replies.manage');
  const create = useCreateSavedReplyMutation(org.id);
  const update = useUpdateSavedReplyMutation(org.id);
  const save = reply ? update : create;
  const bodyRef = useRef<HTMLTextAreaElement | null>(null);
  const { register, handleSubmit, formState, control, setValue, getValues } = useForm<SavedReplyValues>({
    resolver: zodResolver(savedReplySchema),
    defaultValues: reply
      ? { title: reply.title, body: reply.body, scope: reply.ownerId ? 'personal' : 'shared' }
      : { title: '', body: '', scope: canShare ? 'shared' : 'personal' },
  });
  const body = useWatch({ control, name: 'body' });
  const { ref: bodyFieldRef, ...bodyField } = register('body');
  const refusal = save.error && toAppError(save.error);

  const insertVariable = (token: string) => {
    const area = bodyRef.current;
    const current = getValues('body');
    const next = insertAt(current, area?.selectionStart ?? current.length, area?.selectionEnd ?? current.length, token);
    setValue('body', next.value, { shouldDirty: true, shouldValidate: formState.isSubmitted });
    requestAnimationFrame(() => {
      area?.focus();
      area?.setSelectionRange(next.caret, next.caret);
    });
  };

  const onSubmit = handleSubmit(async (values) => {
    const saving = reply ? update.mutateAsync({ id: reply.id, values }) : create.mutateAsync({ orgId: org.id, userId, values });
    await saving.then(onClose, () => undefined);
  });

  return (
    <Dialog open title={reply ? `Edit “${reply.title}”` : 'New saved reply'} onClose={onClose}>
      <form onSubmit={onSubmit} noValidate className="space-y-4">
        <TextField label="Title" autoComplete="off" maxLength={100} hint="What agents pick in the reply box." error={formState.errors.title?.message} {...register('title')} />
        <div className="space-y-2">
          <TextArea
            label="Text"
            rows={7}
            maxLength={10_000}
            error={formState.errors.body?.message}
            ref={(element) => {
              bodyFieldRef(element);
              bodyRef.current = element;
            }}
            {...bodyField}
          />
          <VariableButtons onInsert={insertVariable} />
        </div>
        <ScopeField register={register} fixed={reply ? (reply.ownerId ? 'personal' : 'shared') : canShare ? null : 'personal'} />
        <TemplatePreview template={body} orgName={org.name} ticketPrefix={org.ticket_prefix} agentName={agentName} />
        {refusal && <Alert title={refusal.message}>{refusal.hint}</Alert>}
        <DialogFormActions submitLabel={reply ? 'Save reply' : 'Create reply'} submitting={formState.isSubmitting} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
