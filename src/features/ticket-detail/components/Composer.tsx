import { useQueryClient } from '@tanstack/react-query';
import { BookText, Send } from 'lucide-react';
import { useEffect, useRef, useState, type Dispatch, type FormEvent, type RefObject, type SetStateAction } from 'react';
import { useSearchParams } from 'react-router-dom';
import { toast } from 'sonner';
import { Button } from '../../../components/ui/Button.tsx';
import { CONTROL_BASE } from '../../../components/ui/field-styles.ts';
import { Menu } from '../../../components/ui/Menu.tsx';
import { useCurrentOrg } from '../../../hooks/use-current-org.ts';
import { toAppError } from '../../../lib/errors.ts';
import { uploadCommentFile } from '../api/attachment-upload.ts';
import { useDraftQuery } from '../api/conversation-queries.ts';
import { ticketDetailKeys } from '../api/keys.ts';
import { renderSavedReply, useSavedRepliesQuery, type PeopleDirectory } from '../api/reference-data-queries.ts';
import { addComment, refreshTicket, saveDraft } from '../api/ticket-mutations.ts';
import type { Ticket } from '../api/ticket-query.ts';
import { commentSchema, fieldErrors } from '../ticket-detail.schema.ts';
import { decodeMentions, encodeMentions, fileProblem } from '../ticket-detail.utils.ts';
import { FileDropZone, type PendingFile } from './FileDropZone.tsx';
import { MentionTextArea } from './MentionTextArea.tsx';

const AUTOSAVE_DELAY_MS = 800;

type SaveState = 'idle' | 'saving' | 'saved' | 'failed';

/**
 * Saves the composer's text as the user's draft a moment after they stop typing, and restores the
 * saved draft once on load (unless they already started typing).
 */
function useDraft(
  ticketId: string,
  directory: PeopleDirectory,
  { body, isInternal }: { body: string; isInternal: boolean },
  { setBody, setIsInternal }: { setBody: Dispatch<SetStateAction<string>>; setIsInternal: (internal: boolean) => void },
) {
  const draft = useDraftQuery(ticketId);
  const restored = useRef(false);
  const lastSaved = useRef<string | null>(null);
  const [state, setState] = useState<SaveState>('idle');
  const ready = draft.isFetched && directory.loaded;

  useEffect(() => {
    if (!ready || restored.current) return;
    restored.current = true;
    lastSaved.current = draft.data ? `${draft.data.is_internal}:${draft.data.body}` : `false:`;
    if (!draft.data) return;
    const text = decodeMentions(draft.data.body, directory.people);
    setBody((current) => current || text);
    setIsInternal(draft.data.is_internal);
  }, [ready, draft.data, directory.people, setBody, setIsInternal]);

  useEffect(() => {
    if (!restored.current) return;
    const encoded = encodeMentions(body, directory.agents);
    const key = `${isInternal}:${encoded.trim() ? encoded : ''}`;
    if (key === lastSaved.current) return;
    const timer = setTimeout(() => {
      setState('saving');
      saveDraft(ticketId, encoded, isInternal).then(
        () => {
          lastSaved.current = key;
          setState('saved');
        },
        () => setState('failed'),
      );
    }, AUTOSAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [body, isInternal, ticketId, directory.agents]);

  const forget = () => {
    lastSaved.current = 'false:';
    setState('idle');
    return saveDraft(ticketId, '', false);
  };
  return { state, restoring: !ready, forget };
}

/** Focuses the composer once when the page was opened to reply (`?reply=1`, the list's "r" shortcut). */
function useFocusOnReplyLink(textareaRef: RefObject<HTMLTextAreaElement | null>) {
  const [searchParams, setSearchParams] = useSearchParams();
  const wantsReply = searchParams.get('reply') === '1';
  useEffect(() => {
    if (!wantsReply || !textareaRef.current) return;
    textareaRef.current.focus();
    textareaRef.current.scrollIntoView({ block: 'center' });
    setSearchParams((params) => {
      params.delete('reply');
      return params;
    }, { replace: true });
  }, [wantsReply, textareaRef, setSearchParams]);
}

const SAVE_LABELS: Record<SaveState, string> = { idle: '', saving: 'Saving draft…', saved: 'Draft saved', failed: 'Draft not saved' };

/** Reply or internal note, with mentions, saved replies, files, "send later" and an autosaved draft. */
export function Composer({ ticket, directory, staff }: { ticket: Ticket; directory: PeopleDirectory; staff: boolean }) {
  const { org } = useCurrentOrg();
  const queryClient = useQueryClient();
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const [body, setBody] = useState('');
  const [isInternal, setIsInternal] = useState(false);
  const [later, setLater] = useState<string | null>(null);
  const [files, setFiles] = useState<PendingFile[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [sending, setSending] = useState(false);
  const draft = useDraft(ticket.id, directory, { body, isInternal }, { setBody, setIsInternal });
  const savedReplies = useSavedRepliesQuery(org.id, staff);
  useFocusOnReplyLink(textareaRef);

  const addFiles = (added: File[]) => {
    const problems = added.map((file) => fileProblem(file, org.attachment_max_bytes, org.attachment_mime_types)).filter((p): p is string => p !== null);
    for (const problem of problems) toast.error(problem);
    const accepted = added.filter((file) => !fileProblem(file, org.attachment_max_bytes, org.attachment_mime_types));
    setFiles((current) => [...current, ...accepted.map((file) => ({ key: crypto.randomUUID(), file, progress: null }))]);
  };

  const insertSavedReply = async (id: string) => {
    try {
      const text = await renderSavedReply(id, ticket.id);
      const area = textareaRef.current;
      const at = area?.selectionStart ?? body.length;
      setBody(body.slice(0, at) + text + body.slice(at));
      area?.focus();
    } catch (error) {
      toast.error(toAppError(error).message);
    }
  };

  const send = async (event?: FormEvent) => {
    event?.preventDefault();
    if (sending) return;
    if (!isInternal && later === '') return setErrors({ scheduledAt: 'Choose when to send it.' });
    const scheduledAt = !isInternal && later ? new Date(later).toISOString() : null;
    const parsed = commentSchema.safeParse({ body, isInternal, scheduledAt });
    if (!parsed.success) return setErrors(fieldErrors(parsed.error));
    setErrors({});
    setSending(true);
    try {
      const comment = await addComment(ticket.id, { ...parsed.data, body: encodeMentions(parsed.data.body, directory.agents) });
      for (const pending of files) {
        await uploadCommentFile({ orgId: ticket.org_id, ticketId: ticket.id, commentId: comment.id }, pending.file, (progress) =>
          setFiles((current) => current.map((f) => (f.key === pending.key ? { ...f, progress } : f))),
        );
      }
      setBody('');
      setFiles([]);
      setLater(null);
      await draft.forget();
      queryClient.setQueryData(ticketDetailKeys.draft(ticket.id), null);
      toast.success(scheduledAt ? 'Reply scheduled' : isInternal ? 'Note added' : 'Reply sent');
    } catch (error) {
      const described = toAppError(error);
      toast.error(described.message, { description: described.hint });
      setFiles((current) => current.map((f) => ({ ...f, progress: null })));
    } finally {
      setSending(false);
      refreshTicket(queryClient, ticket);
    }
  };

  const label = isInternal ? 'Internal note' : 'Reply';
  return (
    <form
      onSubmit={(event) => void send(event)}
      aria-label="Write a reply"
      noValidate
      className={`space-y-3 rounded-lg border p-4 ${isInternal ? 'border-amber-300 bg-amber-50/60 dark:border-amber-800 dark:bg-amber-950/30' : 'border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900'}`}
    >
      {staff && (
        <fieldset className="flex flex-wrap items-center gap-3">
          <legend className="sr-only">Kind of message</legend>
          {[
            { value: false, text: 'Reply to requester' },
            { value: true, text: 'Internal note' },
          ].map((option) => (
            <label key={option.text} className="inline-flex items-center gap-1.5 text-sm font-medium text-slate-800 dark:text-slate-100">
              <input type="radio" name="comment-kind" checked={isInternal === option.value} onChange={() => setIsInternal(option.value)} className="accent-brand-600" />
              {option.text}
            </label>
          ))}
          {(savedReplies.data?.length ?? 0) > 0 && (
            <div className="ml-auto">
              <Menu
                trigger={
                  <span className="inline-flex items-center gap-1.5">
                    <BookText aria-hidden className="h-4 w-4" /> Saved replies
                  </span>
                }
                triggerLabel="Insert a saved reply"
                triggerClassName="rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-xs font-medium text-slate-800 hover:bg-slate-50 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100"
                entries={(savedReplies.data ?? []).map((reply) => ({ kind: 'action', label: reply.title, onSelect: () => void insertSavedReply(reply.id) }))}
              />
            </div>
          )}
        </fieldset>
      )}
      <MentionTextArea
        label={label}
        value={body}
        onChange={(text) => {
          setBody(text);
          setErrors({});
        }}
        people={staff ? directory.agents : []}
        textareaRef={textareaRef}
        onSubmitShortcut={() => void send()}
        error={errors.body}
        placeholder={draft.restoring ? 'Loading your draft…' : isInternal ? 'Only your team sees this note.' : 'Write to the requester…'}
      />
      <FileDropZone files={files} onAdd={addFiles} onRemove={(key) => setFiles((current) => current.filter((f) => f.key !== key))} disabled={sending} />
      <div className="flex flex-wrap items-center gap-3">
        {staff && !isInternal && (
          <div className="flex flex-wrap items-center gap-2 text-sm">
            <label className="inline-flex items-center gap-1.5 font-medium text-slate-800 dark:text-slate-100">
              <input type="checkbox" checked={later !== null} onChange={(event) => setLater(event.target.checked ? '' : null)} className="accent-brand-600" />
              Send later
            </label>
            {later !== null && (
              <>
                <label htmlFor="send-later-at" className="sr-only">
                  Send at
                </label>
                <input
                  id="send-later-at"
                  type="datetime-local"
                  value={later}
                  onChange={(event) => {
                    setLater(event.target.value);
                    setErrors({});
                  }}
                  aria-invalid={errors.scheduledAt ? true : undefined}
                  aria-describedby={errors.scheduledAt ? 'send-later-error' : undefined}
                  className={CONTROL_BASE}
                />
                {errors.scheduledAt && (
                  <span id="send-later-error" className="text-red-700 dark:text-red-400">
                    {errors.scheduledAt}
                  </span>
                )}
              </>
            )}
          </div>
        )}
        <span className="ml-auto text-xs text-slate-600 dark:text-slate-400">{SAVE_LABELS[draft.state]}</span>
        <Button type="submit" disabled={sending}>
          <Send aria-hidden className="h-4 w-4" />
          {sending ? 'Sending…' : later !== null && !isInternal ? 'Schedule reply' : isInternal ? 'Add note' : 'Send reply'}
        </Button>
      </div>
    </form>
  );
}
