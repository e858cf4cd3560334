import { useEffect, useRef } from 'react';
import { isTyping } from '../tickets.utils.ts';

/** What the list's shortcuts do, for the help dialog. */
export const LIST_SHORTCUTS = [
  ['j', 'Next ticket'],
  ['k', 'Previous ticket'],
  ['Enter', 'Open the ticket'],
  ['x', 'Select or unselect the ticket'],
  ['a', 'Assign the selected tickets (or this one)'],
  ['r', 'Reply to the ticket'],
  ['/', 'Search'],
  ['?', 'Show these shortcuts'],
] as const;

export interface ListShortcutHandlers {
  next: () => void;
  previous: () => void;
  open: () => void;
  toggleSelection: () => void;
  assign: () => void;
  reply: () => void;
  search: () => void;
  help: () => void;
}

/**
 * j/k move, Enter opens, x selects, a assigns, r replies, / searches, ? shows help: only while the
 * user is not typing, without modifier keys, and with no dialog open.
 */
export function useListShortcuts(handlers: ListShortcutHandlers) {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  useEffect(() => {
    const keys: Record<string, keyof ListShortcutHandlers> = {
      j: 'next', k: 'previous', Enter: 'open', x: 'toggleSelection', a: 'assign', r: 'reply', '/': 'search', '?': 'help',
    };
    const onKeyDown = (event: KeyboardEvent) => {
      const action = keys[event.key];
      if (!action || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      if (document.querySelector('dialog[open]')) return;
      // Enter on a link or button keeps its own meaning
      if (event.key === 'Enter' && event.target instanceof HTMLElement && event.target.closest('a, button')) return;
      event.preventDefault();
      latest.current[action]();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
