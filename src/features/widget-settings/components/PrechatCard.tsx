import { zodResolver } from '@hookform/resolvers/zod';
import { Plus, Trash2 } from 'lucide-react';
import { useFieldArray, useForm, useWatch } from 'react-hook-form';
import { Button } from '../../../components/ui/Button.tsx';
import { Card } from '../../../components/ui/Card.tsx';
import { Checkbox } from '../../../components/ui/Checkbox.tsx';
import { SelectField } from '../../../components/ui/SelectField.tsx';
import { TextArea } from '../../../components/ui/TextArea.tsx';
import { TextField } from '../../../components/ui/TextField.tsx';
import { useCurrentOrg } from '../../../hooks/use-current-org.ts';
import { useUpdateWidgetMutation } from '../api/widget-mutations.ts';
import type { Widget } from '../api/widgets-query.ts';
import { PRECHAT_TYPES, prechatSchema, toFormPrechat, toStoredPrechat, type PrechatValues } from '../widget.schema.ts';

const TYPE_LABELS: Record<(typeof PRECHAT_TYPES)[number], string> = {
  text: 'Short text',
  email: 'Email',
  phone: 'Phone',
  textarea: 'Long text',
  select: 'Choice',
};
const MAX_FIELDS = 10;

/** Questions asked before the first message (name and email fill in the contact). */
export function PrechatCard({ widget }: { widget: Widget }) {
  const { org } = useCurrentOrg();
  const update = useUpdateWidgetMutation(org.id, 'Pre-chat form saved');
  const { register, control, handleSubmit, formState } = useForm<PrechatValues>({
    resolver: zodResolver(prechatSchema),
    defaultValues: { fields: toFormPrechat(widget.prechat_fields) },
  });
  const { fields, append, remove } = useFieldArray({ control, name: 'fields' });
  const types = useWatch({ control, name: 'fields' })?.map((field) => field.type) ?? [];
  const onSubmit = handleSubmit((values) =>
    update.mutateAsync({ widgetId: widget.id, changes: { prechat_fields: toStoredPrechat(values.fields) } }).catch(() => undefined),
  );

  return (
    <Card title="Pre-chat form" description="Optional questions visitors answer before their first message. Fields keyed name and email fill in the contact.">
      <form onSubmit={onSubmit} noValidate className="space-y-4">
        {fields.length === 0 && <p className="text-sm text-slate-600 dark:text-slate-400">No questions: visitors start chatting right away.</p>}
        <ol className="space-y-4">
          {fields.map((field, index) => {
            const errors = formState.errors.fields?.[index];
            return (
              <li key={field.id} className="rounded-md border border-slate-200 p-3 dark:border-slate-700">
                <fieldset className="grid gap-3 sm:grid-cols-[1fr_1fr_10rem_auto]">
                  <legend className="sr-only">Question {index + 1}</legend>
                  <TextField label="Label" error={errors?.label?.message} {...register(`fields.${index}.label`)} />
                  <TextField label="Key" spellCheck={false} autoCapitalize="none" error={errors?.key?.message} {...register(`fields.${index}.key`)} />
                  <SelectField label="Type" {...register(`fields.${index}.type`)}>
                    {PRECHAT_TYPES.map((type) => (
                      <option key={type} value={type}>
                        {TYPE_LABELS[type]}
                      </option>
                    ))}
                  </SelectField>
                  <div className="flex items-end">
                    <Button variant="ghost" size="sm" onClick={() => remove(index)} aria-label={`Remove question ${index + 1}`}>
                      <Trash2 aria-hidden className="h-4 w-4" />
                    </Button>
                  </div>
                  <Checkbox label="Required" className="sm:col-span-4" {...register(`fields.${index}.required`)} />
                  {types[index] === 'select' && (
                    <TextArea label="Choices" hint="One per line." className="sm:col-span-4" error={errors?.options?.message} {...register(`fields.${index}.options`)} />
                  )}
                </fieldset>
              </li>
            );
          })}
        </ol>
        {formState.errors.fields?.root?.message && <p className="text-sm text-red-700 dark:text-red-400">{formState.errors.fields.root.message}</p>}
        <div className="flex flex-wrap gap-2">
          <Button
            variant="secondary"
            disabled={fields.length >= MAX_FIELDS}
            onClick={() => append({ key: fields.length ? `field_${fields.length + 1}` : 'email', label: fields.length ? '' : 'Your email', type: fields.length ? 'text' : 'email', required: !fields.length, options: '' })}
          >
            <Plus aria-hidden className="h-4 w-4" /> Add a question
          </Button>
          <Button type="submit" disabled={formState.isSubmitting || !formState.isDirty}>
            {formState.isSubmitting ? 'Saving…' : 'Save form'}
          </Button>
        </div>
      </form>
    </Card>
  );
}
