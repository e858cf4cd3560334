import { useMutation } from '@tanstack/react-query';
import { AppError } from '../../../lib/errors.ts';
import { env } from '../../../lib/env.ts';
import { supabase } from '../../../lib/supabase.ts';
import type { TicketSearch } from './keys.ts';

/** The file name of a Content-Disposition header (its UTF-8 form preferred). */
export function dispositionFilename(header: string | null, fallback: string): string {
  const utf8 = header?.match(/filename\*=UTF-8''([^;]+)/i)?.[1];
  if (utf8) return decodeURIComponent(utf8);
  return header?.match(/filename="([^"]+)"/i)?.[1] ?? fallback;
}

/**
 * Downloads the CSV of a search from the export-tickets function. Read with fetch (not
 * functions.invoke) so the browser keeps the response as a stream into a Blob.
 */
export async function exportTickets({ orgId, search }: { orgId: string; search: TicketSearch }) {
  const { data } = await supabase.auth.getSession();
  if (!data.session) throw new AppError('Sign in again to export.');
  const response = await fetch(`${env.VITE_SUPABASE_URL}/functions/v1/export-tickets`, {
    method: 'POST',
    headers: { apikey: env.VITE_SUPABASE_PUBLISHABLE_KEY, Authorization: `Bearer ${data.session.access_token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ org_id: orgId, query: search.query.trim() || null, filters: search.filters, sort: search.sort }),
  });
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { message?: string };
    throw new AppError(body.message ?? 'The export failed. Try again.');
  }
  const blob = await response.blob();
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = dispositionFilename(response.headers.get('Content-Disposition'), 'tickets.csv');
  link.click();
  URL.revokeObjectURL(link.href);
}

export function useExportTicketsMutation() {
  return useMutation({ mutationFn: exportTickets, meta: { successMessage: 'Export downloaded' } });
}
