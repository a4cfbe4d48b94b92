import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import type { UserConfig } from 'vite';

/**
 * The renderer build, shared by electron-vite (the app) and `npm run build:web` (the browser
 * bridge): the same files run in both. web-bridge.js is a second entry with a fixed name that
 * only the web bridge injects; Electron gets window.api from the preload instead.
 */
export const rendererConfig: UserConfig = {
  root: resolve(import.meta.dirname, 'src-renderer'),
  base: './',
  plugins: [react()],
  build: {
    outDir: resolve(import.meta.dirname, 'out/renderer'),
    emptyOutDir: true,
    rolldownOptions: {
      input: {
        index: resolve(import.meta.dirname, 'src-renderer/index.html'),
        'web-bridge': resolve(import.meta.dirname, 'src-main/web/browser-bridge.ts'),
      },
      output: {
        entryFileNames: (chunk) => (chunk.name === 'web-bridge' ? 'web-bridge.js' : 'assets/[name]-[hash].js'),
      },
    },
  },
};

export default rendererConfig;
