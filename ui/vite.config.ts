/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// base './': the server adds <base href="BASE_PATH/"> to index.html, so one build works under any BASE_PATH.
export default defineConfig({
  base: './',
  plugins: [react()],
  build: { target: 'es2022', assetsInlineLimit: 0, chunkSizeWarningLimit: 900 },
  server: { proxy: { '/api': 'http://127.0.0.1:3106' } },
  test: { include: ['src/**/*.test.ts'] },
});
