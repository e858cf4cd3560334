/** A row of net.http_request_queue. */
export interface QueuedRequest {
  id: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  body: Buffer | null;
  timeout_milliseconds: number;
}

/** What pg_net stores in net._http_response for one request. */
export interface RequestOutcome {
  id: string;
  status_code: number | null;
  content_type: string | null;
  headers: Record<string, string> | null;
  content: string | null;
  timed_out: boolean;
  error_msg: string | null;
}

/** Sends one queued request the way pg_net's worker does: one attempt, bounded by its timeout. */
export async function sendRequest(request: QueuedRequest): Promise<RequestOutcome> {
  const started = performance.now();
  try {
    const response = await fetch(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body ? new Uint8Array(request.body) : undefined,
      signal: AbortSignal.timeout(request.timeout_milliseconds),
    });
    return {
      id: request.id,
      status_code: response.status,
      content_type: response.headers.get('content-type'),
      headers: Object.fromEntries(response.headers),
      content: await response.text(),
      timed_out: false,
      error_msg: null,
    };
  } catch (error) {
    const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
    const elapsed = Math.round(performance.now() - started);
    const message = timedOut
      ? `Timeout of ${request.timeout_milliseconds} ms reached. Total time: ${elapsed} ms`
      : `Couldn't connect to server: ${describe(error)}`;
    return { id: request.id, status_code: null, content_type: null, headers: null, content: null, timed_out: timedOut, error_msg: message };
  }
}

function describe(error: unknown): string {
  const cause = (error as { cause?: { message?: string } }).cause?.message;
  return cause ?? (error instanceof Error ? error.message : String(error));
}
