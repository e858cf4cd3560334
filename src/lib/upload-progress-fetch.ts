/**
 * storage-js uploads through `fetch`, which cannot report upload progress. The Supabase client is
 * given this fetch instead: requests whose URL a caller registered with `trackUploadProgress` go
 * through XMLHttpRequest (which can), every other request goes to the browser's fetch unchanged.
 */
type ProgressListener = (fraction: number) => void;

const listeners = new Map<string, ProgressListener>();

/** Reports upload progress (0…1) for the next request to a URL ending with `urlSuffix`. */
export function trackUploadProgress(urlSuffix: string, listener: ProgressListener): () => void {
  listeners.set(urlSuffix, listener);
  return () => listeners.delete(urlSuffix);
}

function listenerFor(url: string): ProgressListener | undefined {
  const path = decodeURIComponent(url.split('?')[0]);
  for (const [suffix, listener] of listeners) if (path.endsWith(suffix)) return listener;
  return undefined;
}

function parseHeaders(raw: string): Headers {
  const headers = new Headers();
  for (const line of raw.trim().split(/[\r\n]+/)) {
    const index = line.indexOf(':');
    if (index > 0) headers.append(line.slice(0, index).trim(), line.slice(index + 1).trim());
  }
  return headers;
}

function xhrFetch(request: Request, body: XMLHttpRequestBodyInit | null, onProgress: ProgressListener): Promise<Response> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(request.method, request.url);
    request.headers.forEach((value, key) => xhr.setRequestHeader(key, value));
    xhr.responseType = 'blob';
    xhr.upload.onprogress = (event) => event.lengthComputable && onProgress(event.loaded / event.total);
    xhr.onload = () => {
      onProgress(1);
      const headers = parseHeaders(xhr.getAllResponseHeaders());
      resolve(new Response(xhr.response as Blob, { status: xhr.status, statusText: xhr.statusText, headers }));
    };
    xhr.onerror = () => reject(new TypeError('Failed to fetch'));
    xhr.onabort = () => reject(new DOMException('The upload was aborted.', 'AbortError'));
    request.signal.addEventListener('abort', () => xhr.abort());
    xhr.send(body);
  });
}

/** A drop-in `fetch` for the Supabase client (see the module comment). */
export const uploadProgressFetch: typeof fetch = (input, init) => {
  const url = input instanceof Request ? input.url : String(input);
  const onProgress = listenerFor(url);
  const body = init?.body;
  if (!onProgress || !(body instanceof FormData || body instanceof Blob)) return fetch(input, init);
  // The body is passed to XHR as is: a Request would serialise FormData with its own boundary header.
  const request = new Request(input, { ...init, body: undefined, method: init?.method ?? 'POST' });
  const headers = new Headers(init?.headers);
  if (body instanceof FormData) headers.delete('content-type');
  return xhrFetch(new Request(request, { headers }), body, onProgress);
};
