import type { UseFormRegister } from 'react-hook-form';
import { Checkbox } from '../../../components/ui/Checkbox.tsx';
import { SelectField } from '../../../components/ui/SelectField.tsx';
import { TextField } from '../../../components/ui/TextField.tsx';
import type { TicketField } from '../api/ticket-lookups-query.ts';
import type { NewTicketFormInput } from '../new-ticket.schema.ts';

interface CustomFieldInputProps {
  field: TicketField;
  register: UseFormRegister<NewTicketFormInput>;
  error?: string;
}

/** The input of one of the organization's custom fields, by its type. */
export function CustomFieldInput({ field, register, error }: CustomFieldInputProps) {
  const name = `customFields.${field.key}` as const;
  const label = field.required ? `${field.label} (required)` : field.label;
  switch (field.type) {
    case 'checkbox':
      return <Checkbox label={field.label} {...register(name)} />;
    case 'select':
      return (
        <SelectField label={label} error={error} {...register(name)}>
          <option value="">{field.required ? 'Choose…' : 'None'}</option>
          {field.options.map((option) => <option key={option} value={option}>{option}</option>)}
        </SelectField>
      );
    default:
      return <TextField label={label} type={field.type === 'number' ? 'number' : field.type === 'date' ? 'date' : 'text'} error={error} {...register(name)} />;
  }
}

