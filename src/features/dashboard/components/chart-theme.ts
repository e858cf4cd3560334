/** Colours of the dashboard's series: brand blue first, then hues that stay apart for colour-blind readers. */
export const SERIES = ['#1f58c2', '#0d9488', '#d97706', '#be123c', '#7c3aed', '#64748b'] as const;

export const AXIS = { fontSize: 12, fill: '#64748b' } as const;
export const GRID = '#e2e8f0';
