import { z } from 'zod';

const attributeValue = z.union([z.string().max(500), z.number(), z.boolean(), z.null()]);

/** What the widget sends after its (lazy) anonymous sign-in. */
export const WidgetSessionRequest = z.object({
  widget_key: z.string().min(8).max(100),
  // The host page's origin as the widget learned it in the postMessage handshake.
  parent_origin: z.string().min(1).max(300),
  user: z
    .object({
      id: z.string().trim().min(1).max(200),
      name: z.string().trim().max(200).optional(),
      email: z.string().trim().toLowerCase().max(320).pipe(z.email()).optional(),
      // hex(HMAC-SHA256(widget identity secret, id)), computed by the host site's server.
      hash: z.string().max(200).optional(),
    })
    .optional(),
  attributes: z
    .record(z.string().min(1).max(50), attributeValue)
    .refine((value) => Object.keys(value).length <= 50, 'at most 50 attributes')
    .optional(),
  page: z.object({ url: z.url({ protocol: /^https?$/ }).max(2000), title: z.string().max(300).optional() }).optional(),
  // Answers to the widget's pre-chat form, by field key.
  prechat: z.record(z.string().regex(/^[a-z][a-z0-9_]{0,39}$/), z.string().max(1000)).optional(),
});
export type WidgetSessionRequest = z.infer<typeof WidgetSessionRequest>;

/** "path: problem; path: problem" for a 400 the widget developer can act on. */
export function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`).join('; ');
}
