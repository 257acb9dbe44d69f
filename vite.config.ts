import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The web app: built into dist/web, which the server serves with an SPA fallback (same origin,
 * so cookies and the CSRF token work without CORS). `npm run dev:web` proxies /api to a server
 * started separately (API_PORT, default 3000).
 */
const apiPort = process.env.API_PORT ?? '3000';
const apiOrigin = `http://127.0.0.1:${apiPort}`;

export default defineConfig({
  root: '.',
  publicDir: 'public',
  plugins: [react(), tailwindcss()],
  build: {
    outDir: 'dist/web',
    emptyOutDir: true,
    // Japanese fonts come as many small unicode-range subsets; never inline them as data: URLs.
    assetsInlineLimit: 0,
    // The CSP forbids inline scripts; Vite's module preload polyfill would be one.
    modulePreload: { polyfill: false },
  },
  server: {
    proxy: {
      '/api': {
        target: apiOrigin,
        changeOrigin: true,
        // The server's CSRF guard accepts its own origin only; the dev server is another port.
        headers: { origin: apiOrigin },
      },
    },
  },
});
