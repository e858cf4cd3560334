import { useEffect, useRef } from 'react';
import { isTypingTarget } from '../inbox.utils.ts';

export type ComposerMode = 'reply' | 'note';

export const INBOX_SHORTCUTS = [
  ['j', 'Next conversation'],
  ['k', 'Previous conversation'],
  ['r', 'Reply to the visitor'],
  ['n', 'Write a private note'],
  ['e', 'Resolve the conversation'],
  ['Enter', 'Send (Shift+Enter for a new line)'],
  ['Esc', 'Leave the message box'],
  ['?', 'Show these shortcuts'],
] as const;

interface ShortcutActions {
  next: () => void;
  previous: () => void;
  compose: (mode: ComposerMode) => void;
  resolve: () => void;
  help: () => void;
}

/** The inbox's single-key shortcuts (j, k, r, n, e, ?), ignored while typing or with a modifier held. */
export function useInboxShortcuts(actions: ShortcutActions) {
  const latest = useRef(actions);
  useEffect(() => {
    latest.current = actions;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTypingTarget(event.target)) return;
      if (document.querySelector('dialog[open]')) return;
      const handlers: Record<string, () => void> = {
        j: latest.current.next,
        k: latest.current.previous,
        r: () => latest.current.compose('reply'),
        n: () => latest.current.compose('note'),
        e: latest.current.resolve,
        '?': latest.current.help,
      };
      const handler = handlers[event.key];
      if (!handler) return;
      event.preventDefault();
      handler();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
}
