import { useState } from 'react';
import { Button } from '../../../components/ui/Button.tsx';
import { SelectField } from '../../../components/ui/SelectField.tsx';
import { TextField } from '../../../components/ui/TextField.tsx';
import { lastDays, PRESETS, presetOf } from '../dashboard.utils.ts';
import { dateRangeSchema, type DateRange } from '../metrics.schema.ts';

interface DateRangePickerProps {
  range: DateRange;
  today: string;
  onChange: (range: DateRange) => void;
}

/** A preset (last 7/30/90 days) or a custom range of local days, applied when valid. */
export function DateRangePicker({ range, today, onChange }: DateRangePickerProps) {
  const [draft, setDraft] = useState(range);
  const [error, setError] = useState<string>();
  const preset = presetOf(range, today);
  const [custom, setCustom] = useState(preset === null);

  const choosePreset = (value: string) => {
    if (value === 'custom') return setCustom(true);
    setCustom(false);
    setError(undefined);
    const next = lastDays(Number(value), today);
    setDraft(next);
    onChange(next);
  };
  const apply = () => {
    const parsed = dateRangeSchema.safeParse(draft);
    if (!parsed.success) return setError(parsed.error.issues[0]?.message);
    setError(undefined);
    onChange(parsed.data);
  };

  return (
    <form className="flex flex-wrap items-end gap-3" onSubmit={(event) => (event.preventDefault(), apply())} noValidate>
      <SelectField label="Date range" value={custom ? 'custom' : String(preset)} onChange={(event) => choosePreset(event.target.value)}>
        {PRESETS.map((item) => <option key={item.days} value={item.days}>{item.label}</option>)}
        <option value="custom">Custom range</option>
      </SelectField>
      {custom && (
        <>
          <TextField label="From" type="date" value={draft.from} max={today} onChange={(event) => setDraft({ ...draft, from: event.target.value })} />
          <TextField label="To" type="date" value={draft.to} max={today} error={error} onChange={(event) => setDraft({ ...draft, to: event.target.value })} />
          <Button type="submit" variant="secondary">Apply</Button>
        </>
      )}
    </form>
  );
}
