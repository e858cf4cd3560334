/**
 * Globals Supabase's Edge Runtime adds to Deno (the local stack provides them too). Listed in
 * deno.json's compilerOptions.types, so every function type-checks against them.
 */
declare const EdgeRuntime: {
  /** Keeps the worker alive until `promise` settles, after the response has been sent. */
  waitUntil<T>(promise: Promise<T>): Promise<T>;
};
