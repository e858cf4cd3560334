/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { defineConfig, type Plugin } from 'vite';

/** Serves the demo site (public/demo/index.html) at /demo and /demo/: Vite serves public files by exact path only. */
function demoSiteIndex(): Plugin {
  const rewrite = (req: IncomingMessage, _res: ServerResponse, next: () => void) => {
    if (req.url && /^\/demo\/?(\?|#|$)/.test(req.url)) req.url = req.url.replace(/^\/demo\/?/, '/demo/index.html');
    next();
  };
  return {
    name: 'demo-site-index',
    configureServer: (server) => void server.middlewares.use(rewrite),
    configurePreviewServer: (server) => void server.middlewares.use(rewrite),
  };
}

export default defineConfig({
  // The chat frame (src/embed) is Preact, so React's plugin (and its Fast Refresh) leaves it alone.
  plugins: [react({ exclude: [/\/src\/embed\//, /\/node_modules\//] }), demoSiteIndex()],
  server: { port: 5173, strictPort: true, host: '127.0.0.1' },
  preview: { port: 4173, strictPort: true, host: '127.0.0.1' },
  build: {
    sourcemap: true,
    // Two apps: the agent SPA (index.html) and the widget's chat frame (embed/index.html, served at /embed/).
    rolldownOptions: { input: { main: 'index.html', embed: 'embed/index.html' } },
  },
  test: {
    // Unit tests only; the stack's specs live in supabase/tests and the browser journeys in e2e.
    include: ['src/**/*.test.{ts,tsx}', 'supabase/local/**/*.test.ts', 'scripts/**/*.test.ts'],
    passWithNoTests: false,
  },
});
