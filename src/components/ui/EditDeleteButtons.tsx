import { Button } from './Button.tsx';

/** Edit and Delete for one item of a list, each named after the item for screen readers. */
export function EditDeleteButtons({ name, onEdit, onDelete }: { name: string; onEdit?: () => void; onDelete: () => void }) {
  return (
    <div className="flex gap-1">
      <Button variant="secondary" size="sm" onClick={onEdit}>
        Edit<span className="sr-only"> {name}</span>
      </Button>
      <Button variant="ghost" size="sm" onClick={onDelete}>
        Delete<span className="sr-only"> {name}</span>
      </Button>
    </div>
  );
}
