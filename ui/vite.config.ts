/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';

/**
 * <link rel="preload" as="fetch"> for the world map's JSON (fetched by the first WorldMap to mount): the
 * browser fetches it together with the app's own script instead of after the app has started and drawn
 * the overview, so it is there when the countries' numbers are.
 */
function preloadWorld(): Plugin {
  return {
    name: 'footfall-preload-world',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const world = Object.values(ctx.bundle ?? {}).find((c) => c.type === 'asset' && /countries-110m-[^/]*\.json$/.test(c.fileName));
        // crossorigin: fetch() asks in cors mode; a preload without it would not be reused.
        return world ? [{ tag: 'link', attrs: { rel: 'preload', as: 'fetch', crossorigin: true, href: './' + world.fileName }, injectTo: 'head' as const }] : [];
      },
    },
  };
}

// base './': the server adds <base href="BASE_PATH/"> to index.html, so one build works under any BASE_PATH.
export default defineConfig({
  base: './',
  plugins: [react(), preloadWorld()],
  build: { target: 'es2022', assetsInlineLimit: 0, chunkSizeWarningLimit: 900 },
  server: { proxy: { '/api': 'http://127.0.0.1:3106' } },
  test: { include: ['src/**/*.test.ts'] },
});
