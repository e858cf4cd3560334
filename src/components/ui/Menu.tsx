import type { LucideIcon } from 'lucide-react';
import { Check } from 'lucide-react';
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { Link } from 'react-router-dom';

export type MenuEntry =
  | { kind: 'link'; label: string; to: string; icon?: LucideIcon; current?: boolean }
  | { kind: 'action'; label: string; onSelect: () => void; icon?: LucideIcon }
  | { kind: 'radio'; label: string; checked: boolean; onSelect: () => void; icon?: LucideIcon }
  | { kind: 'heading'; label: string }
  /** A line of plain information, such as who is signed in. */
  | { kind: 'note'; label: string }
  | { kind: 'separator' };

interface MenuProps {
  /** What the button shows. */
  trigger: ReactNode;
  /** The button's accessible name when `trigger` is not plain text. */
  triggerLabel: string;
  entries: MenuEntry[];
  align?: 'left' | 'right';
  triggerClassName?: string;
}

const ITEM = 'flex w-full items-center gap-2 rounded px-2.5 py-1.5 text-left text-sm text-slate-800 hover:bg-slate-100 focus:bg-slate-100 focus:outline-none dark:text-slate-100 dark:hover:bg-slate-800 dark:focus:bg-slate-800';

function focusItem(menu: HTMLElement | null, move: (index: number, count: number) => number) {
  const items = [...(menu?.querySelectorAll<HTMLElement>('[role^="menuitem"]') ?? [])];
  if (!items.length) return;
  const index = items.indexOf(document.activeElement as HTMLElement);
  items[(move(index, items.length) + items.length) % items.length].focus();
}

/** A menu button (WAI-ARIA pattern): arrows move, Home/End jump, Escape and Tab close. */
export function Menu({ trigger, triggerLabel, entries, align = 'right', triggerClassName = '' }: MenuProps) {
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    focusItem(menuRef.current, () => 0);
    const onPointerDown = (event: PointerEvent) => {
      if (!menuRef.current?.contains(event.target as Node) && !buttonRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  const close = (refocus = true) => {
    setOpen(false);
    if (refocus) buttonRef.current?.focus();
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const moves: Record<string, (index: number, count: number) => number> = {
      ArrowDown: (index) => index + 1,
      ArrowUp: (index) => index - 1,
      Home: () => 0,
      End: (_index, count) => count - 1,
    };
    if (moves[event.key]) {
      event.preventDefault();
      focusItem(menuRef.current, moves[event.key]);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      close();
    } else if (event.key === 'Tab') {
      close(false);
    }
  };

  return (
    <div className="relative">
      <button
        ref={buttonRef}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-label={triggerLabel}
        onClick={() => setOpen((value) => !value)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' && !open) {
            event.preventDefault();
            setOpen(true);
          }
        }}
        className={triggerClassName}
      >
        {trigger}
      </button>
      {open && (
        <div
          ref={menuRef}
          id={menuId}
          role="menu"
          aria-label={triggerLabel}
          onKeyDown={onKeyDown}
          className={`absolute z-30 mt-1 w-60 rounded-md border border-slate-200 bg-white p-1 shadow-lg dark:border-slate-700 dark:bg-slate-900 ${align === 'right' ? 'right-0' : 'left-0'}`}
        >
          {entries.map((entry, index) => (
            <MenuItem key={index} entry={entry} onDone={() => close(entry.kind !== 'link')} />
          ))}
        </div>
      )}
    </div>
  );
}

function MenuItem({ entry, onDone }: { entry: MenuEntry; onDone: () => void }) {
  if (entry.kind === 'separator') return <div role="separator" className="my-1 border-t border-slate-200 dark:border-slate-700" />;
  if (entry.kind === 'note') {
    return (
      <div role="presentation" className="truncate px-2.5 py-1.5 text-xs text-slate-600 dark:text-slate-400" title={entry.label}>
        {entry.label}
      </div>
    );
  }
  if (entry.kind === 'heading') {
    return (
      <div role="presentation" className="px-2.5 pb-1 pt-2 text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400">
        {entry.label}
      </div>
    );
  }
  const Icon = entry.icon;
  const content = (
    <>
      {Icon && <Icon aria-hidden className="h-4 w-4 shrink-0 text-slate-600 dark:text-slate-300" />}
      <span className="min-w-0 flex-1 truncate">{entry.label}</span>
      {(entry.kind === 'radio' ? entry.checked : entry.kind === 'link' && entry.current) && <Check aria-hidden className="h-4 w-4 shrink-0" />}
    </>
  );
  if (entry.kind === 'link') {
    return (
      <Link role="menuitem" tabIndex={-1} to={entry.to} aria-current={entry.current ? 'page' : undefined} className={ITEM} onClick={onDone}>
        {content}
      </Link>
    );
  }
  return (
    <button
      type="button"
      role={entry.kind === 'radio' ? 'menuitemradio' : 'menuitem'}
      aria-checked={entry.kind === 'radio' ? entry.checked : undefined}
      tabIndex={-1}
      className={ITEM}
      onClick={() => {
        entry.onSelect();
        onDone();
      }}
    >
      {content}
    </button>
  );
}
