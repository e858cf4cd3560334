import { readFileSync } from 'node:fs';
import type { EmailTemplateConfig } from '../../config.ts';
import type { MailData, MailKind } from './templates.ts';

export interface CustomTemplate {
  subject?: string;
  html?: string;
}

export type CustomTemplates = Partial<Record<MailKind, CustomTemplate>>;

export const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);

const KINDS = new Set<string>(['confirmation', 'invite', 'magic_link', 'recovery', 'email_change', 'reauthentication']);
const isMailKind = (kind: string): kind is MailKind => KINDS.has(kind);

/** Reads the configured template bodies once, at start-up; a missing file stops the service. */
export function loadCustomTemplates(config: Record<string, EmailTemplateConfig>): CustomTemplates {
  const templates: CustomTemplates = {};
  for (const [kind, { subject, contentPath }] of Object.entries(config)) {
    if (!isMailKind(kind)) continue;
    let html: string | undefined;
    if (contentPath) {
      try {
        html = readFileSync(contentPath, 'utf8');
      } catch (error) {
        throw new Error(`[auth.email.template.${kind}] content_path ${contentPath}: ${(error as Error).message}`, {
          cause: error,
        });
      }
    }
    templates[kind] = { subject, html };
  }
  return templates;
}

/** The variables GoTrue's templates offer; `{{ .Data.<key> }}` reads user metadata. */
function templateValue(data: MailData, field: string, key: string | undefined): string {
  if (field === 'Data') {
    const value = key ? data.userMetadata[key] : data.userMetadata;
    return value === undefined || value === null ? '' : typeof value === 'string' ? value : JSON.stringify(value);
  }
  const fields: Record<string, string | undefined> = {
    ConfirmationURL: data.confirmationUrl,
    Token: data.token,
    TokenHash: data.tokenHash,
    SiteURL: data.siteUrl,
    RedirectTo: data.redirectTo,
    Email: data.email,
    NewEmail: data.newEmail,
    SendingTo: data.to,
  };
  return fields[field] ?? '';
}

/**
 * Substitutes `{{ .Field }}` placeholders (only plain fields: Go template logic such as
 * `{{ if }}` is not interpreted). HTML bodies get their values escaped, subjects do not.
 */
export function fillTemplate(source: string, data: MailData, html: boolean): string {
  return source.replace(/\{\{\s*\.([A-Za-z]+)(?:\.([A-Za-z0-9_]+))?\s*\}\}/g, (_match, field: string, key?: string) => {
    const value = templateValue(data, field, key);
    return html ? escapeHtml(value) : value;
  });
}

/** A plain-text alternative for custom HTML bodies, keeping link targets readable. */
export function htmlToText(html: string): string {
  return html
    .replace(/<a\s[^>]*href="([^"]*)"[^>]*>(.*?)<\/a>/gis, '$2: $1')
    .replace(/<(br|\/p|\/h\d|\/div|\/li)\s*\/?>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
