/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';

/**
 * <link rel="modulepreload"> for the lazy ECharts chunk and <link rel="preload" as="fetch"> for the world
 * map's JSON (fetched by that chunk): the browser fetches it together with
 * the app's own script instead of after the app has started, so it is there when the data is. It stays out
 * of the first-load JavaScript's execution (it runs only when the first chart mounts).
 */
function preloadCharts(): Plugin {
  return {
    name: 'footfall-preload-charts',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const chunk = Object.values(ctx.bundle ?? {}).find((c) => c.type === 'chunk' && c.name === 'charts' && c.isDynamicEntry);
        const world = Object.values(ctx.bundle ?? {}).find((c) => c.type === 'asset' && /countries-110m-[^/]*\.json$/.test(c.fileName));
        return [
          ...(chunk ? [{ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: './' + chunk.fileName }, injectTo: 'head' as const }] : []),
          // crossorigin: fetch() asks in cors mode; a preload without it would not be reused.
          ...(world ? [{ tag: 'link', attrs: { rel: 'preload', as: 'fetch', crossorigin: true, href: './' + world.fileName }, injectTo: 'head' as const }] : []),
        ];
      },
    },
  };
}

// base './': the server adds <base href="BASE_PATH/"> to index.html, so one build works under any BASE_PATH.
export default defineConfig({
  base: './',
  plugins: [react(), preloadCharts()],
  build: { target: 'es2022', assetsInlineLimit: 0, chunkSizeWarningLimit: 900 },
  server: { proxy: { '/api': 'http://127.0.0.1:3106' } },
  test: { include: ['src/**/*.test.ts'] },
});
