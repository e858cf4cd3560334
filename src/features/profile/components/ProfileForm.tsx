import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { Button } from '../../../components/ui/Button.tsx';
import { Card } from '../../../components/ui/Card.tsx';
import { SelectField } from '../../../components/ui/SelectField.tsx';
import { TextField } from '../../../components/ui/TextField.tsx';
import type { Profile } from '../api/profile-query.ts';
import { useUpdateProfileMutation } from '../api/profile-update-mutation.ts';
import { LOCALES, localeLabel } from '../locales.ts';
import { profileSchema, type ProfileValues } from '../profile.schema.ts';

export function ProfileForm({ profile }: { profile: Profile }) {
  const update = useUpdateProfileMutation(profile.id);
  const { register, handleSubmit, formState } = useForm<ProfileValues>({
    resolver: zodResolver(profileSchema),
    defaultValues: { display_name: profile.displayName, locale: profile.locale },
  });
  const locales = LOCALES.includes(profile.locale as (typeof LOCALES)[number]) ? LOCALES : [profile.locale, ...LOCALES];
  const onSubmit = handleSubmit((values) => update.mutateAsync(values).catch(() => undefined));
  return (
    <Card title="About you">
      <form onSubmit={onSubmit} noValidate className="grid gap-4 sm:grid-cols-2">
        <TextField label="Display name" autoComplete="name" error={formState.errors.display_name?.message} {...register('display_name')} />
        <SelectField label="Language" hint="Used for emails and dates." error={formState.errors.locale?.message} {...register('locale')}>
          {locales.map((locale) => (
            <option key={locale} value={locale}>
              {localeLabel(locale)}
            </option>
          ))}
        </SelectField>
        <div className="sm:col-span-2">
          <Button type="submit" disabled={formState.isSubmitting || !formState.isDirty}>
            {formState.isSubmitting ? 'Saving…' : 'Save profile'}
          </Button>
        </div>
      </form>
    </Card>
  );
}
