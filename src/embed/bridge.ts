import { FROM_FRAME, FROM_HOST, type FrameMessage, type HostMessage } from './messages.ts';

/**
 * The frame's side of the postMessage protocol (src/embed/messages.ts). The host's origin comes from
 * the browser (ancestorOrigins, else the referrer), never from a message: the frame then talks only to
 * that origin and only listens to its parent window.
 */
export function detectParentOrigin(): string | null {
  if (window.parent === window) return null;
  const ancestors = location.ancestorOrigins;
  if (ancestors?.length) return ancestors[0];
  try {
    return document.referrer ? new URL(document.referrer).origin : null;
  } catch {
    return null;
  }
}

export function createBridge(parentOrigin: string) {
  const post = (message: FrameMessage) => window.parent.postMessage({ source: FROM_FRAME, ...message }, parentOrigin);

  const listen = (handler: (message: HostMessage) => void) => {
    const onMessage = (event: MessageEvent) => {
      const data = event.data as { source?: unknown; type?: unknown; payload?: unknown } | null;
      if (event.origin !== parentOrigin || event.source !== window.parent) return;
      if (!data || data.source !== FROM_HOST || typeof data.type !== 'string' || typeof data.payload !== 'object' || !data.payload) return;
      handler(data as HostMessage);
    };
    addEventListener('message', onMessage);
    return () => removeEventListener('message', onMessage);
  };

  return { post, listen };
}

export type Bridge = ReturnType<typeof createBridge>;
