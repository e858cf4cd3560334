import { useState } from 'react';
import { Button } from '../../../components/ui/Button.tsx';
import { Dialog } from '../../../components/ui/Dialog.tsx';
import { TextField } from '../../../components/ui/TextField.tsx';

/** Snooze until a moment of the agent's choosing (in the future). */
export function SnoozeDialog({ open, onClose, onSnooze }: { open: boolean; onClose: () => void; onSnooze: (until: Date) => void }) {
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | undefined>();
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const until = new Date(value);
    if (!value || Number.isNaN(until.getTime())) return setError('Choose a date and time.');
    if (until.getTime() <= Date.now()) return setError('Choose a moment in the future.');
    setError(undefined);
    onSnooze(until);
  };
  return (
    <Dialog open={open} title="Snooze until" description="The conversation comes back to the open list then, or sooner if the visitor writes." onClose={onClose}>
      <form onSubmit={submit} noValidate className="space-y-4">
        <TextField label="Date and time" type="datetime-local" value={value} onChange={(event) => setValue(event.target.value)} error={error} />
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit">Snooze</Button>
        </div>
      </form>
    </Dialog>
  );
}
