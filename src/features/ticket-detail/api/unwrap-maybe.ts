import { toAppError } from '../../../lib/errors.ts';

/** The data of a `.maybeSingle()` result (null when there is no row); throws the AppError otherwise. */
export function unwrapMaybe<T>(result: { data: T | null; error: unknown }): T | null {
  if (result.error) throw toAppError(result.error);
  return result.data;
}
