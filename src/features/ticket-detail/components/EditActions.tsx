import { Button } from '../../../components/ui/Button.tsx';

/** Save (submits the surrounding form) and Cancel of an in-place editor. */
export function EditActions({ disabled, onCancel }: { disabled: boolean; onCancel: () => void }) {
  return (
    <>
      <Button type="submit" size="sm" disabled={disabled}>
        Save
      </Button>
      <Button variant="secondary" size="sm" onClick={onCancel}>
        Cancel
      </Button>
    </>
  );
}
