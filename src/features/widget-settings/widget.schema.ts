import { z } from 'zod';
import { HEX_COLOR } from '../../lib/color.ts';

export const appearanceSchema = z.object({
  name: z.string().trim().min(1, 'Give the widget a name.').max(100, 'Keep the name under 100 characters.'),
  color: z.string().toLowerCase().regex(HEX_COLOR, 'Pick a colour.'),
  launcher_position: z.enum(['left', 'right']),
  greeting: z.string().max(300, 'Keep the greeting under 300 characters.'),
  away_message: z.string().max(500, 'Keep the away message under 500 characters.'),
  locale: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'Use a language code such as en or pt-BR.'),
  theme: z.enum(['light', 'dark', 'auto']),
});
export type AppearanceValues = z.infer<typeof appearanceSchema>;

/** The host patterns the database accepts (see the chat-widgets migration). */
const HOST_PATTERN = /^(\*\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(:[0-9]{1,5})?$/;

/**
 * Splits the allowed-domains box (one host per line or comma-separated) into normalized patterns, and
 * lists the entries that are not hosts ("https://…" or paths included).
 */
export function parseDomains(text: string): { domains: string[]; invalid: string[] } {
  const entries = [...new Set(text.split(/[\s,]+/).map((entry) => entry.trim().toLowerCase()).filter(Boolean))];
  const valid = (entry: string) =>
    entry.length <= 253 && HOST_PATTERN.test(entry) && (!entry.startsWith('*.') || /^\*\.[^.]+\.[^.]+/.test(entry.split(':')[0]));
  return { domains: entries.filter(valid), invalid: entries.filter((entry) => !valid(entry)) };
}

export const PRECHAT_TYPES = ['text', 'email', 'phone', 'textarea', 'select'] as const;

export const prechatFieldSchema = z
  .object({
    key: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'Lowercase letters, digits and _, starting with a letter.'),
    label: z.string().trim().min(1, 'Give the field a label.').max(100, 'Keep the label under 100 characters.'),
    type: z.enum(PRECHAT_TYPES),
    required: z.boolean(),
    options: z.string(),
  })
  .superRefine((field, context) => {
    const options = optionList(field.options);
    if (field.type === 'select' && (options.length < 1 || options.length > 20)) {
      context.addIssue({ code: 'custom', path: ['options'], message: 'List 1–20 choices, one per line.' });
    }
  });

export const prechatSchema = z.object({
  fields: z
    .array(prechatFieldSchema)
    .max(10, 'At most 10 fields.')
    .superRefine((fields, context) => {
      const seen = new Set<string>();
      fields.forEach((field, index) => {
        if (seen.has(field.key)) context.addIssue({ code: 'custom', path: [index, 'key'], message: 'Each field needs its own key.' });
        seen.add(field.key);
      });
    }),
});
export type PrechatValues = z.infer<typeof prechatSchema>;
export type PrechatFormField = PrechatValues['fields'][number];

function optionList(text: string): string[] {
  return text.split('\n').map((option) => option.trim()).filter(Boolean);
}

/** Stored shape: {key, label, type, required, options?} with options only for select fields (a type, so it is Json). */
export type StoredPrechatField = {
  key: string;
  label: string;
  type: (typeof PRECHAT_TYPES)[number];
  required?: boolean;
  options?: string[];
};

export function toStoredPrechat(fields: PrechatFormField[]): StoredPrechatField[] {
  return fields.map(({ key, label, type, required, options }) => ({
    key,
    label: label.trim(),
    type,
    required,
    ...(type === 'select' ? { options: optionList(options).map((option) => option.slice(0, 100)) } : {}),
  }));
}

export function toFormPrechat(stored: unknown): PrechatFormField[] {
  if (!Array.isArray(stored)) return [];
  return (stored as StoredPrechatField[]).map((field) => ({
    key: field.key,
    label: field.label,
    type: field.type,
    required: field.required ?? false,
    options: (field.options ?? []).join('\n'),
  }));
}

/**
 * The copy-paste snippet for the host site, in the form public/widget/loader.js documents: a queue
 * stub, then the loader. The colour is left out so that the saved one applies without re-pasting; the
 * loader places the launcher before it hears from the server, so the position is part of the snippet.
 */
export function embedSnippet(widgetKey: string, position: string, appOrigin: string): string {
  return [
    '<script>',
    '  window.Supportdesk = window.Supportdesk || function () { (Supportdesk.q = Supportdesk.q || []).push(arguments); };',
    `  Supportdesk('boot', { widgetKey: ${JSON.stringify(widgetKey)}, position: ${JSON.stringify(position)} });`,
    '</script>',
    `<script async src="${appOrigin}/widget/loader.js"></script>`,
  ].join('\n');
}
