import { Plus, Trash2 } from 'lucide-react';
import { Button } from '../../../components/ui/Button.tsx';
import { Checkbox } from '../../../components/ui/Checkbox.tsx';
import { CONTROL_BASE, ERROR_CLASSES } from '../../../components/ui/field-styles.ts';
import { closeForInput, closeFromInput, WEEKDAY_NAMES, type TimeRange, type Weekday } from '../business-hours.utils.ts';

interface BusinessHoursDayProps {
  day: Weekday;
  ranges: TimeRange[];
  problem?: string;
  onChange: (ranges: TimeRange[]) => void;
}

/** One weekday: open or closed, and its opening ranges. */
export function BusinessHoursDay({ day, ranges, problem, onChange }: BusinessHoursDayProps) {
  const name = WEEKDAY_NAMES[day];
  const problemId = `hours-${day}-problem`;
  const setRange = (index: number, range: TimeRange) => onChange(ranges.map((current, i) => (i === index ? range : current)));
  const lastClose = ranges[ranges.length - 1]?.close;
  const nextRange = lastClose && lastClose < '23:00' ? { open: lastClose, close: closeFromInput('00:00') } : { open: '09:00', close: '17:00' };

  return (
    <fieldset className="grid gap-3 py-3 sm:grid-cols-[10rem_1fr]" aria-describedby={problem ? problemId : undefined}>
      <legend className="sr-only">{name}</legend>
      <Checkbox label={name} checked={ranges.length > 0} onChange={(event) => onChange(event.target.checked ? [{ open: '09:00', close: '17:00' }] : [])} />
      <div className="space-y-2">
        {ranges.length === 0 && <p className="text-sm text-slate-600 dark:text-slate-400">Closed</p>}
        {ranges.map((range, index) => (
          <div key={index} className="flex flex-wrap items-center gap-2">
            <input
              type="time"
              aria-label={`${name}, range ${index + 1}, opens at`}
              value={range.open}
              onChange={(event) => setRange(index, { ...range, open: event.target.value })}
              className={`${CONTROL_BASE} w-36`}
              aria-invalid={problem ? true : undefined}
            />
            <span aria-hidden className="text-slate-600 dark:text-slate-400">
              to
            </span>
            <input
              type="time"
              aria-label={`${name}, range ${index + 1}, closes at`}
              value={closeForInput(range.close)}
              onChange={(event) => setRange(index, { ...range, close: closeFromInput(event.target.value) })}
              className={`${CONTROL_BASE} w-36`}
              aria-invalid={problem ? true : undefined}
            />
            <Button variant="ghost" size="sm" onClick={() => onChange(ranges.filter((_, i) => i !== index))}>
              <Trash2 aria-hidden className="h-4 w-4" />
              <span className="sr-only">
                Remove {name} range {index + 1}
              </span>
            </Button>
          </div>
        ))}
        {ranges.length > 0 && (
          <Button variant="ghost" size="sm" onClick={() => onChange([...ranges, nextRange])}>
            <Plus aria-hidden className="h-4 w-4" />
            Add hours<span className="sr-only"> on {name}</span>
          </Button>
        )}
        {problem && (
          <p id={problemId} className={ERROR_CLASSES}>
            {problem}
          </p>
        )}
      </div>
    </fieldset>
  );
}
