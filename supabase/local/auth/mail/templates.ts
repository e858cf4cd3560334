import { escapeHtml, fillTemplate, htmlToText, type CustomTemplate } from './custom-templates.ts';

export type MailKind = 'confirmation' | 'invite' | 'magic_link' | 'recovery' | 'email_change' | 'reauthentication';

export interface MailData {
  /** Recipient. */
  to: string;
  /** The six-digit (otp_length) code. */
  token: string;
  /** The /verify link; absent for reauthentication, which only has a code. */
  confirmationUrl?: string;
  /** For email changes: the address being confirmed. */
  newEmail?: string;
  /** The rest feeds custom templates (`{{ .Email }}`, `{{ .TokenHash }}`, `{{ .Data.name }}`, …). */
  email: string;
  tokenHash?: string;
  siteUrl: string;
  redirectTo?: string;
  userMetadata: Record<string, unknown>;
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

interface Template {
  subject: string;
  heading: string;
  intro: (data: MailData) => string;
  action: string;
  outro?: string;
}

/** Wording follows GoTrue's default templates. */
const TEMPLATES: Record<MailKind, Template> = {
  confirmation: {
    subject: 'Confirm your email address',
    heading: 'Confirm your email address',
    intro: () => 'Follow the link below to confirm this email address and finish signing up.',
    action: 'Confirm email address',
  },
  invite: {
    subject: "You've been invited",
    heading: "You've been invited",
    intro: () => "You've been invited to create an account. Follow the link below to accept.",
    action: 'Accept invitation',
  },
  magic_link: {
    subject: 'Your sign-in link',
    heading: 'Your sign-in link',
    intro: () => 'Follow the link below to sign in. This link expires shortly and can only be used once.',
    action: 'Sign in',
  },
  recovery: {
    subject: 'Reset your password',
    heading: 'Reset your password',
    intro: () => 'We received a request to reset your password. Follow the link below to choose a new one.',
    action: 'Reset password',
    outro: "If you didn't request this, you can safely ignore this email.",
  },
  email_change: {
    subject: 'Confirm your new email address',
    heading: 'Confirm your new email address',
    intro: (data) => `Follow the link below to confirm ${data.newEmail ?? ''} as your new email address.`,
    action: 'Confirm new email address',
    outro: "If you didn't request this change, you can safely ignore this email.",
  },
  reauthentication: {
    subject: 'Your verification code',
    heading: 'Your verification code',
    intro: () => 'Use the code below to verify your identity. It expires shortly.',
    action: '',
  },
};

function renderText(template: Template, data: MailData): string {
  const lines = [template.heading, '', template.intro(data), '', `Your code: ${data.token}`];
  if (data.confirmationUrl) lines.push('', `${template.action}: ${data.confirmationUrl}`);
  if (template.outro) lines.push('', template.outro);
  return lines.join('\n') + '\n';
}

function renderHtml(template: Template, data: MailData): string {
  const parts = [
    `<h2>${escapeHtml(template.heading)}</h2>`,
    `<p>${escapeHtml(template.intro(data))}</p>`,
    `<p>Your code: <strong>${escapeHtml(data.token)}</strong></p>`,
  ];
  if (data.confirmationUrl) {
    parts.push(`<p><a href="${escapeHtml(data.confirmationUrl)}">${escapeHtml(template.action)}</a></p>`);
  }
  if (template.outro) parts.push(`<p>${escapeHtml(template.outro)}</p>`);
  return `<!doctype html><html><body>${parts.join('\n')}</body></html>`;
}

/**
 * Subject, plain text and HTML of one email; the code comes before the link in both bodies.
 * `[auth.email.template.<kind>]` may replace the subject and the HTML body.
 */
export function renderMail(kind: MailKind, data: MailData, custom: CustomTemplate = {}): RenderedMail {
  const template = TEMPLATES[kind];
  const subject = custom.subject ? fillTemplate(custom.subject, data, false) : template.subject;
  if (!custom.html) return { subject, text: renderText(template, data), html: renderHtml(template, data) };
  const html = fillTemplate(custom.html, data, true);
  return { subject, text: htmlToText(html), html };
}
