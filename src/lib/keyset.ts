/** The sort key of a list's last row, for lists ordered `<column> desc, id desc`. */
export interface DescendingKey {
  at: string;
  id: string | number;
}

/**
 * PostgREST `or` filter for the rows after `key` in the order `<column> desc, id desc` (keyset
 * pagination). The value is quoted: a timestamp's ':', '.' and '+' must stay one value.
 */
export function afterDescending(column: string, { at, id }: DescendingKey): string {
  const value = `"${at}"`;
  return `${column}.lt.${value},and(${column}.eq.${value},id.lt.${id})`;
}
