/**
 * The postMessage protocol between the host page's loader (public/widget/loader.js, hand-written to stay
 * tiny, which mirrors these names) and the chat frame. Every message is {source, type, payload};
 * receivers check event.origin and event.source, senders always name the target origin.
 */
export const FROM_HOST = 'supportdesk-host';
export const FROM_FRAME = 'supportdesk-embed';

export interface HostUser {
  id: string;
  name?: string;
  email?: string;
  /** hex(HMAC-SHA256(widget identity secret, id)), computed by the host site's server. */
  hash?: string;
}

export interface PageInfo {
  url: string;
  title: string;
}

export type Attributes = Record<string, string | number | boolean | null>;

export interface InitPayload {
  widgetKey: string;
  locale: string;
  /** From the snippet; null: the widget's own setting. */
  theme: 'light' | 'dark' | 'auto' | null;
  page: PageInfo;
  user: HostUser | null;
  attributes: Attributes;
  opened: boolean;
}

/** Host → frame. */
export type HostMessage =
  | { type: 'init'; payload: InitPayload }
  | { type: 'visibility'; payload: { opened: boolean } }
  | { type: 'page'; payload: PageInfo }
  | { type: 'set-user'; payload: { user: HostUser | null } }
  | { type: 'set-attributes'; payload: { attributes: Attributes } }
  | { type: 'set-locale'; payload: { locale: string } }
  | { type: 'reset'; payload: Record<string, never> };

/** Frame → host. */
export type FrameMessage =
  | { type: 'handshake'; payload: Record<string, never> }
  | { type: 'ready'; payload: { color: string; position: string; labels: { open: string; close: string; unread: string } } }
  | { type: 'refused'; payload: { code: string; message: string } }
  | { type: 'unread'; payload: { count: number } }
  | { type: 'message'; payload: { sender: string; preview: string; conversationId: string } }
  | { type: 'close'; payload: Record<string, never> }
  | { type: 'error'; payload: { code: string; message: string } };
