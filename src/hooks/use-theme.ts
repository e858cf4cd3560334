import { useSyncExternalStore } from 'react';
import { currentlyDark, setTheme, storedTheme, subscribeTheme, type Theme } from '../lib/theme.ts';

/** The chosen theme, whether the page is dark now, and a setter. */
export function useTheme(): { theme: Theme; dark: boolean; setTheme: (theme: Theme) => void } {
  const theme = useSyncExternalStore(subscribeTheme, storedTheme);
  const dark = useSyncExternalStore(subscribeTheme, currentlyDark);
  return { theme, dark, setTheme };
}
