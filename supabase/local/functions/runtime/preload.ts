/**
 * Runs inside every function's Deno process (`deno run --preload`), before the function's own
 * module. It supplies what Supabase's Edge Runtime provides and plain Deno lacks:
 *  - `EdgeRuntime.waitUntil(promise)`: the process lives on anyway, so run it and log failures;
 *  - a `Deno.serve` whose uncaught handler errors become the runtime's 500 WORKER_ERROR JSON;
 *  - a readiness line on stdout once the server listens, so the router knows when to proxy;
 *  - the environment the CLI gives functions (HOME only served Deno's own .npmrc lookup).
 * Written against a minimal view of the Deno API so it also type-checks in the Node project.
 */
export const READY_MARKER = '@supabase-local/worker-listening';

type Handler = (request: Request, info: unknown) => Response | Promise<Response>;
interface ServeOptions {
  handler?: Handler;
  onError?: (error: unknown) => Response | Promise<Response>;
  onListen?: (address: unknown) => void;
  [option: string]: unknown;
}
interface DenoSubset {
  serve(...args: unknown[]): unknown;
  env: { delete(name: string): void };
}

const deno = (globalThis as unknown as { Deno?: DenoSubset }).Deno;

function workerError(error: unknown): Response {
  console.error(error);
  const body = { code: 'WORKER_ERROR', message: 'Function exited due to an error (please check logs)' };
  return Response.json(body, { status: 500 });
}

function splitServeArguments(args: unknown[]): { options: ServeOptions; handler: Handler } {
  const [first, second] = args;
  if (typeof first === 'function') return { options: {}, handler: first as Handler };
  const options = (first ?? {}) as ServeOptions;
  const handler = (typeof second === 'function' ? second : options.handler) as Handler;
  return { options, handler };
}

if (deno) {
  for (const name of ['HOME', 'HOSTNAME', 'PATH', 'PWD']) deno.env.delete(name);

  const originalServe = deno.serve.bind(deno);
  deno.serve = (...args: unknown[]) => {
    const { options, handler } = splitServeArguments(args);
    return originalServe({
      ...options,
      handler,
      onError: options.onError ?? workerError,
      onListen(address: unknown) {
        options.onListen?.(address);
        console.log(READY_MARKER);
      },
    });
  };

  Object.defineProperty(globalThis, 'EdgeRuntime', {
    value: Object.freeze({
      waitUntil<T>(promise: Promise<T>): Promise<T> {
        promise.catch((error: unknown) => console.error('EdgeRuntime.waitUntil task failed:', error));
        return promise;
      },
    }),
  });
}
