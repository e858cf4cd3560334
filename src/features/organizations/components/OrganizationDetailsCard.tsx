import { zodResolver } from '@hookform/resolvers/zod';
import { useForm, useWatch } from 'react-hook-form';
import { useNavigate } from 'react-router-dom';
import { OrgMark } from '../../../components/ui/Avatar.tsx';
import { Button } from '../../../components/ui/Button.tsx';
import { Card } from '../../../components/ui/Card.tsx';
import { LABEL_CLASSES } from '../../../components/ui/field-styles.ts';
import { SelectField } from '../../../components/ui/SelectField.tsx';
import { TextField } from '../../../components/ui/TextField.tsx';
import type { Organization } from '../../../hooks/use-current-org.ts';
import { toAppError } from '../../../lib/errors.ts';
import { useUpdateOrganizationMutation } from '../api/organization-update-mutation.ts';
import { organizationDetailsSchema, type OrganizationDetailsValues } from '../organization-details.schema.ts';
import { timeZoneOptions } from '../time-zones.ts';

export function OrganizationDetailsCard({ org }: { org: Organization }) {
  const navigate = useNavigate();
  const update = useUpdateOrganizationMutation();
  const { register, handleSubmit, formState, control, setError } = useForm<OrganizationDetailsValues>({
    resolver: zodResolver(organizationDetailsSchema),
    mode: 'onChange',
    defaultValues: { name: org.name, slug: org.slug, brand_color: org.brand_color, time_zone: org.time_zone },
  });
  const [name, color] = useWatch({ control, name: ['name', 'brand_color'] });

  const onSubmit = handleSubmit(async (values) => {
    try {
      const saved = await update.mutateAsync({ orgId: org.id, changes: values });
      if (saved.slug !== org.slug) navigate(`/o/${saved.slug}/settings/organization`, { replace: true });
    } catch (error) {
      if (toAppError(error).code === '23505') setError('slug', { message: 'That address is taken.' });
    }
  });

  return (
    <Card title="Details">
      <form onSubmit={onSubmit} noValidate className="grid gap-4 sm:grid-cols-2">
        <TextField label="Name" error={formState.errors.name?.message} {...register('name')} />
        <TextField label="Address" hint="Changing it changes every link to your desk." autoCapitalize="none" spellCheck={false} error={formState.errors.slug?.message} {...register('slug')} />
        <div className="space-y-1">
          <label htmlFor="brand-color" className={LABEL_CLASSES}>
            Brand colour
          </label>
          <div className="flex items-center gap-3">
            <input id="brand-color" type="color" className="h-10 w-14 cursor-pointer rounded border border-slate-400 bg-white dark:border-slate-500 dark:bg-slate-900" {...register('brand_color')} />
            <OrgMark name={name || org.name} color={color} />
            <span className="font-mono text-sm text-slate-700 dark:text-slate-300">{color}</span>
          </div>
        </div>
        <SelectField label="Time zone" hint="Business hours and SLAs use it." error={formState.errors.time_zone?.message} {...register('time_zone')}>
          {timeZoneOptions(org.time_zone).map((zone) => (
            <option key={zone} value={zone}>
              {zone.replaceAll('_', ' ')}
            </option>
          ))}
        </SelectField>
        <div className="sm:col-span-2">
          <Button type="submit" disabled={formState.isSubmitting || !formState.isDirty}>
            {formState.isSubmitting ? 'Saving…' : 'Save details'}
          </Button>
        </div>
      </form>
    </Card>
  );
}
