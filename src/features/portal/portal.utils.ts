import type { Database } from '../../types/database.ts';

export type StatusCategory = Database['public']['Enums']['ticket_status_category'];

/**
 * The file-name part of an attachment's storage path: letters, digits, ".", "-" and "_" only, no
 * leading dots (the database refuses those), at most 100 characters. The real name travels in the
 * upload's metadata and is sanitized by the database for display.
 */
export function storageSafeName(name: string): string {
  const safe = name.normalize('NFKD').replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[.\-_]+/, '').replace(/-+/g, '-').slice(-100);
  return safe || 'attachment';
}

/** Why an organization refuses a file before it is sent, or null when it may be uploaded. */
export function attachmentProblem(file: { name: string; size: number; type: string }, limits: { maxBytes: number; mimeTypes: string[] }): string | null {
  if (file.size === 0) return `${file.name} is empty.`;
  if (file.size > limits.maxBytes) return `${file.name} is larger than ${formatBytes(limits.maxBytes)}.`;
  if (!limits.mimeTypes.includes(file.type)) return `${file.name}: this type of file is not accepted.`;
  return null;
}

/** 1536 → "1.5 KB", 26214400 → "25 MB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${Number.isInteger(value) ? value : value.toFixed(1)} ${units[unit]}`;
}

const STATUS_TONES: Record<StatusCategory, 'brand' | 'warning' | 'success' | 'neutral'> = {
  open: 'brand',
  in_progress: 'brand',
  waiting_on_customer: 'warning',
  resolved: 'success',
  closed: 'neutral',
};

export function statusTone(category: StatusCategory) {
  return STATUS_TONES[category];
}

/** Whether a resolved ticket may still be reopened by its requester (the database decides too). */
export function canReopen(ticket: { status_category: StatusCategory; resolved_at: string | null }, windowDays: number, now: Date = new Date()): boolean {
  if (ticket.status_category !== 'resolved' || !ticket.resolved_at) return false;
  return new Date(ticket.resolved_at).getTime() + windowDays * 86_400_000 >= now.getTime();
}
