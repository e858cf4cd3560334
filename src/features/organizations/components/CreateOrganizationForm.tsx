import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useNavigate } from 'react-router-dom';
import { toast } from 'sonner';
import { Alert } from '../../../components/ui/Alert.tsx';
import { Button } from '../../../components/ui/Button.tsx';
import { TextField } from '../../../components/ui/TextField.tsx';
import { AppError, toAppError } from '../../../lib/errors.ts';
import { useCreateOrganizationMutation } from '../api/organization-create-mutation.ts';
import { createOrganizationSchema, type CreateOrganizationValues } from '../create-organization.schema.ts';
import { slugify } from '../slug.utils.ts';

/** Name and address of a new organization; the address follows the name until edited. */
export function CreateOrganizationForm() {
  const navigate = useNavigate();
  const create = useCreateOrganizationMutation();
  const [slugEdited, setSlugEdited] = useState(false);
  const [failure, setFailure] = useState<AppError | null>(null);
  const { register, handleSubmit, formState, setValue, setError, control } = useForm<CreateOrganizationValues>({
    resolver: zodResolver(createOrganizationSchema),
    mode: 'onChange',
    defaultValues: { name: '', slug: '' },
  });
  const slug = useWatch({ control, name: 'slug' });

  const nameField = register('name', {
    onChange: (event) => !slugEdited && setValue('slug', slugify(event.target.value), { shouldValidate: true }),
  });
  const slugField = register('slug', { onChange: () => setSlugEdited(true) });

  const onSubmit = handleSubmit(async (values) => {
    setFailure(null);
    try {
      const org = await create.mutateAsync(values);
      toast.success(`${org.name} is ready`);
      navigate(`/o/${org.slug}`, { replace: true });
    } catch (error) {
      const described = toAppError(error);
      if (described.code === '23505') setError('slug', { message: described.message }, { shouldFocus: true });
      else setFailure(described);
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <TextField label="Organization name" autoComplete="organization" placeholder="Acme Support" error={formState.errors.name?.message} {...nameField} />
      <TextField
        label="Address"
        autoCapitalize="none"
        spellCheck={false}
        hint={`Your desk lives at /o/${slug || 'your-address'}. Lowercase letters, digits and hyphens.`}
        error={formState.errors.slug?.message}
        {...slugField}
      />
      {failure && <Alert title={failure.message}>{failure.hint}</Alert>}
      <Button type="submit" className="w-full" disabled={formState.isSubmitting}>
        {formState.isSubmitting ? 'Creating…' : 'Create organization'}
      </Button>
    </form>
  );
}
